package i18n_test

import (
	"strconv"
	"testing"
	"time"

	"entraide/internal/i18n"
)

// The reference formatting below is dates.go as it was before it stopped
// using fmt.Sprintf: TestDatesAsBefore holds the faster one to the very
// same output.

func refAgo(t i18n.Translator, when, now time.Time) string {
	d := now.Sub(when)
	switch {
	case d < time.Minute:
		return t.T("time.just_now")
	case d < time.Hour:
		return t.N("time.minutes_ago", int(d/time.Minute))
	case d < 24*time.Hour:
		return t.N("time.hours_ago", int(d/time.Hour))
	case d < 7*24*time.Hour:
		return t.N("time.days_ago", int(d/(24*time.Hour)))
	default:
		return refDate(t, when)
	}
}

func refDate(t i18n.Translator, when time.Time) string {
	when = when.In(i18n.Zone())
	month := t.T("time.month." + strconv.Itoa(int(when.Month())))
	day := strconv.Itoa(when.Day())
	if when.Day() == 1 {
		day = t.T("time.first_day")
	}
	return t.T("time.date", day, month, when.Year())
}

func refDateTime(t i18n.Translator, when time.Time) string {
	when = when.In(i18n.Zone())
	return t.T("time.datetime", refDate(t, when), when.Format("15:04"))
}

// TestDatesAsBefore compares Date, DateTime and Ago with the reference over
// every day of two years (one a leap year) at times either side of
// midnight in Paris, every minute around both changes of hour, instants in
// other zones, and "now"-relative values from the future to years ago.
func TestDatesAsBefore(t *testing.T) {
	if i18n.Zone().String() != "Europe/Paris" {
		t.Fatalf("dates are shown in %s, not Europe/Paris", i18n.Zone())
	}
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var instants []time.Time
	for _, year := range []int{2024, 2026} {
		for day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == year; day = day.AddDate(0, 0, 1) {
			for _, hm := range [][2]int{{0, 0}, {0, 59}, {1, 0}, {9, 5}, {12, 30}, {21, 59}, {22, 0}, {22, 59}, {23, 0}, {23, 59}} {
				instants = append(instants, day.Add(time.Duration(hm[0])*time.Hour+time.Duration(hm[1])*time.Minute+59*time.Second))
			}
		}
	}
	for _, change := range []time.Time{time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), time.Date(2026, 10, 25, 1, 0, 0, 0, time.UTC)} {
		for m := -90; m <= 90; m++ {
			instants = append(instants, change.Add(time.Duration(m)*time.Minute), change.Add(time.Duration(m)*time.Minute-time.Nanosecond))
		}
	}
	tokyo := time.FixedZone("Tokyo", 9*3600)
	instants = append(instants, time.Date(2026, 6, 1, 8, 30, 0, 0, tokyo), time.Date(2026, 1, 1, 0, 30, 0, 0, time.Local),
		time.Time{}, time.Date(12026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC))

	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var ago []time.Duration
	for d := time.Duration(1); d < 40*365*24*time.Hour; d += d/2 + 1 {
		ago = append(ago, d, -d)
	}
	for _, d := range []time.Duration{0, time.Second, 59 * time.Second, time.Minute, 2 * time.Minute, time.Hour, 2 * time.Hour,
		24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour, 366 * 24 * time.Hour} {
		ago = append(ago, d-time.Nanosecond, d, d+time.Nanosecond)
	}

	for _, tr := range []i18n.Translator{b.For("fr"), b.For("en"), b.For("xx"), {}} {
		for _, when := range instants {
			if got, want := tr.Date(when), refDate(tr, when); got != want {
				t.Errorf("%q Date(%v) = %q, want %q", tr.Locale, when, got, want)
			}
			if got, want := tr.DateTime(when), refDateTime(tr, when); got != want {
				t.Errorf("%q DateTime(%v) = %q, want %q", tr.Locale, when, got, want)
			}
			if got, want := tr.Ago(when, now), refAgo(tr, when, now); got != want {
				t.Errorf("%q Ago(%v) = %q, want %q", tr.Locale, when, got, want)
			}
		}
		for _, d := range ago {
			if got, want := tr.Ago(now.Add(-d), now), refAgo(tr, now.Add(-d), now); got != want {
				t.Errorf("%q Ago(now - %v) = %q, want %q", tr.Locale, d, got, want)
			}
		}
	}
}

func BenchmarkDates(b *testing.B) {
	bundle, err := i18n.Load()
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	when := now.Add(-29 * time.Hour)
	for _, loc := range i18n.Locales {
		tr := bundle.For(loc)
		b.Run(loc+"/DateTime", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tr.DateTime(when)
			}
		})
		b.Run(loc+"/Ago", func(b *testing.B) { // a day ago
			b.ReportAllocs()
			for b.Loop() {
				tr.Ago(when, now)
			}
		})
		b.Run(loc+"/Ago-date", func(b *testing.B) { // past a week: the date
			b.ReportAllocs()
			old := when.AddDate(0, 0, -30)
			for b.Loop() {
				tr.Ago(old, now)
			}
		})
	}
}
