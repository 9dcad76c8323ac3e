package web

import (
	"maps"
	"testing"

	"github.com/gorilla/securecookie"
)

var testSessionSecret = []byte("a session secret of at least thirty-two bytes")

// sessionValues is what a member's session holds.
func sessionValues() map[any]any {
	return map[any]any{keyUserID: int64(4071), keyVersion: 3, keyCSRF: "6Zb0x-token", keyLocale: "en", keyFlash: "flash.saved", keyAsk: "ask-token"}
}

func TestSessionCookieReadsWhatItWrote(t *testing.T) {
	store := newCookieStore(testSessionSecret, false)
	encoded, err := securecookie.EncodeMulti(sessionName, sessionValues(), store.Codecs...)
	if err != nil {
		t.Fatal(err)
	}
	got := map[any]any{}
	if err := securecookie.DecodeMulti(sessionName, encoded, &got, store.Codecs...); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, sessionValues()) {
		t.Fatalf("read %v, wrote %v", got, sessionValues())
	}
}

// Cookies written by gob before the session codec changed keep their
// members logged in.
func TestSessionCookieWrittenByGobStillReads(t *testing.T) {
	old := securecookie.New(sessionKeys(testSessionSecret)) // gob, the default
	encoded, err := old.Encode(sessionName, sessionValues())
	if err != nil {
		t.Fatal(err)
	}
	got := map[any]any{}
	if err := securecookie.DecodeMulti(sessionName, encoded, &got, newCookieStore(testSessionSecret, false).Codecs...); err != nil {
		t.Fatal(err)
	}
	want := sessionValues()
	want[keyRewrite] = true // to be written again as a record
	if !maps.Equal(got, want) {
		t.Fatalf("read %v from a gob cookie, want %v", got, want)
	}
}

func TestSessionCodecRefusesOtherValues(t *testing.T) {
	if _, err := (sessionCodec{}).Serialize(map[any]any{"x": 1.5}); err == nil {
		t.Error("a float was written")
	}
	if _, err := (sessionCodec{}).Serialize(map[any]any{7: "x"}); err == nil {
		t.Error("an integer key was written")
	}
}

// FuzzSessionCodec: any record reads without panicking, and what is
// written reads back the same.
func FuzzSessionCodec(f *testing.F) {
	good, _ := sessionCodec{}.Serialize(sessionValues())
	f.Add(good, "k", "v", int64(-5))
	f.Add([]byte{0, 200, 1}, "", "", int64(0))
	f.Add([]byte{0, 1, 'a', 'z'}, "é", "\x00", int64(1)<<62)
	f.Fuzz(func(t *testing.T, record []byte, key, value string, n int64) {
		_ = sessionCodec{}.Deserialize(append([]byte{sessionRecord}, record...), &map[any]any{})
		want := map[any]any{key: value, key + "#": n, key + "+": int(int32(n))}
		written, err := sessionCodec{}.Serialize(want)
		if err != nil {
			t.Fatal(err)
		}
		got := map[any]any{}
		if err := (sessionCodec{}).Deserialize(written, &got); err != nil || !maps.Equal(got, want) {
			t.Fatalf("read %v (%v), wrote %v", got, err, want)
		}
	})
}
