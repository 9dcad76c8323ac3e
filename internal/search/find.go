package search

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/internal/markup"
)

// Form is the search form as a reader filled it in: the words and the
// filters, as typed.
type Form struct {
	Query   string
	Section string // a section's slug; empty for every section searched
	Author  string // a username; empty for anyone
	From    string // yyyy-mm-dd, first day included
	To      string // yyyy-mm-dd, last day included
	Status  string // solved, unsolved or empty for all
	Page    int
	Exact   bool // search the words as typed, without correction
}

// Found is a page of results as the results page shows it: the threads,
// each with a highlighted snippet of its best-matching post.
type Found struct {
	*Results
	Items []Item
}

// Item is one thread found.
type Item struct {
	Thread  forum.ThreadSummary
	Snippet template.HTML
	// Lacks holds the words typed that the thread lacks, when it matches
	// most of them but not all (Results.Partial).
	Lacks []string
}

// Library is what assembling results reads from the forum.
type Library interface {
	ThreadsByID(ctx context.Context, ids []int64) ([]forum.ThreadSummary, error)
	PostBodies(ctx context.Context, ids []int64) (map[int64]string, error)
	FirstPostBodies(ctx context.Context, threadIDs []int64) (map[int64]string, error)
}

// Members finds the member an author filter names.
type Members interface {
	ByUsername(ctx context.Context, username string) (*accounts.User, error)
}

// Finder runs the search form: it checks the filters, searches, and
// assembles the threads found.
type Finder struct {
	searcher *Searcher
	library  Library
	members  Members
}

// NewFinder returns the finder of the search page.
func NewFinder(s *Searcher, library Library, members Members) *Finder {
	return &Finder{searcher: s, library: library, members: members}
}

// Find searches the sections the reader may search (the caller's list,
// archived ones already left out) as form asks. Filter problems come back
// as errs.Invalid, by field, and nothing is searched; an empty query is no
// error: Results.Query.Reason says why nothing was searched.
func (f *Finder) Find(ctx context.Context, sections []forum.Section, form Form) (*Found, error) {
	req, err := f.request(ctx, sections, form)
	if err != nil {
		return nil, err
	}
	res, err := f.searcher.Search(ctx, req)
	if err != nil {
		return nil, err
	}
	found := &Found{Results: res}
	if len(res.Hits) > 0 {
		if found.Items, err = f.items(ctx, res); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// request checks the filters and turns them into a Request.
func (f *Finder) request(ctx context.Context, sections []forum.Section, form Form) (Request, error) {
	req := Request{Query: form.Query, Page: form.Page, Exact: form.Exact}
	bad := errs.Invalid{}
	for _, sec := range sections {
		if form.Section == "" || sec.Slug == form.Section {
			req.SectionIDs = append(req.SectionIDs, sec.ID)
		}
	}
	if form.Section != "" && len(req.SectionIDs) == 0 {
		bad.Add("section", "search.filter.unknown_section")
	}
	if name := strings.TrimSpace(form.Author); name != "" {
		u, err := f.members.ByUsername(ctx, name)
		switch {
		case err == nil:
			req.AuthorID = u.ID
		case err == errs.ErrNotFound:
			bad.Add("author", "search.filter.unknown_author")
		default:
			return req, fmt.Errorf("search: author filter: %w", err)
		}
	}
	if req.Status = Status(form.Status); !req.Status.Valid() {
		bad.Add("status", "search.filter.unknown_status")
	}
	var ok bool
	if req.From, ok = parseDay(form.From); !ok {
		bad.Add("from", "search.filter.bad_date")
	}
	if req.To, ok = parseDay(form.To); !ok {
		bad.Add("to", "search.filter.bad_date")
	} else if !req.To.IsZero() {
		req.To = req.To.AddDate(0, 0, 1) // the whole last day is included
	}
	return req, bad.Err()
}

// parseDay reads a yyyy-mm-dd date as the day begins where the forum shows
// its dates; empty is "no limit".
func parseDay(v string) (time.Time, bool) {
	if v = strings.TrimSpace(v); v == "" {
		return time.Time{}, true
	}
	d, err := time.ParseInLocation(time.DateOnly, v, i18n.Zone())
	return d, err == nil
}

// items loads the threads of the hits and a highlighted snippet of each
// best-matching post. A reply can match through its thread's title alone
// (every post carries the title's words); its text then has nothing to
// highlight, and the question itself makes the better snippet.
func (f *Finder) items(ctx context.Context, res *Results) ([]Item, error) {
	threadIDs := make([]int64, len(res.Hits))
	postIDs := make([]int64, len(res.Hits))
	best := make(map[int64]int64, len(res.Hits))
	lacks := map[int64][]string{}
	for i, h := range res.Hits {
		threadIDs[i], postIDs[i] = h.ThreadID, h.PostID
		best[h.ThreadID] = h.PostID
		lacks[h.ThreadID] = h.Lacks
	}
	threads, err := f.library.ThreadsByID(ctx, threadIDs)
	if err != nil {
		return nil, err
	}
	bodies, err := f.library.PostBodies(ctx, postIDs)
	if err != nil {
		return nil, err
	}
	items := make([]Item, len(threads))
	var plain []int64
	for i, t := range threads {
		items[i] = Item{Thread: t, Snippet: Snippet(markup.PlainText(bodies[best[t.ID]]), res.Query, 0), Lacks: lacks[t.ID]}
		if !highlighted(items[i].Snippet) {
			plain = append(plain, t.ID)
		}
	}
	if len(plain) == 0 {
		return items, nil
	}
	questions, err := f.library.FirstPostBodies(ctx, plain)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		if q, ok := questions[it.Thread.ID]; ok && !highlighted(it.Snippet) {
			items[i].Snippet = Snippet(markup.PlainText(q), res.Query, 0)
		}
	}
	return items, nil
}

func highlighted(s template.HTML) bool { return strings.Contains(string(s), "<mark>") }
