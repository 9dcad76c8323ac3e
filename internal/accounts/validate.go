package accounts

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var usernamePattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_.-]*$`)

// reserved names would let someone pass for the forum's staff.
var reserved = map[string]bool{
	"admin": true, "administrateur": true, "administrator": true, "moderateur": true,
	"moderator": true, "moderation": true, "entraide": true, "system": true, "systeme": true,
	"root": true, "support": true, "staff": true, "equipe": true,
}

// usernameKey is the form in which two usernames collide: lower case without
// accents, so "Hélène" and "helene" cannot both exist and impersonate.
func usernameKey(username string) string {
	username = norm.NFKC.String(cleanKey(username))
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, username)
	if err != nil {
		folded = username
	}
	return strings.ToLower(folded)
}

func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(cleanKey(email))) }

// cleanKey makes typed text safe to compare in the database: valid UTF-8
// without NUL, which PostgreSQL refuses in a text value (a visitor's
// /u/a%00b must be a 404 there as on SQLite, not a 500). No real username
// or address holds either, so nothing real stops matching.
func cleanKey(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

func checkUsername(username string) string {
	n := utf8.RuneCountInString(username)
	switch {
	case n == 0:
		return "accounts.username.required"
	case n < 3:
		return "accounts.username.too_short"
	case n > 30:
		return "accounts.username.too_long"
	case !usernamePattern.MatchString(username):
		return "accounts.username.characters"
	case reserved[usernameKey(username)] || reservedSkeletons[usernameSkeleton(username)]:
		return "accounts.username.reserved"
	case mixesScripts(username):
		return "accounts.username.mixed_scripts"
	case strings.HasSuffix(username, ".") || strings.HasSuffix(username, "-") || strings.HasSuffix(username, "_"):
		return "accounts.username.trailing_separator"
	}
	return ""
}

func checkEmail(email string) string {
	if email == "" {
		return "accounts.email.required"
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || len(email) > 254 || !strings.Contains(email[strings.LastIndexByte(email, '@'):], ".") {
		return "accounts.email.invalid"
	}
	return ""
}
