package accounts

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"entraide/internal/errs"
	"entraide/internal/throttle"
)

// Log-in throttling. Counts live in the database (package throttle), so
// every instance sharing it sees the same ones, and they slow guessing
// rather than close the door:
//
//   - an account gets 5 failed log-ins a day free, then each further try
//     waits twice as long as the last (1 minute, 2, 4… up to 15): a person
//     who mistyped waits a minute, a guesser gets about a hundred tries a
//     day instead of five every 15 minutes;
//   - an address gets 20 an hour free, then the same back-off;
//   - a try refused for waiting is not counted, so hammering a throttled
//     account cannot keep it locked any longer;
//   - a browser that logged in to the account before (a signed device
//     cookie, see Device) skips both: whoever guesses elsewhere cannot lock
//     the member out. It gets 5 failures a day of its own, after which it is
//     treated like any other browser;
//   - failures for names that match no account count against the address
//     only, so random names add no rows.
var (
	accountRule = throttle.Rule{Scope: "login-account", Window: 24 * time.Hour, Free: 5, Base: time.Minute, Max: 15 * time.Minute}
	addressRule = throttle.Rule{Scope: "login-address", Window: time.Hour, Free: 20, Base: time.Minute, Max: 15 * time.Minute}
	deviceRule  = throttle.Rule{Scope: "login-device", Window: 24 * time.Hour, Free: 5}
)

// ErrThrottled means too many recent failed log-ins for the account or the
// address; the person must wait (see ThrottledError for how long).
var ErrThrottled = errors.New("accounts: too many failed log-ins")

// ThrottledError is ErrThrottled with the wait before the next try.
type ThrottledError struct{ Wait time.Duration }

func (e *ThrottledError) Error() string {
	return ErrThrottled.Error() + " (wait " + e.Wait.String() + ")"
}

// Is makes errors.Is(err, ErrThrottled) hold.
func (e *ThrottledError) Is(target error) bool { return target == ErrThrottled }

// ErrBadCredentials means the username or the password is wrong (never which).
var ErrBadCredentials = errors.New("accounts: bad credentials")

// Device is the browser's proof that it logged in to an account before: the
// web layer reads it from a signed cookie it set at that log-in.
type Device struct {
	UserID int64
	Token  string // random, one per browser: its own failures are counted
}

// LogIn is one log-in attempt.
type LogIn struct {
	Login, Password string
	IP              string
	Device          Device // zero when the browser carries none
}

// Authenticate checks a username (or email) and password from address ip.
func (s *Service) Authenticate(ctx context.Context, login, password, ip string) (*User, error) {
	return s.LogIn(ctx, LogIn{Login: login, Password: password, IP: ip})
}

// LogIn checks an attempt against the throttles, then the password.
//
// The attempt is counted before the password is checked, and given back if
// it succeeds: guesses sent all at once each count the others, and cannot
// slip under the limit while the hash is computed. Failures count against
// the account itself (its canonical key, however the login was typed) and
// against the address.
func (s *Service) LogIn(ctx context.Context, in LogIn) (*User, error) {
	login := strings.TrimSpace(in.Login)
	u, err := s.first(ctx, "username_key = ? OR email_key = ?", usernameKey(login), emailKey(login))
	if err != nil && !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	var taken []takenCount
	release := func() {
		for _, t := range taken {
			_ = s.throttle.Release(context.WithoutCancel(ctx), t.rule, t.key)
		}
	}
	trusted := u != nil && in.Device.UserID == u.ID && in.Device.Token != ""
	if trusted {
		wait, err := s.throttle.Take(ctx, deviceRule, in.Device.Token)
		if err != nil {
			return nil, err
		}
		trusted = wait == 0
		if trusted {
			taken = append(taken, takenCount{deviceRule, in.Device.Token})
		}
	}
	if !trusted {
		checks := []takenCount{{addressRule, addressKey(in.IP)}}
		if u != nil {
			checks = append([]takenCount{{accountRule, strconv.FormatInt(u.ID, 10)}}, checks...)
		}
		for _, c := range checks {
			wait, err := s.throttle.Take(ctx, c.rule, c.key)
			if err != nil || wait > 0 {
				release() // not checked: not counted
				if err != nil {
					return nil, err
				}
				return nil, &ThrottledError{Wait: wait}
			}
			taken = append(taken, c)
		}
	}
	hash := dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	ok, verr := s.hasher.verify(ctx, hash, in.Password)
	if errors.Is(verr, ErrBusy) || errors.Is(verr, context.Canceled) {
		release()
		return nil, verr
	}
	if u == nil || !ok || verr != nil {
		return nil, ErrBadCredentials
	}
	// A success is not a failure: its count is given back. The earlier
	// failures stay, or logging in would hand a guesser 5 fresh tries.
	release()
	return u, nil
}

type takenCount struct {
	rule throttle.Rule
	key  string
}

// addressKey is the address under which attempts are counted: an IPv4
// address, or an IPv6 address's /64 — one household or server holds a whole
// /64, and counting single IPv6 addresses would let it rotate freely.
func addressKey(ip string) string {
	parsed := net.ParseIP(strings.TrimSpace(ip))
	if parsed == nil {
		return cleanKey(ip)
	}
	if v4 := parsed.To4(); v4 != nil {
		return v4.String()
	}
	return parsed.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// AddressKey is the form under which an address's attempts are counted, for
// the web layer's own per-address budgets.
func AddressKey(ip string) string { return addressKey(ip) }

// passwordRule throttles guesses of the current password when changing it:
// 5 wrong in a day are free, then the same back-off as log-ins. A right
// password given while waiting is refused too, or guessing would go on.
var passwordRule = throttle.Rule{Scope: "password-change", Window: 24 * time.Hour, Free: 5, Base: time.Minute, Max: 15 * time.Minute}

// checkCurrentPassword verifies the current password for a change, counted
// by passwordRule.
func (s *Service) checkCurrentPassword(ctx context.Context, u *User, current string) (bool, error) {
	key := strconv.FormatInt(u.ID, 10)
	wait, err := s.throttle.Take(ctx, passwordRule, key)
	if err != nil {
		return false, err
	}
	if wait > 0 {
		return false, &ThrottledError{Wait: wait}
	}
	ok, err := s.hasher.verify(ctx, u.PasswordHash, current)
	if err != nil {
		_ = s.throttle.Release(context.WithoutCancel(ctx), passwordRule, key)
		return false, fmt.Errorf("accounts: verify: %w", err)
	}
	if ok {
		return true, s.throttle.Clear(ctx, passwordRule, key)
	}
	return false, nil
}
