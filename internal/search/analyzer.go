package search

import (
	"strings"
	"unicode/utf8"
)

// MaxTokenBytes is the longest token Analyze emits. Longer words are cut to
// this length and not stemmed: they are identifiers or pasted junk rather
// than French words, and the cut keeps the index small while a pasted
// reference still finds itself.
const MaxTokenBytes = 40

// Analyze returns the tokens to index for text, in the order of the text:
// accent-folded and lower-cased (see Fold), split on anything that is not a
// letter or digit, without elided articles (l', d', qu'…) and French or
// English stop words, and stemmed (see stem). Every token matches
// ^[a-z0-9]+$ and is at most MaxTokenBytes long.
//
// Positions are simply the order of the returned tokens: both databases
// index this token list, so a phrase query matches the same way on both,
// and "facture du client" matches the phrase "facture client" because the
// stop word between them is not indexed on either side.
func Analyze(text string) []string {
	var tokens []string
	for _, w := range analyzeWords(text) {
		if w.token != "" {
			tokens = append(tokens, w.token)
		}
		if w.joined != "" {
			tokens = append(tokens, w.joined)
		}
	}
	return tokens
}

// word is one run of letters and digits of a text, with its place in the
// text so that Snippet can highlight it.
type word struct {
	folded     string // folded [a-z0-9]; at most MaxTokenBytes+1 bytes are kept
	start, end int    // byte span in the source text
	apostrophe bool   // directly followed by ' or ’
	token      string // what is indexed for this word; empty when dropped
	// joined is, on the last word of a hyphenated run (sous-traitance),
	// the token of the run written as one word (soustraitance), indexed
	// after the parts so that either spelling finds the other; runFrom is
	// the index of the run's first word.
	joined  string
	runFrom int
}

// analyzeWords splits text into words and gives each its token.
func analyzeWords(text string) []word {
	words := scanWords(text)
	for i := range words {
		w := &words[i]
		if w.apostrophe && elided(words, i) {
			continue
		}
		w.token = normalizeWord(w.folded)
	}
	joinHyphenated(text, words)
	return words
}

// maxJoined is the most words of a hyphenated run joined into one token.
const maxJoined = 4

// joinHyphenated gives the last word of each run of two to maxJoined words
// joined by single hyphens (sous-traitance, télé-secrétaire) the token of
// the run written as one word.
func joinHyphenated(text string, words []word) {
	from := 0
	for i := range words {
		if i == 0 || !hyphenBetween(text, words[i-1], words[i]) {
			from = i
		}
		words[i].runFrom = i
		if i == from || i-from+1 > maxJoined {
			continue
		}
		var b strings.Builder
		for _, w := range words[from : i+1] {
			b.WriteString(w.folded)
		}
		if b.Len() > MaxTokenBytes {
			continue
		}
		joined := normalizeWord(b.String())
		if joined == "" || joined == words[i].token {
			continue
		}
		if i+1 < len(words) && hyphenBetween(text, words[i], words[i+1]) && i+1-from+1 <= maxJoined {
			continue // the run goes on: only its whole is joined
		}
		words[i].joined, words[i].runFrom = joined, from
	}
}

// hyphenBetween reports whether a and b are separated by one hyphen alone.
func hyphenBetween(text string, a, b word) bool {
	if a.apostrophe || a.end >= b.start {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[a.end:])
	return isHyphen(r) && a.end+size == b.start
}

// elided reports whether words[i], followed by an apostrophe, is a French
// elision (l'URSSAF, qu'il, jusqu'à) or the head of an English negative
// contraction (don't, isn't), which carry no meaning of their own.
func elided(words []word, i int) bool {
	if elisions[words[i].folded] {
		return true
	}
	return i+1 < len(words) && words[i+1].folded == "t"
}

// normalizeWord turns one folded word into its token, or "" for a stop word.
func normalizeWord(folded string) string {
	if len(folded) > MaxTokenBytes {
		return folded[:MaxTokenBytes]
	}
	if stopWords[folded] {
		return ""
	}
	return stem(folded)
}

// scanWords splits text into runs of folded letters and digits.
func scanWords(text string) []word {
	var (
		words   []word
		cur     []byte
		start   = -1
		end     int
		scratch []byte
	)
	flush := func(apostrophe bool) {
		if start >= 0 {
			words = append(words, word{folded: string(cur), start: start, end: end, apostrophe: apostrophe})
		}
		cur, start = cur[:0], -1
	}
	// One rune can fold to several words (¼ is 1⁄4): the first gets the
	// rune's bytes, the next ones an empty span after it, so that spans
	// never overlap.
	startAt := func(i int) int {
		if len(words) > 0 {
			return max(i, words[len(words)-1].end)
		}
		return i
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isApostrophe(r):
			flush(true)
		case isHyphen(r) && joinsAfterHyphen(cur, text[i+size:]):
			// e-mail, e-commerce: the "e" is part of the word, and
			// "email" must meet "e-mail".
		default:
			scratch = foldRune(scratch[:0], r, text[i:])
			if len(scratch) == 0 && start >= 0 {
				end = i + size // a combining accent belongs to its letter
			}
			for _, b := range scratch {
				if !isASCIIAlnum(b) {
					flush(false)
					continue
				}
				if start < 0 {
					start = startAt(i)
				}
				if len(cur) <= MaxTokenBytes {
					cur = append(cur, b)
				}
				end = i + size
			}
		}
		i += size
	}
	flush(false)
	return words
}

// joinsAfterHyphen reports whether the word so far is the prefix "e" of
// e-mail, e-learning…, followed by a letter.
func joinsAfterHyphen(cur []byte, rest string) bool {
	return string(cur) == "e" && rest != "" && isASCIIAlnum(rest[0]) && !isDigit(rest[0])
}

func isApostrophe(r rune) bool {
	return strings.ContainsRune("'’ʼ‘＇", r)
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

func isDigit(b byte) bool {
	return b >= '0' && b <= '9'
}
