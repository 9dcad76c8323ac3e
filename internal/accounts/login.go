package accounts

import (
	"context"
	"errors"
	"fmt"
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
func (s *Service) Authenticate(ctx context.Context, login, password, ip string) (*User, error) {
	key := usernameKey(login)
	if blocked, err := s.throttled(ctx, key, ip); err != nil || blocked {
		if err != nil {
			return nil, err
		}
		return nil, ErrThrottled
	}
	u, err := s.first(ctx, "username_key = ? OR email_key = ?", key, emailKey(login))
	if err != nil && !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	hash := dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	ok, verr := verifyPassword(hash, password)
	if u == nil || !ok || verr != nil {
		if err := s.recordFailure(ctx, key, ip); err != nil {
			return nil, err
		}
		return nil, ErrBadCredentials
	}
	return u, nil
}

func (s *Service) throttled(ctx context.Context, key, ip string) (bool, error) {
	since := s.now().Add(-throttleWindow)
	var byName, byIP int64
	q := s.db.WithContext(ctx).Model(&loginFailure{})
	if err := q.Where("username_key = ? AND created_at > ?", key, since).Count(&byName).Error; err != nil {
		return false, fmt.Errorf("accounts: throttle: %w", err)
	}
	if err := s.db.WithContext(ctx).Model(&loginFailure{}).Where("ip = ? AND created_at > ?", ip, since).Count(&byIP).Error; err != nil {
		return false, fmt.Errorf("accounts: throttle: %w", err)
	}
	return byName >= maxFailuresPerName || byIP >= maxFailuresPerIP, nil
}

func (s *Service) recordFailure(ctx context.Context, key, ip string) error {
	now := s.now()
	if err := s.db.WithContext(ctx).Create(&loginFailure{UsernameKey: key, IP: ip, CreatedAt: now}).Error; err != nil {
		return fmt.Errorf("accounts: record failure: %w", err)
	}
	// Old rows are pruned here rather than by a timer: no instance owns a
	// background job, and failures are rare enough for this to be cheap.
	return s.db.WithContext(ctx).Where("created_at < ?", now.Add(-failureRowRetention)).Delete(&loginFailure{}).Error
}
