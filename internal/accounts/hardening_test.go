package accounts_test

import (
	"errors"
	"fmt"
	"hash/fnv"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/settings"
	"entraide/internal/testkit"
)

// clock is a test's time, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }
func usernameProblem(err error) string   { bad, _ := errs.AsInvalid(err); return bad["username"] }
func regFor(name string) accounts.Registration {
	h := fnv.New64a()
	h.Write([]byte(name))
	return accounts.Registration{Username: name, Email: fmt.Sprintf("n%x@exemple.fr", h.Sum64()), Password: goodPassword, Confirm: goodPassword}
}

// TestLookAlikeNamesAreRefused: names that read like a member's, the
// staff's or a reserved name are refused, whatever letters draw them.
func TestLookAlikeNamesAreRefused(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	register(t, s, "sylvie")
	register(t, s, "Camille")
	register(t, s, "jean-marie")
	register(t, s, "moderatrice")
	cases := []struct{ name, why string }{
		{"аdmin", "Cyrillic а in a reserved name"},
		{"αdmin", "Greek α in a reserved name"},
		{"ａｄｍｉｎ", "fullwidth letters"},
		{"𝐚𝐝𝐦𝐢𝐧", "mathematical bold letters"},
		{"𝖆𝖉𝖒𝖎𝖓", "mathematical fraktur letters"},
		{"ᴀᴅᴍɪɴ", "small capitals"},
		{"admın", "dotless ı"},
		{"Ⅿoderateur", "Roman numeral Ⅿ"},
		{"admin.", "trailing dot"},
		{"sylviе", "Cyrillic е in a member's name"},
		{"ѕylvie", "Cyrillic ѕ in a member's name"},
		{"CamiIle", "capital I for l"},
		{"Cami1le", "digit 1 for l"},
		{"jean_marie", "_ for -"},
		{"jean.marie", ". for -"},
		{"rnoderatrice", "rn for m"},
		{"SYLVIE", "case"},
		{"paypаl", "mixed scripts, no one to look like"},
	}
	for _, c := range cases {
		u, err := s.Register(ctx, regFor(c.name))
		if err == nil {
			t.Errorf("%s (%q) was accepted as %q", c.why, c.name, u.Username)
			continue
		}
		if usernameProblem(err) == "" {
			t.Errorf("%s (%q): not a username problem: %v", c.why, c.name, err)
		}
	}
	// A name in another script is welcome when it is all one script, and
	// the name is kept as typed.
	for _, name := range []string{"Ἑλένη", "Светлана", "Hélène", "Ｓｕｚａｎｎｅ"} {
		u, err := s.Register(ctx, regFor(name))
		if err != nil || u.Username != name {
			t.Errorf("%q refused or changed: %+v %v", name, u, err)
		}
	}
	if _, err := s.Register(ctx, regFor("suzanne")); usernameProblem(err) == "" {
		t.Errorf("suzanne was accepted beside Ｓｕｚａｎｎｅ: %v", err)
	}
}

// TestLoginLockSlowsGuessingWithoutClosingTheDoor: guesses set off a
// back-off; tries refused while it runs are not counted, so they cannot
// keep the owner out; the owner's browser gets through at once.
func TestLoginLockSlowsGuessingWithoutClosingTheDoor(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	clk := newClock()
	accounts.SetClock(s, clk.now)
	u := register(t, s, "berenice")
	for i := 0; i < 5; i++ {
		if _, err := s.Authenticate(ctx, "berenice", "mauvais", "203.0.113.1"); !errors.Is(err, accounts.ErrBadCredentials) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	// Someone hammers the account while it waits: every try is refused…
	for i := 0; i < 15; i++ {
		clk.advance(100 * time.Millisecond)
		if _, err := s.Authenticate(ctx, "berenice", "mauvais", "203.0.113.1"); !errors.Is(err, accounts.ErrThrottled) {
			t.Fatalf("hammering %d: %v", i, err)
		}
	}
	// …but none is counted: the lock ends as the first back-off said.
	var te *accounts.ThrottledError
	_, err := s.Authenticate(ctx, "berenice", goodPassword, "198.51.100.4")
	if !errors.As(err, &te) {
		t.Fatalf("still in the back-off: %v", err)
	}
	clk.advance(te.Wait)
	if _, err := s.Authenticate(ctx, "berenice", goodPassword, "198.51.100.4"); err != nil {
		t.Fatalf("after the back-off the owner's password is refused: %v", err)
	}
	// Six guesses every 15 minutes no longer keep a member out: and from a
	// browser she logged in with before, she gets in at any time.
	for round := 0; round < 4; round++ {
		for i := 0; i < 6; i++ {
			_, _ = s.Authenticate(ctx, "berenice", "mauvais", "203.0.113.1")
		}
		clk.advance(15 * time.Minute)
	}
	dev := accounts.Device{UserID: u.ID, Token: "navigateur-de-berenice"}
	if _, err := s.LogIn(ctx, accounts.LogIn{Login: "berenice", Password: goodPassword, IP: "203.0.113.1", Device: dev}); err != nil {
		t.Fatalf("the owner's browser was locked out: %v", err)
	}
	// Another member's device proves nothing for this account.
	for i := 0; i < 6; i++ {
		_, _ = s.Authenticate(ctx, "berenice", "mauvais", "203.0.113.1")
	}
	other := accounts.Device{UserID: u.ID + 1, Token: "autre"}
	if _, err := s.LogIn(ctx, accounts.LogIn{Login: "berenice", Password: goodPassword, IP: "203.0.113.9", Device: other}); !errors.Is(err, accounts.ErrThrottled) {
		t.Fatalf("another account's device passed the lock: %v", err)
	}
	// A device that guesses wrong too often loses its pass.
	for i := 0; i < 5; i++ {
		_, _ = s.LogIn(ctx, accounts.LogIn{Login: "berenice", Password: "mauvais", IP: "203.0.113.1", Device: dev})
	}
	if _, err := s.LogIn(ctx, accounts.LogIn{Login: "berenice", Password: goodPassword, IP: "203.0.113.1", Device: dev}); !errors.Is(err, accounts.ErrThrottled) {
		t.Fatalf("a guessing device kept its pass: %v", err)
	}
}

// TestAddressLockLetsAKnownBrowserIn: guesses from a shared address do not
// keep out a member behind it whose browser logged in before.
func TestAddressLockLetsAKnownBrowserIn(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	u := register(t, s, "ophelie")
	for i := 0; i < 25; i++ {
		_, _ = s.Authenticate(ctx, fmt.Sprintf("inconnu%d", i), "x", "192.0.2.50")
	}
	in := accounts.LogIn{Login: "ophelie", Password: goodPassword, IP: "192.0.2.50", Device: accounts.Device{UserID: u.ID, Token: "poste-bureau"}}
	if _, err := s.LogIn(ctx, in); err != nil {
		t.Fatalf("a known browser behind a throttled address: %v", err)
	}
}

// TestLoginFailuresDoNotGrowATable: failed log-ins with random names add no
// row each; counts are aggregated per address and per account.
func TestLoginFailuresDoNotGrowATable(t *testing.T) {
	d := testkit.NewDB(t)
	s := accounts.New(d)
	register(t, s, "rosalie")
	for i := 0; i < 150; i++ {
		_, _ = s.Authenticate(ctx, fmt.Sprintf("hasard-%d-%d", i, i*7919), "x", fmt.Sprintf("203.0.113.%d", i%3))
		if i%10 == 0 {
			_, _ = s.Authenticate(ctx, "rosalie", "mauvais", "203.0.113.1")
		}
	}
	// IPv6 addresses of one /64 count as one.
	for i := 0; i < 20; i++ {
		_, _ = s.Authenticate(ctx, fmt.Sprintf("v6-%d", i), "x", fmt.Sprintf("2001:db8:1:2::%x", i+1))
	}
	var rows int64
	if err := d.Raw("SELECT COUNT(*) FROM throttle_counters").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if rows > 5 { // 3 addresses, one /64, one account
		t.Fatalf("%d rows of counters for 170 failures on 4 addresses and 1 account", rows)
	}
}

// TestRegistrationLimits: so many accounts per address an hour, and so many
// in all; the limits are the admin's settings.
func TestRegistrationLimits(t *testing.T) {
	d := testkit.NewDB(t)
	site := settings.New(d)
	s := accounts.New(d).WithSettings(site)
	clk := newClock()
	accounts.SetClock(s, clk.now)
	reg := func(name, ip string) error {
		r := regFor(name)
		r.IP = ip
		_, err := s.Register(ctx, r)
		return err
	}
	for i := 0; i < 5; i++ {
		if err := reg(fmt.Sprintf("voisine%c", 'a'+i), "192.0.2.7"); err != nil {
			t.Fatalf("registration %d: %v", i, err)
		}
	}
	err := reg("voisinef", "192.0.2.7")
	if r, ok := errs.AsRefusal(err); !ok || r.Key != "accounts.register.too_many_from_address" {
		t.Fatalf("6th registration from one address: %v", err)
	}
	if err := reg("voisineg", "192.0.2.8"); err != nil {
		t.Fatalf("another address: %v", err)
	}
	clk.advance(time.Hour)
	if err := reg("voisineh", "192.0.2.7"); err != nil {
		t.Fatalf("an hour later: %v", err)
	}
	// In all: an admin's setting, whatever the addresses.
	if err := site.SetSite(ctx, settings.Site{RegistrationsPerAddress: 0, RegistrationsPerHour: 3, ExternalImages: settings.ImagesShow}); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	for i := 0; i < 3; i++ {
		if err := reg(fmt.Sprintf("vague%dx", i), fmt.Sprintf("198.51.100.%d", i)); err != nil {
			t.Fatalf("registration %d of the wave: %v", i, err)
		}
	}
	if r, ok := errs.AsRefusal(reg("vaguefin", "198.51.100.200")); !ok || r.Key != "accounts.register.too_many_in_all" {
		t.Fatalf("the 4th registration in an hour was not refused")
	}
}

// TestChangePasswordThrottlesGuesses: wrong guesses of the current password
// set off the back-off, during which even the right one is refused.
func TestChangePasswordThrottlesGuesses(t *testing.T) {
	s := accounts.New(testkit.NewDB(t))
	clk := newClock()
	accounts.SetClock(s, clk.now)
	u := register(t, s, "perrine")
	for i := 0; i < 5; i++ {
		if _, err := s.ChangePassword(ctx, u, fmt.Sprintf("essai %d", i), "nouvelle phrase secrète", "nouvelle phrase secrète"); err == nil {
			t.Fatalf("guess %d accepted", i)
		}
	}
	_, err := s.ChangePassword(ctx, u, goodPassword, "nouvelle phrase secrète", "nouvelle phrase secrète")
	if bad, _ := errs.AsInvalid(err); bad["current"] != "accounts.password.too_many_tries" {
		t.Fatalf("the right password after 5 wrong guesses in a row: %v", err)
	}
	clk.advance(time.Minute)
	if _, err := s.ChangePassword(ctx, u, goodPassword, "nouvelle phrase secrète", "nouvelle phrase secrète"); err != nil {
		t.Fatalf("after the back-off: %v", err)
	}
}

// TestFillSkeletonsCoversOlderAccounts: accounts written before names had a
// skeleton (or by the bulk loader) get one at start-up, and look-alikes of
// them are refused from then on.
func TestFillSkeletonsCoversOlderAccounts(t *testing.T) {
	d := testkit.NewDB(t)
	s := accounts.New(d)
	hash, err := accounts.HashPassword(goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	if err := d.Exec("INSERT INTO users (username, username_key, email, email_key, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'member', ?, ?)",
		"Gisele", accounts.UsernameKey("Gisele"), "gisele@exemple.fr", accounts.EmailKey("gisele@exemple.fr"), hash, now, now).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.FillSkeletons(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Register(ctx, regFor("GiseIe")); usernameProblem(err) != "accounts.username.looks_like" {
		t.Fatalf("a look-alike of an older account: %v", err)
	}
}
