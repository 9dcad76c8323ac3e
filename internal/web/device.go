package web

import (
	"crypto/sha256"
	"errors"
	"net/http"
	"time"

	"entraide/internal/accounts"

	"github.com/gorilla/securecookie"
	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/hkdf"
)

// The device cookie says "this browser logged in to this account before".
// It outlives log-out (it is not the session) and lets the member's correct
// password through an account or address lock that someone else's guesses
// set off (accounts.LogIn). It is signed with a key of its own derived from
// the session secret, holds no secret of the member's, and carries a random
// token under which its own failures are counted.
const (
	deviceCookie = "entraide_device"
	deviceMaxAge = 365 * 24 * time.Hour
)

type deviceValue struct {
	UserID int64
	Token  string
}

func newDeviceCodec(secret []byte) *securecookie.SecureCookie {
	key := make([]byte, 32)
	_, _ = hkdf.New(sha256.New, secret, nil, []byte("entraide device cookie")).Read(key)
	codec := securecookie.New(key, nil)
	codec.MaxAge(int(deviceMaxAge / time.Second))
	return codec
}

// device returns the browser's device proof, or the zero value.
func (s *Server) device(c echo.Context) accounts.Device {
	ck, err := c.Cookie(deviceCookie)
	if err != nil {
		return accounts.Device{}
	}
	var v deviceValue
	if err := s.devices.Decode(deviceCookie, ck.Value, &v); err != nil {
		return accounts.Device{}
	}
	return accounts.Device{UserID: v.UserID, Token: v.Token}
}

// rememberDevice marks the browser as one u logged in from.
func (s *Server) rememberDevice(c echo.Context, u *accounts.User) {
	v := deviceValue{UserID: u.ID, Token: randomToken()[:22]}
	if d := s.device(c); d.UserID == u.ID {
		v.Token = d.Token // the same browser keeps its count
	}
	enc, err := s.devices.Encode(deviceCookie, v)
	if err != nil {
		return
	}
	c.SetCookie(&http.Cookie{Name: deviceCookie, Value: enc, Path: "/login", MaxAge: int(deviceMaxAge / time.Second),
		HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode})
}

// throttledMessage says how long to wait before the next log-in, in whole
// minutes (at least one).
func throttledMessage(l *Layout, err error) string {
	var te *accounts.ThrottledError
	minutes := 15
	if errors.As(err, &te) {
		minutes = max(1, int((te.Wait+time.Minute-time.Second)/time.Minute))
	}
	return l.N("login.throttled_wait", minutes)
}

// busy turns accounts.ErrBusy (too many passwords being checked at once)
// into a 503 that says to try again; other errors pass unchanged.
func busy(err error) error {
	if errors.Is(err, accounts.ErrBusy) {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "errors.busy")
	}
	return err
}
