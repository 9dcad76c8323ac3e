package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"entraide/internal/accounts"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/hkdf"
)

// The session cookie holds the user id, the user's session version, the CSRF
// token, a flash message and a visitor's language — never a whole user.
const (
	sessionName   = "entraide"
	keyUserID     = "uid"
	keyVersion    = "ver"
	keyCSRF       = "csrf"
	keyFlash      = "flash"
	keyLocale     = "locale"
	keyAsk        = "ask" // the token of the ask session a visitor started
	sessionMaxAge = 30 * 24 * 3600
)

// newCookieStore derives separate signing and encryption keys from one
// secret, so the operator manages a single value.
func newCookieStore(secret []byte, secure bool) *sessions.CookieStore {
	store := sessions.NewCookieStore(sessionKeys(secret))
	for _, codec := range store.Codecs {
		if sc, ok := codec.(*securecookie.SecureCookie); ok {
			sc.SetSerializer(sessionCodec{})
		}
	}
	store.Options = &sessions.Options{Path: "/", MaxAge: sessionMaxAge, HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode}
	return store
}

// sessionKeys are the signing and the encryption keys of the session cookie.
func sessionKeys(secret []byte) (signing, encryption []byte) {
	derive := func(label string) []byte {
		key := make([]byte, 32)
		_, _ = hkdf.New(sha256.New, secret, nil, []byte(label)).Read(key)
		return key
	}
	return derive("entraide session signing"), derive("entraide session encryption")
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// saveSession writes the cookie; call it before writing the response.
func saveSession(c echo.Context) error {
	st := stateOf(c)
	if st.session == nil {
		return nil
	}
	return st.session.Save(c.Request(), c.Response())
}

// logIn renews the session for u: a fresh CSRF token, u's id and session
// version. Anything a visitor's session held, but the language and the
// ask session they started (to come back to its step 3), is dropped.
func logIn(c echo.Context, u *accounts.User) error {
	st := stateOf(c)
	locale, askToken := st.session.Values[keyLocale], st.session.Values[keyAsk]
	st.session.Values = map[any]any{keyUserID: u.ID, keyVersion: u.SessionVersion, keyCSRF: randomToken()}
	if locale != nil {
		st.session.Values[keyLocale] = locale
	}
	if askToken != nil {
		st.session.Values[keyAsk] = askToken
	}
	st.user = u
	return saveSession(c)
}

// logOut forgets the user in this session (the caller bumps the version so
// that copies of the cookie die too).
func logOut(c echo.Context) error {
	st := stateOf(c)
	st.session.Values = map[any]any{keyCSRF: randomToken()}
	st.user = nil
	return saveSession(c)
}

// setFlash leaves a message (a catalog key) for the next page.
func setFlash(c echo.Context, key string) error {
	stateOf(c).session.Values[keyFlash] = key
	return saveSession(c)
}

// takeFlash returns and clears the pending message key.
func takeFlash(c echo.Context) string {
	st := stateOf(c)
	if st.session == nil {
		return ""
	}
	key, _ := st.session.Values[keyFlash].(string)
	if key != "" {
		delete(st.session.Values, keyFlash)
		_ = saveSession(c)
	}
	return key
}

func csrfToken(c echo.Context) string {
	st := stateOf(c)
	if st.session == nil {
		return ""
	}
	tok, _ := st.session.Values[keyCSRF].(string)
	return tok
}
