package search

import (
	"context"
	"fmt"
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
}

// Searcher answers search requests.
type Searcher struct{ index *Index }

// NewSearcher returns a searcher over ix.
func NewSearcher(ix *Index) *Searcher { return &Searcher{index: ix} }

// Search runs r. An empty query (nothing typed, or only common words) is
// not an error: Results.Query.Reason tells the page what to say.
func (s *Searcher) Search(ctx context.Context, r Request) (*Results, error) {
	res := &Results{Query: ParseQuery(r.Query), Page: min(max(r.Page, 1), MaxPage)}
	if res.Query.Empty() || len(r.SectionIDs) == 0 {
		return res, nil
	}
	p := plan{q: res.Query, sectionIDs: r.SectionIDs, authorID: r.AuthorID, from: r.From, to: r.To, status: r.Status,
		limit: ResultsPerPage, offset: (res.Page - 1) * ResultsPerPage}
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
		return nil, fmt.Errorf("search: %w", err)
	}
	res.Hits, res.Total, res.AtLeast = m.hits, m.total, m.capped()
	res.Pages = max(1, (res.Total+ResultsPerPage-1)/ResultsPerPage)
	return res, nil
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
func (m matched) capped() bool { return m.candidates >= candidatePosts }

// hit is what a store returns: a thread, its best post and the text score.
type hit = Hit
