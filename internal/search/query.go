package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryBytes is how much of a typed query is read; the rest is cut, so a
// pasted page cannot become a query of hundreds of terms.
const MaxQueryBytes = 500

// EmptyReason says why a Query has nothing to search for, so that the page
// can tell "type a word" from "only common words".
type EmptyReason int

const (
	// NotEmpty means the query has at least one term or phrase.
	NotEmpty EmptyReason = iota
	// NoWords means nothing but spaces, punctuation or operators was typed.
	NoWords
	// OnlyStopWords means words were typed, but all are too common to search
	// for ("comment le faire ?").
	OnlyStopWords
	// OnlyExclusions means the query only excludes (-facture): there is
	// nothing to look for.
	OnlyExclusions
)

// Query is a parsed search query. Every string in it is an analyzed token
// matching ^[a-z0-9]+$, whatever was typed: FTS5 or tsquery syntax (*, OR,
// NEAR, parentheses, quotes, colons) is read as plain text, so the database
// layer can build its match expression without escaping.
type Query struct {
	// Raw is the text that was parsed: valid UTF-8, at most MaxQueryBytes,
	// trimmed. It is what the search box shows again.
	Raw string
	// Terms must all be present.
	Terms []string
	// Phrases must each be present as consecutive tokens ("exact phrase").
	Phrases [][]string
	// Excluded terms must not be present (-word).
	Excluded []string
	// ExcludedPhrases must not be present (-"some phrase", or a -word that
	// analyzes to several tokens, such as -micro-entreprise).
	ExcludedPhrases [][]string
	// Reason says why the query is empty; NotEmpty otherwise.
	Reason EmptyReason
	// Joined maps the token of each hyphenated run of the terms
	// (soustraitanc for sous-traitance) to the terms it was typed as, so
	// that a correction may search the run as one word.
	Joined map[string][]string
}

// Empty reports whether nothing searchable remains; Reason says why.
func (q Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.Phrases) == 0
}

// HighlightTerms returns the tokens of the terms, then of the phrases,
// without duplicates: the stems Snippet marks in a text.
// Excluded tokens are not included, as a result never contains them.
func (q Query) HighlightTerms() []string {
	var out []string
	out = appendUnique(out, q.Terms...)
	for _, p := range q.Phrases {
		out = appendUnique(out, p...)
	}
	return out
}

// ParseQuery parses what a person typed in the search box: words, "exact
// phrases" (between "", “”, „“ or « »), and -excluded words or -"phrases".
// A quote without its closing quote is ignored, and the words after it are
// plain words.
func ParseQuery(raw string) Query {
	q := Query{Raw: cleanQuery(raw)}
	p := queryParser{q: &q}
	for _, c := range splitQuery(q.Raw) {
		p.add(c)
	}
	q.Reason = p.reason()
	return q
}

// cleanQuery repairs invalid UTF-8 and cuts the query to MaxQueryBytes on a
// rune boundary; repairing first means the cut cannot create a broken rune.
func cleanQuery(raw string) string { return cleanQueryTo(raw, MaxQueryBytes) }

func cleanQueryTo(raw string, limit int) string {
	s := strings.ToValidUTF8(raw, "\uFFFD")
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return strings.TrimSpace(s)
}

// queryPart is one piece of a query: a run of words or a quoted phrase.
type queryPart struct {
	text    string
	phrase  bool
	exclude bool
}

// splitQuery cuts the query into words and quoted phrases, each possibly
// preceded by a minus sign.
func splitQuery(s string) []queryPart {
	var parts []queryPart
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			s = s[size:]
			continue
		}
		part := queryPart{}
		if isMinus(r) && startsPart(s[size:]) {
			part.exclude = true
			s = s[size:]
			r, size = utf8.DecodeRuneInString(s)
		}
		if isQuote(r) {
			if end := strings.IndexFunc(s[size:], isQuote); end >= 0 {
				part.text, part.phrase = s[size:size+end], true
				parts = append(parts, part)
				_, closeSize := utf8.DecodeRuneInString(s[size+end:])
				s = s[size+end+closeSize:]
				continue
			}
			// Unbalanced: the quote is dropped and the words after it
			// are plain words (the first one still excluded after a minus).
			s = s[size:]
		}
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isQuote(r) })
		if end < 0 {
			end = len(s)
		}
		if end > 0 {
			part.text = s[:end]
			parts = append(parts, part)
		}
		s = s[end:]
	}
	return parts
}

// startsPart reports whether a minus sign followed by s is an exclusion: it
// must be directly followed by a word or a quote, not by a space ("a - b").
func startsPart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && (isQuote(r) || isWordRune(r))
}

func isMinus(r rune) bool {
	return r == '-' || r == '−'
}

func isQuote(r rune) bool {
	return strings.ContainsRune("\"“”„‟«»＂", r)
}

// queryParser fills a Query from the parts and counts what it dropped.
type queryParser struct {
	q        *Query
	words    int // words typed outside exclusions, stop words included
	excluded int // excluded tokens kept
}

func (p *queryParser) add(part queryPart) {
	if len(p.q.Terms)+len(p.q.Phrases)+len(p.q.Excluded)+len(p.q.ExcludedPhrases) >= MaxQueryTerms {
		return // MaxQueryTerms: the rest is not searched
	}
	words := analyzeWords(part.text)
	var tokens []string
	for _, w := range words {
		if w.token != "" {
			tokens = append(tokens, w.token)
		}
	}
	if len(tokens) > MaxQueryTerms {
		tokens = tokens[:MaxQueryTerms] // one long phrase or hyphenated run
	}
	if part.exclude {
		p.excluded += len(tokens)
		p.q.Excluded, p.q.ExcludedPhrases = addSequence(p.q.Excluded, p.q.ExcludedPhrases, tokens, true)
		return
	}
	p.words += len(words)
	if !part.phrase {
		for _, w := range words {
			if w.joined == "" {
				continue
			}
			var parts []string
			for _, r := range words[w.runFrom:] {
				if r.token != "" {
					parts = append(parts, r.token)
				}
				if r.start == w.start {
					break
				}
			}
			if p.q.Joined == nil {
				p.q.Joined = map[string][]string{}
			}
			p.q.Joined[w.joined] = parts
		}
	}
	p.q.Terms, p.q.Phrases = addSequence(p.q.Terms, p.q.Phrases, tokens, part.phrase)
	if len(p.q.Terms) > MaxQueryTerms {
		p.q.Terms = p.q.Terms[:MaxQueryTerms]
	}
}

// addSequence adds tokens as one term when there is one, and as a phrase
// when there are several and they were meant together (quoted, or one
// excluded word); unquoted words are separate terms.
func addSequence(terms []string, phrases [][]string, tokens []string, together bool) ([]string, [][]string) {
	switch {
	case len(tokens) == 0:
	case len(tokens) == 1 || !together:
		terms = appendUnique(terms, tokens...)
	default:
		phrases = append(phrases, tokens)
	}
	return terms, phrases
}

func (p *queryParser) reason() EmptyReason {
	switch {
	case !p.q.Empty():
		return NotEmpty
	case p.words > 0:
		return OnlyStopWords
	case p.excluded > 0:
		return OnlyExclusions
	default:
		return NoWords
	}
}

// appendUnique appends the tokens of add that dst does not hold yet.
func appendUnique(dst []string, add ...string) []string {
	for _, t := range add {
		if !slices.Contains(dst, t) {
			dst = append(dst, t)
		}
	}
	return dst
}
