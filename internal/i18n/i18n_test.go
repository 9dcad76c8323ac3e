package i18n_test

import (
	"testing"
	"time"

	"entraide/internal/i18n"
)

func TestNegotiate(t *testing.T) {
	cases := []struct{ choice, header, site, want string }{
		{"", "", "fr", "fr"},
		{"", "en-GB,en;q=0.9", "fr", "en"},
		{"", "de-DE,de;q=0.9,en;q=0.5", "fr", "en"},
		{"", "de-DE", "en", "en"},
		{"fr", "en", "en", "fr"},
		{"xx", "fr-CA;q=0.2,en;q=0.8", "fr", "en"},
		{"", "en;q=0", "fr", "fr"},
		{"", ";;;,,q=", "fr", "fr"},
	}
	for _, c := range cases {
		if got := i18n.Negotiate(c.choice, c.header, c.site); got != c.want {
			t.Errorf("Negotiate(%q, %q, %q) = %q, want %q", c.choice, c.header, c.site, got, c.want)
		}
	}
}

func TestPluralsAndDates(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	fr, en := b.For("fr"), b.For("en")
	for _, c := range []struct {
		tr   i18n.Translator
		n    int
		want string
	}{{fr, 0, "0 réponse"}, {fr, 1, "1 réponse"}, {fr, 2, "2 réponses"}, {en, 0, "0 replies"}, {en, 1, "1 reply"}, {en, 3, "3 replies"}} {
		if got := c.tr.N("thread.replies", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.tr.Locale, c.n, got, c.want)
		}
	}
	first := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if got := fr.Date(first); got != "1er décembre 2026" {
		t.Errorf("French first of the month: %q", got)
	}
	if got := en.Date(first.AddDate(0, 0, 1)); got != "December 2, 2026" {
		t.Errorf("English date: %q", got)
	}
	now := first.Add(3 * time.Hour)
	if got := fr.Ago(first, now); got != "il y a 3 heures" {
		t.Errorf("French ago: %q", got)
	}
	if got := en.Ago(now.Add(-time.Minute), now); got != "1 minute ago" {
		t.Errorf("English ago: %q", got)
	}
	if got := fr.Ago(first.AddDate(0, 0, -30), now); got != "1er novembre 2026" {
		t.Errorf("an old date is shown as a date: %q", got)
	}
	// Midnight in Paris is still the previous day in UTC.
	if got := fr.Date(time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC)); got != "5 mars 2026" {
		t.Errorf("dates are shown in Paris time: %q", got)
	}
	if got := fr.T("missing.key"); got != "[missing.key]" {
		t.Errorf("a missing key must show itself: %q", got)
	}
}
