package search

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultSnippetRunes is the snippet length used when Snippet is given no
// positive length.
const DefaultSnippetRunes = 240

// Snippet returns an extract of plainText of at most maxRunes characters
// (plus ellipses), HTML-escaped, with the words that match q wrapped in
// <mark>. A word matches when it analyzes to one of q.HighlightTerms(), so
// "factures" is marked for the query "facturer" and "télésecrétaire" for
// "telesecretaire", while the text keeps its own spelling. The extract is
// the window holding the most distinct query terms (then the most
// matches); "…" shows where the text was cut. Whitespace runs become one
// space. plainText is text, never HTML: any markup in it is escaped.
func Snippet(plainText string, q Query, maxRunes int) template.HTML {
	if maxRunes <= 0 {
		maxRunes = DefaultSnippetRunes
	}
	text := strings.Join(strings.Fields(strings.ToValidUTF8(plainText, "\uFFFD")), " ")
	words := analyzeWords(text)
	marked := markWords(words, q.HighlightTerms())
	from, to := snippetWindow(text, words, marked, maxRunes)
	return renderSnippet(text, words, marked, from, to)
}

// markWords returns the indexes of the words whose token is a term.
func markWords(words []word, terms []string) []int {
	var marked []int
	for i, w := range words {
		if w.token != "" && slices.Contains(terms, w.token) {
			marked = append(marked, i)
		}
		if w.joined != "" && slices.Contains(terms, w.joined) {
			// soustraitance marks both words of sous-traitance
			for j := w.runFrom; j <= i; j++ {
				if !slices.Contains(marked, j) {
					marked = append(marked, j)
				}
			}
		}
	}
	slices.Sort(marked)
	return marked
}

// snippetWindow returns the byte span of text to show.
func snippetWindow(text string, words []word, marked []int, maxRunes int) (from, to int) {
	total := utf8.RuneCountInString(text)
	if total <= maxRunes {
		return 0, len(text)
	}
	starts, ends := wordRunes(text, words)
	first, last := 0, 0 // byte span of the chosen matches
	firstRune, lastRune := 0, 0
	if len(marked) > 0 {
		i, j := bestMatches(words, marked, starts, ends, maxRunes)
		first, last = words[marked[i]].start, words[marked[j]].end
		firstRune, lastRune = starts[marked[i]], ends[marked[j]]
	}
	// Give the matches some context before them, then fill the window.
	slack := max(0, maxRunes-(lastRune-firstRune))
	startRune := max(0, firstRune-slack/3)
	endRune := min(total, startRune+maxRunes)
	startRune = max(0, endRune-maxRunes)
	from, to = byteAtRune(text, startRune), byteAtRune(text, endRune)
	return snapToSpaces(text, from, to, first, last)
}

// bestMatches slides a window of maxRunes over the marked words and returns
// the first and last index in marked of the best window: the most distinct
// terms, then the most matches, then the earliest.
func bestMatches(words []word, marked []int, starts, ends []int, maxRunes int) (bi, bj int) {
	count := map[string]int{}
	bestScore := -1
	j := 0
	for i := range marked {
		if j <= i {
			j = i
			count[words[marked[j]].token]++ // always show one match, even one longer than the window
			j++
		}
		for j < len(marked) && ends[marked[j]]-starts[marked[i]] <= maxRunes {
			count[words[marked[j]].token]++
			j++
		}
		if score := len(count)*len(marked) + (j - i); score > bestScore {
			bestScore, bi, bj = score, i, j-1
		}
		if t := words[marked[i]].token; count[t] > 1 {
			count[t]--
		} else {
			delete(count, t)
		}
	}
	return bi, bj
}

// wordRunes returns the rune offsets of the start and end of every word.
func wordRunes(text string, words []word) (starts, ends []int) {
	starts, ends = make([]int, len(words)), make([]int, len(words))
	n, pos := 0, 0
	for i, w := range words {
		n += utf8.RuneCountInString(text[pos:w.start])
		starts[i] = n
		n += utf8.RuneCountInString(text[w.start:w.end])
		ends[i] = n
		pos = w.end
	}
	return starts, ends
}

// byteAtRune returns the byte offset of the n-th rune of text.
func byteAtRune(text string, n int) int {
	for i := range text {
		if n == 0 {
			return i
		}
		n--
	}
	return len(text)
}

// snapToSpaces moves the cut points of the window to spaces, so that no
// word is shown cut, unless that would lose a match (first..last).
func snapToSpaces(text string, from, to, first, last int) (int, int) {
	if from > 0 && text[from-1] != ' ' {
		if sp := strings.IndexByte(text[from:], ' '); sp >= 0 && from+sp+1 <= first {
			from += sp + 1
		}
	}
	if to < len(text) && text[to] != ' ' {
		if sp := strings.LastIndexByte(text[:to], ' '); sp >= last && sp > from {
			to = sp
		}
	}
	return from, to
}

// renderSnippet escapes text[from:to] and wraps the marked words.
func renderSnippet(text string, words []word, marked []int, from, to int) template.HTML {
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, i := range marked {
		w := words[i]
		if w.start < from || w.end > to || w.start == w.end {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[pos:w.start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[w.start:w.end]))
		b.WriteString("</mark>")
		pos = w.end
	}
	b.WriteString(template.HTMLEscapeString(strings.TrimRight(text[pos:to], " ")))
	if to < len(text) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}
