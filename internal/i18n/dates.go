package i18n

import (
	"strconv"
	"time"
)

// Ago says how long ago t was, relative to now ("il y a 3 heures"); past a
// week it gives the date itself, which reads better than "il y a 40 jours".
func (t Translator) Ago(when, now time.Time) string {
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
		return t.Date(when)
	}
}

// Date formats the day of t in the person's language ("1 décembre 2026").
func (t Translator) Date(when time.Time) string {
	when = when.In(paris)
	month := t.T("time.month." + strconv.Itoa(int(when.Month())))
	day := strconv.Itoa(when.Day())
	if when.Day() == 1 {
		day = t.T("time.first_day") // "1er" in French
	}
	return t.T("time.date", day, month, when.Year())
}

// DateTime formats t with its time of day, for tooltips and history.
func (t Translator) DateTime(when time.Time) string {
	when = when.In(paris)
	return t.T("time.datetime", t.Date(when), when.Format("15:04"))
}

// Zone is the time zone dates are shown in, so that a day typed by a
// person (a search's date range) means the day they see on the pages.
func Zone() *time.Location { return paris }

// paris is the forum's display time zone: its community is French. A
// per-member time zone can replace it later.
var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()
