package web_test

import (
	"encoding/hex"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
	"entraide/internal/web"

	"github.com/gorilla/securecookie"
)

// A member whose cookie an older build wrote with gob stays logged in, and
// her cookie is written again in the current form on her next page.
func TestGobSessionCookieIsRewrittenOnce(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	_, u := srv.NewUser(accounts.Member)
	hexKey, err := srv.App.Settings.Secret(t.Context(), "session_secret", 32)
	if err != nil {
		t.Fatal(err)
	}
	secret, _ := hex.DecodeString(hexKey)
	old := securecookie.New(web.SessionKeys(secret)) // gob, as before
	old.MaxAge(30 * 24 * 3600)
	value, err := old.Encode("entraide", map[any]any{"uid": u.ID, "ver": u.SessionVersion, "csrf": "a-token-from-before"})
	if err != nil {
		t.Fatal(err)
	}
	c := srv.Client()
	c.SetCookies([]*http.Cookie{{Name: "entraide", Value: value, Path: "/"}})
	page := c.Get("/")
	if !strings.Contains(page.Text(".account"), u.Username) {
		t.Fatalf("the gob cookie did not log %s in: %q", u.Username, page.Text(".account"))
	}
	rewritten := ""
	for _, ck := range c.Cookies() {
		if ck.Name == "entraide" {
			rewritten = ck.Value
		}
	}
	if rewritten == "" || rewritten == value {
		t.Fatal("the cookie was not written again")
	}
	current := securecookie.New(web.SessionKeys(secret))
	current.SetSerializer(web.SessionCodec{})
	got := map[any]any{}
	if err := current.Decode("entraide", rewritten, &got); err != nil || got["uid"] != u.ID || got["csrf"] != "a-token-from-before" {
		t.Fatalf("rewritten cookie: %v %v", got, err)
	}
	if err := old.Decode("entraide", rewritten, &map[any]any{}); err == nil {
		t.Error("the rewritten cookie is still gob")
	}
	// Written once: the next page keeps it.
	c.Get("/")
	for _, ck := range c.Cookies() {
		if ck.Name == "entraide" && ck.Value != rewritten {
			t.Error("the cookie was written again on the next page")
		}
	}
	if !strings.Contains(c.Get("/").Text(".account"), u.Username) {
		t.Error("logged out after the rewrite")
	}
}
