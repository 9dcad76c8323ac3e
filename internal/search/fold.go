package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"
)

// Fold returns text accent-folded and lower-cased, without stemming:
// "Télésecrétaire, Œuvre" becomes "telesecretaire, oeuvre". Letters and
// digits are folded exactly as Analyze folds them before splitting, so the
// result can be compared with a folded query word; everything else
// (punctuation, spaces, emoji) is kept as it is. Invalid UTF-8 becomes U+FFFD.
func Fold(text string) string {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		out = foldRune(out, r, text[i:])
		i += size
	}
	return string(out)
}

// foldRune appends the folded form of r, the first rune of src, to dst.
// Only letters, numbers and marks are decomposed: a symbol such as ™ would
// otherwise turn into the letters "tm" and glue itself to the word before it.
func foldRune(dst []byte, r rune, src string) []byte {
	if r < utf8.RuneSelf {
		return append(dst, lowerASCII(byte(r)))
	}
	if !isWordRune(r) {
		return utf8.AppendRune(dst, r)
	}
	d := norm.NFKD.PropertiesString(src).Decomposition()
	if d == nil {
		return foldBase(dst, r)
	}
	for len(d) > 0 {
		dr, size := utf8.DecodeRune(d)
		dst = foldBase(dst, dr)
		d = d[size:]
	}
	return dst
}

// foldBase appends a rune that has no further decomposition.
func foldBase(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, lowerASCII(byte(r)))
	}
	// Accents and other combining marks are what accent folding removes.
	if unicode.In(r, unicode.Mn, unicode.Me) {
		return dst
	}
	// NFKD keeps these ligatures and letters whole; French and German
	// spell them out.
	switch r {
	case 'œ', 'Œ':
		return append(dst, "oe"...)
	case 'æ', 'Æ':
		return append(dst, "ae"...)
	case 'ß', 'ẞ':
		return append(dst, "ss"...)
	}
	if !isWordRune(r) {
		return utf8.AppendRune(dst, r)
	}
	return appendTransliterated(dst, r)
}

// appendTransliterated spells a letter of another script (ø, ł, Cyrillic,
// Greek, CJK…) in ASCII, so that tokens stay [a-z0-9] yet such words remain
// searchable. Spaces separate syllables (CJK); other punctuation that the
// transliteration may produce (Cyrillic hard sign → ') is dropped so that
// it does not split the word.
func appendTransliterated(dst []byte, r rune) []byte {
	for _, b := range []byte(unidecode.Unidecode(string(r))) {
		switch {
		case isASCIIAlnum(b):
			dst = append(dst, lowerASCII(b))
		case b == ' ':
			dst = append(dst, ' ')
		}
	}
	return dst
}

// isWordRune reports whether r can be part of a word: letters, numbers
// (① and ² decompose to digits) and marks (accents, Indic vowel signs).
func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.N, unicode.M)
}

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
