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
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, username)
	if err != nil {
		folded = username
	}
	return strings.ToLower(folded)
}

func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

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
	case reserved[usernameKey(username)]:
		return "accounts.username.reserved"
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
