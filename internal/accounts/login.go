package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"entraide/internal/errs"
)

// Log-in throttling: failures are counted in the database, not in memory, so
// every instance sharing it sees the same count.
const (
	throttleWindow      = 15 * time.Minute
	maxFailuresPerName  = 5
	maxFailuresPerIP    = 20
	failureRowRetention = 24 * time.Hour
)

// ErrThrottled means too many recent failed log-ins for the account or the
// address; the person must wait.
var ErrThrottled = errors.New("accounts: too many failed log-ins")

// ErrBadCredentials means the username or the password is wrong (never which).
var ErrBadCredentials = errors.New("accounts: bad credentials")

type loginFailure struct {
	ID          int64
	UsernameKey string
	IP          string
	CreatedAt   time.Time
}

// Authenticate checks a username (or email) and password from address ip.
//
// The attempt is recorded before the password is checked, and removed if it
// succeeds: guesses sent all at once each count the others, and cannot slip
// under the limit while the hash is computed. Failures count against the
// account itself (its canonical key, however the login was typed) and
// against the address.
func (s *Service) Authenticate(ctx context.Context, login, password, ip string) (*User, error) {
	login = strings.TrimSpace(login)
	u, err := s.first(ctx, "username_key = ? OR email_key = ?", usernameKey(login), emailKey(login))
	if err != nil && !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	key := usernameKey(login)
	if u != nil {
		key = u.UsernameKey
	}
	attempt := &loginFailure{UsernameKey: key, IP: ip, CreatedAt: s.now()}
	if err := s.db.WithContext(ctx).Create(attempt).Error; err != nil {
		return nil, fmt.Errorf("accounts: record attempt: %w", err)
	}
	if blocked, err := s.throttled(ctx, key, ip); err != nil || blocked {
		if err != nil {
			return nil, err
		}
		return nil, ErrThrottled
	}
	hash := dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	ok, verr := verifyPassword(hash, password)
	if u == nil || !ok || verr != nil {
		return nil, s.prune(ctx)
	}
	if err := s.db.WithContext(ctx).Delete(attempt).Error; err != nil {
		return nil, fmt.Errorf("accounts: forget attempt: %w", err)
	}
	return u, nil
}

// throttled reports whether the account or the address made more attempts
// than allowed in the window, the current one included.
func (s *Service) throttled(ctx context.Context, key, ip string) (bool, error) {
	since := s.now().Add(-throttleWindow)
	var byName, byIP int64
	if err := s.db.WithContext(ctx).Model(&loginFailure{}).Where("username_key = ? AND created_at > ?", key, since).Count(&byName).Error; err != nil {
		return false, fmt.Errorf("accounts: throttle: %w", err)
	}
	if err := s.db.WithContext(ctx).Model(&loginFailure{}).Where("ip = ? AND created_at > ?", ip, since).Count(&byIP).Error; err != nil {
		return false, fmt.Errorf("accounts: throttle: %w", err)
	}
	return byName > maxFailuresPerName || byIP > maxFailuresPerIP, nil
}

// prune returns ErrBadCredentials after removing attempts older than a day.
// Old rows are pruned here rather than by a timer: no instance owns a
// background job, and failures are rare enough for this to be cheap.
func (s *Service) prune(ctx context.Context) error {
	err := s.db.WithContext(ctx).Where("created_at < ?", s.now().Add(-failureRowRetention)).Delete(&loginFailure{}).Error
	if err != nil {
		return fmt.Errorf("accounts: prune attempts: %w", err)
	}
	return ErrBadCredentials
}
