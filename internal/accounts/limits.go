package accounts

import (
	"context"
	"fmt"
	"time"

	"entraide/internal/errs"
	"entraide/internal/throttle"
)

// Registration limits, set by an admin (settings.Site): so many accounts an
// hour from one address, and so many in all. Counted in the database, so
// every instance enforces the same totals.
const (
	registrationScopeAddress = "register-address"
	registrationScopeAll     = "register-all"
)

// registrationAllowed counts a registration from ip, or refuses it with the
// rule that stops it.
func (s *Service) registrationAllowed(ctx context.Context, ip string) error {
	site, err := s.settings.Site(ctx)
	if err != nil {
		return fmt.Errorf("accounts: registration limits: %w", err)
	}
	limits := []struct {
		limit int
		scope string
		key   string
		msg   string
	}{
		{site.RegistrationsPerAddress, registrationScopeAddress, addressKey(ip), "accounts.register.too_many_from_address"},
		{site.RegistrationsPerHour, registrationScopeAll, "all", "accounts.register.too_many_in_all"},
	}
	for _, l := range limits {
		if l.limit <= 0 {
			continue
		}
		rule := throttle.Rule{Scope: l.scope, Window: time.Hour, Free: l.limit}
		wait, err := s.throttle.Take(ctx, rule, l.key)
		if err != nil {
			return err
		}
		if wait > 0 {
			return &errs.Refusal{Rule: l.scope, Key: l.msg}
		}
	}
	return nil
}

// checkTaken refuses a name or address already in use, or a name that looks
// like a member's, before anything costly is done.
func (s *Service) checkTaken(ctx context.Context, username, email string) error {
	u := &User{UsernameKey: usernameKey(username), UsernameSkeleton: usernameSkeleton(username), EmailKey: emailKey(email)}
	bad, err := s.taken(s.db.Conn(ctx), u)
	if err != nil {
		return fmt.Errorf("accounts: check names: %w", err)
	}
	return bad.Err()
}
