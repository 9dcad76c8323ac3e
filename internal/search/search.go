package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// ResultsPerPage is the number of threads on a page of results.
const ResultsPerPage = 20

// Request is a search as the results page asks for it. The caller decides
// which sections the reader may see: SectionIDs holds them, and nothing
// outside them is ever returned (archived sections are left out by the
// caller too).
type Request struct {
	Query      string
	SectionIDs []int64 // sections searched; empty means nothing to search
	AuthorID   int64   // threads opened by this member; 0 for anyone
	From, To   time.Time
	Status     Status // solved or unsolved threads only; "" for all
	Page       int    // from 1
	// Exact searches the words as typed: no correction is tried (the
	// "search for what I typed" link).
	Exact bool
}

// Status filters threads by whether a reply was chosen as the solution.
type Status string

// The statuses a search may ask for.
const (
	AnyStatus Status = ""
	Solved    Status = "solved"
	Unsolved  Status = "unsolved"
)

// Valid reports whether st is a status the search knows.
func (st Status) Valid() bool { return st == AnyStatus || st == Solved || st == Unsolved }

// Hit is a matching thread with the post whose text matched best.
type Hit struct {
	ThreadID int64
	PostID   int64
	Score    float64
	// Lacks holds, for a thread that matches most of the words but not
	// all (see Results.Partial), the words it lacks, as typed.
	Lacks []string
	// present has bit i set when the post holds the plan's optional[i].
	present int
}

// Results is a page of hits.
type Results struct {
	Query Query
	Hits  []Hit
	Total int // threads matching, all pages
	// AtLeast is set when the query matched more posts than one search
	// ranks: Total counts the threads among the most recent matches.
	AtLeast bool
	Page    int
	Pages   int
	// Typed is set when the words typed found little and a correction
	// found more: Query is the correction, whose results these are, and
	// Typed the query as typed (Request.Exact searches it).
	Typed string
	// Suggestion is a correction that finds far more than the words typed,
	// offered rather than used; empty when there is none.
	Suggestion string
	// Partial is how many of Hits, at their end, match most of the words
	// but not all: they follow when all the words find fewer than
	// fewResults threads.
	Partial int
}

// plan is a parsed request, ready for a store to turn into SQL.
type plan struct {
	q          Query
	sectionIDs []int64
	authorID   int64
	from, to   time.Time
	status     Status
	limit      int
	offset     int
	tuning     Tuning
	// optional are terms of q of which up to dropped may be missing from a
	// post (the threads matching most of the words, see relax); each hit
	// says which of them its post holds.
	optional []string
	dropped  int
	// unscored ranks without the text score: the query's words are all
	// common (see commonWords), and the stores rank as if every post
	// scored the same.
	unscored bool
}

// expression writes the part of p's query a post must hold, in syntax m,
// joined by and and or: every term and phrase, but for the optional terms,
// of which any len(optional)-dropped will do.
func (m matchSyntax) expression(p plan, and, or string) string {
	if p.dropped == 0 {
		return m.join(p.q.Terms, p.q.Phrases, and)
	}
	required := slices.DeleteFunc(slices.Clone(p.q.Terms), func(t string) bool { return slices.Contains(p.optional, t) })
	expr := m.join(required, p.q.Phrases, and)
	var groups []string
	for _, kept := range subsets(p.optional, len(p.optional)-p.dropped) {
		if len(kept) > 0 {
			groups = append(groups, "("+m.join(kept, nil, and)+")")
		}
	}
	if len(groups) == 0 {
		return expr
	}
	either := "(" + strings.Join(groups, or) + ")"
	if expr == "" {
		return either
	}
	return expr + and + either
}

// subsets returns every choice of n of items, in their order.
func subsets(items []string, n int) [][]string {
	if n <= 0 {
		return [][]string{nil}
	}
	var out [][]string
	for i := 0; i+n <= len(items); i++ {
		for _, rest := range subsets(items[i+1:], n-1) {
			out = append(out, append([]string{items[i]}, rest...))
		}
	}
	return out
}

// Searcher answers search requests.
type Searcher struct {
	index   *Index
	speller *Speller
}

// NewSearcher returns a searcher over ix, correcting words from the
// forum's vocabulary.
func NewSearcher(ix *Index) *Searcher { return &Searcher{index: ix, speller: NewSpeller(ix.db)} }

// Speller returns the searcher's speller, which the similar-threads finder
// and the ask flow share.
func (s *Searcher) Speller() *Speller { return s.speller }

const (
	// fewResults is when the words typed found "little": fewer threads
	// than this, and a correction that finds more is used instead, and
	// threads matching most of the words follow.
	fewResults = 5
	// suggestBelow is when a correction is looked for at all: one page of
	// results or less. From fewResults on, it is offered (not used) when it
	// finds suggestFactor times as many threads.
	suggestBelow  = ResultsPerPage
	suggestFactor = 3
	// maxRelaxedTerms is how many words may be left out to find the
	// threads matching most of them (see relax), maxDropped how many of
	// them at once, and maxPartial how many such threads are shown.
	maxRelaxedTerms = 3
	maxDropped      = 2
	maxPartial      = 10
	// relaxedCandidates bounds the posts a search of most of the words
	// ranks, as Tuning.CandidatePosts bounds the others: it shows
	// maxPartial threads at most, below the full matches, and common words
	// would otherwise rank thousands of posts for them.
	relaxedCandidates = 200
	// A query whose words are all common — each in at least commonThreads
	// threads (Tuning.CommonThreads) and one thread in commonShare; at a
	// million posts, thousands of posts each — ranks
	// the newest commonCandidates matching posts at most, without the text
	// score (see commonWords).
	commonThreads    = 500
	commonShare      = 100
	commonCandidates = 400
)

// commonWords makes p a search of common words when every term of its
// query is common in the forum's vocabulary v, and it has no phrase. Such
// words are in thousands of posts each; scoring the posts that hold them
// all costs the most (SQLite's bm25() reads every word's whole list to
// weigh it: six common words at a million posts, 1.1 M entries, ~50 ms;
// PostgreSQL fetches each candidate's document for ts_rank, and reads
// ranges until it has candidatePosts) and tells them apart by little: the
// title and recency do it as well (the relevance set holds with every word
// counted common, TestRelevanceWithEveryWordCommon). So such a search ranks
// the newest commonCandidates matches by the order of ranking.go with every
// text score alike, on both databases.
func commonWords(p *plan, v *vocabulary) {
	if v == nil || len(p.q.Phrases) > 0 || len(p.q.Terms) == 0 {
		return
	}
	least := max(p.tuning.CommonThreads, v.threads/commonShare)
	for _, t := range p.q.Terms {
		if v.frequency(t) < least {
			return
		}
	}
	p.unscored = true
	p.tuning.CandidatePosts = min(p.tuning.CandidatePosts, commonCandidates)
}

// Search runs r. An empty query (nothing typed, or only common words) is
// not an error: Results.Query.Reason tells the page what to say. When the
// words typed find little, a correction of their spelling may be searched
// instead, and threads matching most of the words follow the full matches.
func (s *Searcher) Search(ctx context.Context, r Request) (*Results, error) {
	res := &Results{Query: ParseQuery(r.Query), Page: min(max(r.Page, 1), MaxPage)}
	if res.Query.Empty() || len(r.SectionIDs) == 0 {
		return res, nil
	}
	p := plan{q: res.Query, sectionIDs: r.SectionIDs, authorID: r.AuthorID, from: r.From, to: r.To, status: r.Status,
		limit: ResultsPerPage, offset: (res.Page - 1) * ResultsPerPage, tuning: s.index.tuning}
	// The vocabulary is read (or its reading started) whatever the count,
	// so that what a search costs does not depend on what it finds.
	vocab := s.speller.current(ctx)
	commonWords(&p, vocab)
	// A correction there is is searched at the same time as the words
	// typed, on a connection of its own: a search waits for the longer of
	// the two rather than for both. Its result is used only when the words
	// typed find less than a page (a correction is of words the forum
	// hardly uses, so that is the common case).
	var c *Correction
	var corrected plan
	var better chan matchResult
	altCtx, cancelAlt := context.WithCancel(ctx)
	defer cancelAlt()
	if !r.Exact && vocab != nil {
		if c = vocab.correctQuery(res.Query); c != nil {
			corrected = p
			corrected.q, corrected.unscored, corrected.tuning = c.Replace(res.Query), false, s.index.tuning
			commonWords(&corrected, vocab)
			better = make(chan matchResult, 1)
			go func() {
				m, err := s.match(altCtx, corrected)
				better <- matchResult{m, err}
			}()
		}
	}
	m, err := s.match(ctx, p)
	if err != nil {
		cancelAlt() // the page fails: the correction's answer is not needed
	}
	var alt matchResult
	if better != nil {
		alt = <-better // never left running past the search
	}
	if err != nil {
		return nil, err
	}
	if c != nil && m.total < suggestBelow {
		if alt.err != nil {
			return nil, alt.err
		}
		switch {
		case m.total < fewResults && alt.m.total > m.total:
			res.Typed, res.Query, p, m = res.Query.Raw, corrected.q, corrected, alt.m
		case m.total >= fewResults && alt.m.total >= suggestFactor*m.total:
			res.Suggestion = c.Query
		}
	}
	res.Hits, res.Total, res.AtLeast = m.hits, m.total, m.capped(p.tuning.CandidatePosts)
	res.Pages = max(1, (res.Total+ResultsPerPage-1)/ResultsPerPage)
	if res.Total < fewResults && res.Page == 1 {
		if err := s.relax(ctx, p, res, vocab); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// matchResult is what match returns, sent from another goroutine.
type matchResult struct {
	m   matched
	err error
}

// match runs p; past the last page, it still counts the matches.
func (s *Searcher) match(ctx context.Context, p plan) (matched, error) {
	m, err := s.index.store.match(ctx, s.index.db.WithContext(ctx), p)
	if err == nil && len(m.hits) == 0 && p.offset > 0 {
		// Past the last page the count comes with no row: ask for it alone,
		// so the page can say how many there are and send the reader back.
		p.offset, p.limit = 0, 1
		var first matched
		first, err = s.index.store.match(ctx, s.index.db.WithContext(ctx), p)
		m.total, m.candidates = first.total, first.candidates
	}
	if err != nil {
		return m, fmt.Errorf("search: %w", err)
	}
	return m, nil
}

// relax appends to res the threads that hold most of the words: all but
// one, then, if that still makes fewer than fewResults threads, all but two
// (never fewer than half the words). The words that may be left out are at
// most maxRelaxedTerms: first those the forum does not use (a slip no
// correction mended), then the most common (lacking a common word matters
// less than lacking a rare, telling one). Each step is one search, of the
// posts holding the other words and all but one (or two) of those: it
// costs about what the search of all the words costs, whichever of them
// is missing. Each thread found comes once, with the words its best post
// lacks; phrases and exclusions still apply.
func (s *Searcher) relax(ctx context.Context, p plan, res *Results, v *vocabulary) error {
	n := len(p.q.Terms)
	if n < 2 {
		return nil
	}
	terms := slices.Clone(p.q.Terms)
	if v != nil {
		rank := func(t string) int {
			if f := v.frequency(t); f > 0 {
				return f
			}
			return math.MaxInt
		}
		sort.SliceStable(terms, func(i, j int) bool { return rank(terms[i]) > rank(terms[j]) })
	}
	terms = terms[:min(len(terms), maxRelaxedTerms)]
	seen := map[int64]bool{}
	for _, h := range res.Hits {
		seen[h.ThreadID] = true
	}
	for drop := 1; drop <= min(maxDropped, len(terms)) && n-drop >= (n+1)/2; drop++ {
		if drop > 1 && len(res.Hits) >= fewResults {
			break
		}
		most := p
		most.optional, most.dropped = terms, drop
		most.tuning.CandidatePosts = min(p.tuning.CandidatePosts, relaxedCandidates)
		// The threads already shown may come again: room is left for them.
		most.limit, most.offset = maxPartial+len(seen), 0
		m, err := s.match(ctx, most)
		if err != nil {
			return err
		}
		for _, h := range m.hits {
			if seen[h.ThreadID] || res.Partial >= maxPartial {
				continue
			}
			seen[h.ThreadID] = true
			for _, t := range p.q.Terms { // in the order typed
				if i := slices.Index(terms, t); i >= 0 && h.present&(1<<i) == 0 {
					h.Lacks = append(h.Lacks, typedWord(p.q.Raw, t))
				}
			}
			if len(h.Lacks) == 0 {
				continue // all the words, in a post past the first search's cap
			}
			res.Hits = append(res.Hits, h)
			res.Partial++
		}
	}
	return nil
}

// typedWord returns the first word of raw whose token is token, as typed.
func typedWord(raw, token string) string {
	words := analyzeWords(raw)
	for _, w := range words {
		if w.token == token {
			return raw[w.start:w.end]
		}
		if w.joined == token {
			return raw[words[w.runFrom].start:w.end]
		}
	}
	return token
}

// matchSyntax is how a database's full-text query language writes a term
// and a phrase; join builds an expression of both with an operator.
type matchSyntax struct {
	term   func(string) string
	phrase func([]string) string
}

func (m matchSyntax) join(terms []string, phrases [][]string, op string) string {
	parts := make([]string, 0, len(terms)+len(phrases))
	for _, t := range terms {
		parts = append(parts, m.term(t))
	}
	for _, ph := range phrases {
		parts = append(parts, m.phrase(ph))
	}
	return strings.Join(parts, op)
}

// matched is what a store's search returns.
type matched struct {
	hits  []hit
	total int
	// candidates is how many matching posts were ranked (at most
	// candidatePosts), or -1 when no row came back to tell.
	candidates int
}

// capped says the cap on ranked posts was reached: more posts match than
// were ranked, and the count is "at least".
func (m matched) capped(cap int) bool { return m.candidates >= cap }

// hit is what a store returns: a thread, its best post and the text score.
type hit = Hit
