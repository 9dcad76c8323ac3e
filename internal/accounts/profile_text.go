package accounts

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the profile's fields, in characters.
const (
	MaxDisplayName      = 50
	MaxBio              = 1000
	MaxSpecialtiesOther = 150
	MaxWebsite          = 200
	MaxContactNote      = 200
	MaxSpecialtyName    = 60
	MaxSpecialties      = 10
	MaxWindows          = 14
)

// cleanLine is one line of text as a member typed it, made safe to store
// and to show: valid UTF-8, without control characters or the invisible
// direction overrides that let a name display as another, spaces collapsed.
func cleanLine(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isDirectionControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanMultiline is a text of several lines (a bio), cleaned as posts are:
// valid UTF-8 without NUL, which PostgreSQL refuses, Unix newlines, no
// trailing blanks; direction overrides are dropped too.
func cleanMultiline(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == 0 || isDirectionControl(r) || (unicode.IsControl(r) && r != '\n' && r != '\t') {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func isDirectionControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F
}

// phonePattern finds what looks like a telephone number: French ones
// (06 12 34 56 78, 06.12.34.56.78) and international ones (+33 6 12 34 56
// 78, 0033…, +1 514 555 0199). A profile never holds one: a number shown
// to everyone is how the calls at 21:00 start.
var phonePattern = regexp.MustCompile(`(?:^|[^\d])(?:0[1-9](?:[ .\-/]?\d{2}){4}|(?:\+|00)\s?\d{1,3}[ .\-/]?(?:\(0\)[ .\-/]?)?\d(?:[ .\-/]?\d){6,12})(?:$|[^\d])`)

// LooksLikePhoneNumber reports whether s holds something shaped like a
// telephone number.
func LooksLikePhoneNumber(s string) bool {
	// Digits written with the full-width or other scripts' forms count too.
	return phonePattern.MatchString(asciiDigits(s))
}

func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII && unicode.IsDigit(r) {
			return '0' // only the shape of the number matters
		}
		return r
	}, s)
}

func tooLong(s string, max int) bool { return utf8.RuneCountInString(s) > max }

// cleanWebsite checks a member's website and returns it as it will be
// linked: http or https only, with a host, and no credentials in it. An
// address typed without its scheme gets https, as browsers assume.
func cleanWebsite(raw string) (string, string) {
	raw = cleanLine(raw)
	if raw == "" {
		return "", ""
	}
	if tooLong(raw, MaxWebsite) {
		return "", "members.website.too_long"
	}
	if !strings.Contains(raw, "://") && !strings.Contains(strings.SplitN(raw, "/", 2)[0], ":") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", "members.website.invalid"
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return "", "members.website.scheme"
	}
	host := u.Hostname()
	if host == "" || u.User != nil || !strings.Contains(host, ".") || strings.ContainsAny(raw, " <>\"'`") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
		return "", "members.website.invalid"
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String(), ""
}
