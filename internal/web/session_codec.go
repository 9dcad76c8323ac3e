package web

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/gorilla/securecookie"
)

// sessionCodec writes the session's few values (strings and integers under
// string keys) as a short binary record instead of gob. gob compiles a
// decoder for the map's types on every cookie it reads: on a member's page
// that was 7 % of the server's time. Cookies written by gob before the
// change still read (the record starts with a zero byte, which no gob
// stream does), so nobody is logged out by it. The bytes are signed and
// encrypted by securecookie around it, as before.
type sessionCodec struct{}

// keyRewrite marks the values read from a gob cookie, so that loadSession
// writes the cookie again as a record once (a member's cookie lives a
// month). loadSession deletes it before anything is saved.
const keyRewrite = "\x00rewrite"

// sessionRecord marks the record: gob streams start with a message's
// length, never zero.
const sessionRecord = 0

// The value kinds a session holds.
const (
	kindString = 's'
	kindInt64  = 'l'
	kindInt    = 'i'
)

var errSessionValue = errors.New("web: a session value is neither a string nor an integer")

// Serialize writes src, a session's Values, key by key in sorted order.
func (sessionCodec) Serialize(src any) ([]byte, error) {
	values, ok := src.(map[any]any)
	if !ok {
		return nil, fmt.Errorf("web: session values of type %T", src)
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		key, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("web: session key of type %T", k)
		}
		keys = append(keys, key)
	}
	slices.Sort(keys)
	out := make([]byte, 1, 96)
	out[0] = sessionRecord
	for _, key := range keys {
		out = appendString(out, key)
		switch v := values[key].(type) {
		case string:
			out = appendString(append(out, kindString), v)
		case int64:
			out = binary.AppendVarint(append(out, kindInt64), v)
		case int:
			out = binary.AppendVarint(append(out, kindInt), int64(v))
		default:
			return nil, fmt.Errorf("%w: %q is %T", errSessionValue, key, v)
		}
	}
	return out, nil
}

// Deserialize reads a record written by Serialize, or an older gob cookie.
func (sessionCodec) Deserialize(src []byte, dst any) error {
	values, ok := dst.(*map[any]any)
	if !ok {
		return fmt.Errorf("web: session values into %T", dst)
	}
	if len(src) == 0 || src[0] != sessionRecord {
		if err := (securecookie.GobEncoder{}).Deserialize(src, dst); err != nil {
			return err
		}
		(*values)[keyRewrite] = true // loadSession writes it again as a record
		return nil
	}
	if *values == nil {
		*values = map[any]any{}
	}
	r := sessionReader{rest: src[1:]}
	for len(r.rest) > 0 && r.err == nil {
		key := r.string()
		switch r.byte() {
		case kindString:
			(*values)[key] = r.string()
		case kindInt64:
			(*values)[key] = r.varint()
		case kindInt:
			(*values)[key] = int(r.varint())
		default:
			r.fail()
		}
	}
	return r.err
}

func appendString(out []byte, s string) []byte {
	return append(binary.AppendUvarint(out, uint64(len(s))), s...)
}

// sessionReader reads a record, remembering the first problem.
type sessionReader struct {
	rest []byte
	err  error
}

var errSessionRecord = errors.New("web: a malformed session record")

func (r *sessionReader) fail() { r.err, r.rest = errSessionRecord, nil }

func (r *sessionReader) byte() byte {
	if len(r.rest) == 0 {
		r.fail()
		return 0
	}
	b := r.rest[0]
	r.rest = r.rest[1:]
	return b
}

func (r *sessionReader) string() string {
	n, used := binary.Uvarint(r.rest)
	if used <= 0 || n > uint64(len(r.rest)-used) {
		r.fail()
		return ""
	}
	s := string(r.rest[used : used+int(n)])
	r.rest = r.rest[used+int(n):]
	return s
}

func (r *sessionReader) varint() int64 {
	v, used := binary.Varint(r.rest)
	if used <= 0 {
		r.fail()
		return 0
	}
	r.rest = r.rest[used:]
	return v
}
