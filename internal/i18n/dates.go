package i18n

import (
	"fmt"
	"strconv"
	"time"
)

// Ago says how long ago t was, relative to now ("il y a 3 heures"); past a
// week it gives the date itself, which reads better than "il y a 40 jours".
func (t Translator) Ago(when, now time.Time) string {
	f := t.dateFormats()
	d := now.Sub(when)
	switch {
	case d < time.Minute:
		return f.justNow
	case d < time.Hour:
		return t.count(f.minutesAgo, int(d/time.Minute))
	case d < 24*time.Hour:
		return t.count(f.hoursAgo, int(d/time.Hour))
	case d < 7*24*time.Hour:
		return t.count(f.daysAgo, int(d/(24*time.Hour)))
	default:
		return t.Date(when)
	}
}

// count formats the singular or the plural of forms for n, as N does.
func (t Translator) count(forms [2]pattern, n int) string {
	p := forms[1]
	if t.singular(n) {
		p = forms[0]
	}
	var buf [64]byte
	return string(p.append(buf[:0], strconv.Itoa(n)))
}

// Date formats the day of t in the person's language ("1 décembre 2026").
func (t Translator) Date(when time.Time) string {
	var buf [64]byte
	return string(t.dateFormats().appendDate(buf[:0], when.In(paris)))
}

// DateTime formats t with its time of day, for tooltips and history.
func (t Translator) DateTime(when time.Time) string {
	f := t.dateFormats()
	when = when.In(paris)
	h, m, _ := when.Clock()
	clock := [5]byte{'0' + byte(h/10), '0' + byte(h%10), ':', '0' + byte(m/10), '0' + byte(m%10)} // "15:04"
	var date, buf [64]byte
	return string(f.datetime.append(buf[:0], string(f.appendDate(date[:0], when)), string(clock[:])))
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

// dateFormat is how a language writes dates, read from its catalog once by
// Load: a thread list shows sixty dates, and formatting each with
// fmt.Sprintf was most of what its rows cost in Go.
type dateFormat struct {
	months                        [12]string
	firstDay                      string     // the first of the month: "1er" in French
	date                          pattern    // day, month, year
	datetime                      pattern    // date, time of day
	justNow                       string     // less than a minute ago
	minutesAgo, hoursAgo, daysAgo [2]pattern // singular and plural, of a count
}

// newDateFormat reads t's date messages. As T does, a missing one is its
// key in brackets.
func newDateFormat(t Translator) (*dateFormat, error) {
	f := &dateFormat{firstDay: t.T("time.first_day"), justNow: t.T("time.just_now")}
	for i := range f.months {
		f.months[i] = t.T("time.month." + strconv.Itoa(i+1))
	}
	var err error
	compile := func(p *pattern, key, kinds string) {
		if err == nil {
			*p, err = t.pattern(key, kinds)
		}
	}
	compile(&f.date, "time.date", "ssd")
	compile(&f.datetime, "time.datetime", "ss")
	compile(&f.minutesAgo[0], "time.minutes_ago.one", "d")
	compile(&f.minutesAgo[1], "time.minutes_ago.other", "d")
	compile(&f.hoursAgo[0], "time.hours_ago.one", "d")
	compile(&f.hoursAgo[1], "time.hours_ago.other", "d")
	compile(&f.daysAgo[0], "time.days_ago.one", "d")
	compile(&f.daysAgo[1], "time.days_ago.other", "d")
	return f, err
}

// dateFormats is t's way of writing dates; a Translator made by hand rather
// than by a Bundle has no catalog, and gets every date message as "[key]".
func (t Translator) dateFormats() *dateFormat {
	if t.dates != nil {
		return t.dates
	}
	f, _ := newDateFormat(t)
	return f
}

// appendDate appends the day of when, a time in Paris.
func (f *dateFormat) appendDate(b []byte, when time.Time) []byte {
	year, month, day := when.Date()
	d := strconv.Itoa(day)
	if day == 1 {
		d = f.firstDay
	}
	var y [20]byte
	return f.date.append(b, d, f.months[month-1], string(strconv.AppendInt(y[:0], int64(year), 10)))
}

// pattern is a catalog message cut at its verbs, to be formatted by
// appending text[0], the argument of verb 0, text[1], … text[len(arg)].
// It understands only what the date messages need — %s and %d, their
// indexed forms such as %[2]s, and %% — so that its output is the one
// fmt.Sprintf gives.
type pattern struct {
	text []string
	arg  []int // the argument of each verb, from 0
}

// pattern reads the message of key; kinds is the verb of each argument in
// turn, 's' for a string and 'd' for an int, and each must be used. A
// missing key is shown as T shows it.
func (t Translator) pattern(key, kinds string) (pattern, error) {
	msg, ok := t.catalog[key]
	if !ok {
		return pattern{text: []string{"[" + key + "]"}}, nil
	}
	var p pattern
	var text []byte
	used := make([]bool, len(kinds))
	next := 0 // the argument of a verb without an index
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			text = append(text, msg[i])
			continue
		}
		i++
		if i < len(msg) && msg[i] == '%' {
			text = append(text, '%')
			continue
		}
		arg := next
		if i < len(msg) && msg[i] == '[' {
			n := 0
			for i++; i < len(msg) && '0' <= msg[i] && msg[i] <= '9' && n <= len(kinds); i++ {
				n = n*10 + int(msg[i]-'0')
			}
			if i >= len(msg) || msg[i] != ']' || n < 1 {
				return p, fmt.Errorf("i18n: %s: bad argument index in %q", key, msg)
			}
			arg = n - 1
			i++
		}
		if arg >= len(kinds) || i >= len(msg) || msg[i] != kinds[arg] {
			return p, fmt.Errorf("i18n: %s: %q needs verbs %q", key, msg, kinds)
		}
		p.text = append(p.text, string(text))
		p.arg = append(p.arg, arg)
		text, used[arg], next = text[:0], true, arg+1
	}
	p.text = append(p.text, string(text))
	for i, u := range used {
		if !u {
			return p, fmt.Errorf("i18n: %s: %q leaves out argument %d", key, msg, i+1)
		}
	}
	return p, nil
}

// append appends the message with args, the verbs' arguments as text.
func (p pattern) append(b []byte, args ...string) []byte {
	b = append(b, p.text[0]...)
	for i, a := range p.arg {
		b = append(b, args[a]...)
		b = append(b, p.text[i+1]...)
	}
	return b
}
