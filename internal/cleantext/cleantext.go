// Package cleantext is the one cleaning every text goes through before it
// reaches the database: posts' bodies and titles, sections' names, whatever
// a person types. PostgreSQL refuses invalid UTF-8 and NUL in a text value
// (a 500 there, while SQLite stored the bytes and served them in pages),
// and some characters are invisible or reorder what is around them: a title
// of zero-width spaces was an invisible link in lists, and a right-to-left
// override before "gpj.exe" made a title read "…exe.jpg".
package cleantext

import (
	"strings"
	"unicode"
)

// bidiControls are the embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069) and the Arabic letter mark: they reorder
// the text around them, so they are removed. Text in right-to-left scripts
// needs none of them to show right — the browser orders it from the letters
// themselves — and the left-to-right and right-to-left marks (U+200E,
// U+200F), which only nudge neutral characters, are kept.
func bidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u061C'
}

// lineInvisible are characters with nothing to show that a one-line text
// (a title, a name) has no use for: zero-width space, word joiner, BOM and
// the soft hyphen. Zero-width joiners stay: emoji sequences and some scripts
// need them.
func lineInvisible(r rune) bool {
	return r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD'
}

// blankLetters are characters classed as letters or symbols that draw
// nothing: Hangul fillers, the braille blank, the Mongolian vowel separator,
// the combining grapheme joiner. They pass for text and show as nothing.
func blankLetter(r rune) bool {
	switch r {
	case '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800', '\u180E', '\u034F':
		return true
	}
	return false
}

// valid makes s valid UTF-8 without NUL.
func valid(s string, replacement string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, replacement), "\x00", "")
}

// Text cleans a multi-line text (a post's body): valid UTF-8 (invalid bytes
// become U+FFFD), no NUL, no bidi controls, Unix newlines, no trailing
// blanks. Nothing else is changed.
func Text(s string) string {
	s = valid(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if bidiControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimRight(s, " \t\n")
}

// Line cleans a one-line text (a title, a section's name): valid UTF-8
// (invalid bytes dropped), no NUL, no bidi controls nor zero-width spaces,
// every run of blanks one space, none at the ends.
func Line(s string) string {
	s = valid(s, "")
	s = strings.Map(func(r rune) rune {
		if bidiControl(r) || lineInvisible(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Visible reports whether s shows anything once blanks, format characters
// (zero-width spaces and joiners, bidi marks…) and blank letters are set
// aside: a text that is not is as good as empty.
func Visible(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || blankLetter(r) || unicode.IsControl(r) {
			continue
		}
		return true
	}
	return false
}
