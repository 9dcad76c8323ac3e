package words

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"entraide/internal/search"
)

// token is a word of a text: its place in the original and its folded form.
type token struct {
	start, end int
	folded     string
}

// tokens splits text into words (runs of letters and digits), each folded
// as search folds it, so "Arnaque", "arnaqué" and "ARNAQUE" are one word.
func tokens(text string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{start: start, end: end, folded: search.Fold(text[start:end])})
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// Key is the folded form of a pattern: its words (split as tokens splits
// a post, "*" counting as a letter) folded, separated by one space; "" when
// it has no letter.
func Key(pattern string) string {
	var parts []string
	word := func(w string) {
		pieces := strings.Split(w, "*")
		for i, piece := range pieces {
			var b strings.Builder
			for _, tk := range tokens(piece) {
				b.WriteString(tk.folded)
			}
			pieces[i] = b.String()
		}
		k := strings.Join(pieces, "*")
		for strings.Contains(k, "**") {
			k = strings.ReplaceAll(k, "**", "*")
		}
		if strings.Trim(k, "*") != "" {
			parts = append(parts, k)
		}
	}
	start := -1
	for i, r := range pattern {
		if r == '*' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			word(pattern[start:i])
			start = -1
		}
	}
	if start >= 0 {
		word(pattern[start:])
	}
	return strings.Join(parts, " ")
}

// wordMatches reports whether folded word w matches pattern word p, where
// "*" stands for any letters (none included).
func wordMatches(p, w string) bool {
	star := strings.IndexByte(p, '*')
	if star < 0 {
		return p == w
	}
	if !strings.HasPrefix(w, p[:star]) {
		return false
	}
	rest, w := p[star+1:], w[star:]
	if rest == "" {
		return true
	}
	for i := 0; i <= len(w); i++ {
		if wordMatches(rest, w[i:]) {
			return true
		}
		if i < len(w) {
			_, size := utf8.DecodeRuneInString(w[i:])
			i += size - 1
		}
	}
	return false
}

// find returns the spans of text matched by the pattern key (words in a
// row, each matching its pattern word).
func find(toks []token, key string) [][2]int {
	pw := strings.Fields(key)
	if len(pw) == 0 {
		return nil
	}
	var spans [][2]int
	for i := 0; i+len(pw) <= len(toks); i++ {
		ok := true
		for j, p := range pw {
			if !wordMatches(p, toks[i+j].folded) {
				ok = false
				break
			}
		}
		if ok {
			spans = append(spans, [2]int{toks[i].start, toks[i+len(pw)-1].end})
			i += len(pw) - 1
		}
	}
	return spans
}

// Mask is what a masked word becomes.
const Mask = "•••"

// mask replaces spans (in order, not overlapping) of text by Mask.
func mask(text string, spans [][2]int) string {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s[0] < last {
			continue
		}
		b.WriteString(text[last:s[0]])
		b.WriteString(Mask)
		last = s[1]
	}
	b.WriteString(text[last:])
	return b.String()
}
