package accounts_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/testkit"
)

var ctx = context.Background()

const goodPassword = "une phrase de passe solide"

func register(t *testing.T, s *accounts.Service, name string) *accounts.User {
	t.Helper()
	u, err := s.Register(ctx, accounts.Registration{Username: name, Email: name + "@exemple.fr", Password: goodPassword, Confirm: goodPassword})
	if err != nil {
		t.Fatalf("register %s: %v", name, err)
	}
	return u
}

func TestRegisterCreatesANewcomer(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	u := register(t, s, "Hélène")
	if u.Role != accounts.Newcomer || u.SessionVersion != 1 || strings.Contains(u.PasswordHash, goodPassword) {
		t.Fatalf("unexpected account: %+v", u)
	}
	found, err := s.ByUsername(ctx, "HELENE")
	if err != nil || found.ID != u.ID {
		t.Fatalf("lookup ignoring case and accents: %v %v", found, err)
	}
}

func TestRegisterRefusesBadInput(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "martine")
	long64 := strings.Repeat("abcdefgh", 8)
	cases := []struct {
		name string
		reg  accounts.Registration
		want map[string]string
	}{
		{"taken username, other case and accent", accounts.Registration{Username: "Martiné", Email: "x@exemple.fr", Password: goodPassword, Confirm: goodPassword},
			map[string]string{"username": "accounts.username.taken"}},
		{"taken email", accounts.Registration{Username: "autre", Email: "MARTINE@exemple.fr", Password: goodPassword, Confirm: goodPassword},
			map[string]string{"email": "accounts.email.taken"}},
		{"short password", accounts.Registration{Username: "paul", Email: "p@exemple.fr", Password: "court", Confirm: "court"},
			map[string]string{"password": "accounts.password.too_short"}},
		{"common password", accounts.Registration{Username: "paul", Email: "p@exemple.fr", Password: "motdepasse123", Confirm: "motdepasse123"},
			map[string]string{"password": "accounts.password.common"}},
		{"too long password", accounts.Registration{Username: "paul", Email: "p@exemple.fr", Password: strings.Repeat(long64, 5), Confirm: strings.Repeat(long64, 5)},
			map[string]string{"password": "accounts.password.too_long"}},
		{"mismatch", accounts.Registration{Username: "paul", Email: "p@exemple.fr", Password: goodPassword, Confirm: goodPassword + "x"},
			map[string]string{"confirm": "accounts.password.mismatch"}},
		{"bad username and email", accounts.Registration{Username: "<script>", Email: "pas-un-email", Password: goodPassword, Confirm: goodPassword},
			map[string]string{"username": "accounts.username.characters", "email": "accounts.email.invalid"}},
		{"reserved", accounts.Registration{Username: "Modérateur", Email: "m@exemple.fr", Password: goodPassword, Confirm: goodPassword},
			map[string]string{"username": "accounts.username.reserved"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Register(ctx, c.reg)
			bad, ok := errs.AsInvalid(err)
			if !ok {
				t.Fatalf("want field errors, got %v", err)
			}
			for field, key := range c.want {
				if bad[field] != key {
					t.Errorf("%s: want %s, got %q (all: %v)", field, key, bad[field], bad)
				}
			}
		})
	}
	users, _ := s.List(ctx, "", 100)
	if len(users) != 1 {
		t.Fatalf("refused registrations wrote accounts: %d users", len(users))
	}
}

func TestLongPassphraseIsAcceptedWhole(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	long := strings.Repeat("é", 40) + strings.Repeat("z", 40) // 80 characters, 120 bytes
	if _, err := s.Register(ctx, accounts.Registration{Username: "longue", Email: "l@exemple.fr", Password: long, Confirm: long}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "longue", long, "192.0.2.1"); err != nil {
		t.Fatalf("log in with the whole passphrase: %v", err)
	}
	// A truncating hash would accept a prefix.
	if _, err := s.Authenticate(ctx, "longue", long[:len(long)-1], "192.0.2.1"); !errors.Is(err, accounts.ErrBadCredentials) {
		t.Fatalf("a prefix of the passphrase was accepted: %v", err)
	}
}

func TestAuthenticateAndThrottle(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "sylvie")
	if u, err := s.Authenticate(ctx, "sylvie@exemple.fr", goodPassword, "192.0.2.7"); err != nil || u.Username != "sylvie" {
		t.Fatalf("log in by email: %v", err)
	}
	for i := 0; i < 5; i++ {
		if _, err := s.Authenticate(ctx, "sylvie", "mauvais mot de passe", "192.0.2.7"); !errors.Is(err, accounts.ErrBadCredentials) {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	if _, err := s.Authenticate(ctx, "sylvie", goodPassword, "198.51.100.1"); !errors.Is(err, accounts.ErrThrottled) {
		t.Fatalf("the account must be throttled from any address, got %v", err)
	}
	if _, err := s.Authenticate(ctx, "personne", "x", "192.0.2.99"); !errors.Is(err, accounts.ErrBadCredentials) {
		t.Fatalf("unknown user: %v", err)
	}
}

func TestThrottlePerAddress(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "odile")
	for i := 0; i < 20; i++ {
		_, _ = s.Authenticate(ctx, "inconnu"+string(rune('a'+i)), "x", "203.0.113.5")
	}
	if _, err := s.Authenticate(ctx, "odile", goodPassword, "203.0.113.5"); !errors.Is(err, accounts.ErrThrottled) {
		t.Fatalf("the address must be throttled, got %v", err)
	}
	if _, err := s.Authenticate(ctx, "odile", goodPassword, "203.0.113.6"); err != nil {
		t.Fatalf("another address is not throttled: %v", err)
	}
}

func TestChangePasswordBumpsSessionVersion(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	u := register(t, s, "nadia")
	if _, err := s.ChangePassword(ctx, u, "faux", "nouvelle phrase secrète", "nouvelle phrase secrète"); err == nil {
		t.Fatal("wrong current password accepted")
	}
	changed, err := s.ChangePassword(ctx, u, goodPassword, "nouvelle phrase secrète", "nouvelle phrase secrète")
	if err != nil {
		t.Fatal(err)
	}
	if changed.SessionVersion != u.SessionVersion+1 {
		t.Fatalf("session version %d → %d", u.SessionVersion, changed.SessionVersion)
	}
	if _, err := s.Authenticate(ctx, "nadia", goodPassword, "192.0.2.1"); err == nil {
		t.Fatal("old password still works")
	}
}

func TestOnlyAdminsSetRoles(t *testing.T) {
	d := testkit.NewDB(t)
	s := accounts.New(d)
	u := register(t, s, "claire")
	admin, err := s.CreateAdmin(ctx, "patronne", "patronne@exemple.fr", goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetRole(ctx, u, u.ID, accounts.Admin); !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("a newcomer promoted herself: %v", err)
	}
	promoted, err := s.SetRole(ctx, admin, u.ID, accounts.Member)
	if err != nil || promoted.Role != accounts.Member || promoted.SessionVersion != 2 {
		t.Fatalf("promotion: %+v %v", promoted, err)
	}
	if _, err := s.SetRole(ctx, admin, admin.ID, accounts.Member); err == nil {
		t.Fatal("an admin demoted herself, leaving the forum without an owner")
	}
}

// TestThrottleCountsTheAccountHoweverTheLoginIsTyped: spaces, case, the
// username or the email all count against the same account.
func TestThrottleCountsTheAccountHoweverTheLoginIsTyped(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "Josiane")
	for i, login := range []string{" josiane", "JOSIANE ", "  josiane@exemple.fr", "Josiane@Exemple.fr  ", "\tjosiane"} {
		if _, err := s.Authenticate(ctx, login, "mauvais", "192.0.2."+strings.Repeat("1", i+1)); !errors.Is(err, accounts.ErrBadCredentials) {
			t.Fatalf("attempt %q: %v", login, err)
		}
	}
	if _, err := s.Authenticate(ctx, "josiane", goodPassword, "198.51.100.9"); !errors.Is(err, accounts.ErrThrottled) {
		t.Fatalf("five failures typed five ways must throttle the account: %v", err)
	}
}

// TestThrottleHoldsUnderConcurrentGuesses sends many wrong guesses at once:
// no more than the limit may get to check a password.
func TestThrottleHoldsUnderConcurrentGuesses(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "germaine")
	const guesses = 16
	results := make(chan error, guesses)
	for i := 0; i < guesses; i++ {
		go func() {
			_, err := s.Authenticate(ctx, "germaine", "mauvais", "203.0.113."+strings.Repeat("2", i%3+1))
			results <- err
		}()
	}
	checked := 0
	for i := 0; i < guesses; i++ {
		if err := <-results; errors.Is(err, accounts.ErrBadCredentials) {
			checked++
		} else if !errors.Is(err, accounts.ErrThrottled) {
			t.Fatalf("unexpected: %v", err)
		}
	}
	if checked > 5 {
		t.Fatalf("%d concurrent guesses were checked; the limit is 5", checked)
	}
}

func TestSettingTheSameRoleKeepsSessions(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	admin, err := s.CreateAdmin(ctx, "direction", "direction@exemple.fr", goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	same, err := s.SetRole(ctx, admin, admin.ID, accounts.Admin)
	if err != nil || same.SessionVersion != admin.SessionVersion {
		t.Fatalf("an unchanged role ended the sessions: %+v %v", same, err)
	}
}
