package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// The relevance set in testdata/relevance is a small forum (threads.json)
// and queries with the threads they must find (queries.json). The types
// below load it; the database-backed tests index the threads, run the
// queries on each database and score the rankings with Evaluate.

// corpusSections are the section slugs a relevance thread may belong to.
var corpusSections = []string{"se-lancer", "trouver-des-clients", "juridique-et-statut", "comptabilite-et-tarifs", "outils-et-logiciels", "entre-nous"}

// Corpus is the relevance set: threads to index and queries to run.
type Corpus struct {
	Threads []CorpusThread
	Queries []RelevanceQuery
}

// CorpusThread is one thread of the relevance set as it was written:
// Posts[0] opens the thread. Edits and Deleted describe what happened after,
// so that the index is tested on current text only; see VisiblePosts.
type CorpusThread struct {
	Key     string       `json:"key"`
	Section string       `json:"section"`
	Author  string       `json:"author"`
	Title   string       `json:"title"`
	Posts   []string     `json:"posts"`
	Created time.Time    `json:"created"`
	Edits   []CorpusEdit `json:"edits,omitempty"`
	Deleted []int        `json:"deleted,omitempty"`
}

// CorpusEdit replaces the body of post Post (an index in Posts).
type CorpusEdit struct {
	Post int    `json:"post"`
	Body string `json:"body"`
}

// VisiblePosts returns the posts as a reader sees them now: edits applied
// in order, deleted posts left out. The index must hold exactly these.
func (t CorpusThread) VisiblePosts() []string {
	posts := slices.Clone(t.Posts)
	for _, e := range t.Edits {
		posts[e.Post] = e.Body
	}
	var visible []string
	for i, p := range posts {
		if !slices.Contains(t.Deleted, i) {
			visible = append(visible, p)
		}
	}
	return visible
}

// RelevanceQuery is a query of the relevance set. Expect lists thread keys
// that must rank in the top 5, Not keys that must not be returned at all;
// Covers names the analyzer or search feature the query exercises.
type RelevanceQuery struct {
	Q       string        `json:"q"`
	Filters CorpusFilters `json:"filters,omitzero"`
	Expect  []string      `json:"expect"`
	Not     []string      `json:"not,omitempty"`
	Covers  string        `json:"covers"`
}

// CorpusFilters restricts a query. From and To are dates (2006-01-02), both
// included, compared with the thread's creation time in UTC.
type CorpusFilters struct {
	Section string `json:"section,omitempty"`
	Author  string `json:"author,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
}

// LoadCorpus reads threads.json and queries.json from dir and checks that
// they hang together: unique keys and queries, known sections, valid edit
// and deletion indexes, queries naming existing threads.
func LoadCorpus(dir string) (Corpus, error) {
	var c Corpus
	if err := readJSON(filepath.Join(dir, "threads.json"), &c.Threads); err != nil {
		return Corpus{}, err
	}
	if err := readJSON(filepath.Join(dir, "queries.json"), &c.Queries); err != nil {
		return Corpus{}, err
	}
	if err := c.validate(); err != nil {
		return Corpus{}, fmt.Errorf("search: relevance corpus: %w", err)
	}
	return c, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("search: relevance corpus: %w", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("search: relevance corpus: %s: %w", filepath.Base(path), err)
	}
	return nil
}

func (c Corpus) validate() error {
	keys := map[string]bool{}
	var errs []error
	for _, t := range c.Threads {
		if keys[t.Key] {
			errs = append(errs, fmt.Errorf("thread %q appears twice", t.Key))
		}
		keys[t.Key] = true
		errs = append(errs, t.validate())
	}
	seen := map[string]bool{}
	for _, q := range c.Queries {
		if seen[q.Q] {
			errs = append(errs, fmt.Errorf("query %q appears twice", q.Q))
		}
		seen[q.Q] = true
		errs = append(errs, q.validate(keys))
	}
	return errors.Join(errs...)
}

func (t CorpusThread) validate() error {
	var errs []error
	if t.Key == "" || t.Title == "" || t.Author == "" || len(t.Posts) == 0 || t.Created.IsZero() {
		errs = append(errs, fmt.Errorf("thread %q: key, title, author, posts and created are required", t.Key))
	}
	if !slices.Contains(corpusSections, t.Section) {
		errs = append(errs, fmt.Errorf("thread %q: unknown section %q", t.Key, t.Section))
	}
	for _, e := range t.Edits {
		if e.Post < 0 || e.Post >= len(t.Posts) {
			errs = append(errs, fmt.Errorf("thread %q: edit of post %d out of range", t.Key, e.Post))
		}
	}
	for _, d := range t.Deleted {
		if d <= 0 || d >= len(t.Posts) {
			errs = append(errs, fmt.Errorf("thread %q: deleted post %d out of range (the first post cannot be deleted)", t.Key, d))
		}
	}
	return errors.Join(errs...)
}

func (q RelevanceQuery) validate(keys map[string]bool) error {
	var errs []error
	for _, k := range slices.Concat(q.Expect, q.Not) {
		if !keys[k] {
			errs = append(errs, fmt.Errorf("query %q: unknown thread %q", q.Q, k))
		}
	}
	if len(q.Expect) == 0 && len(q.Not) == 0 {
		errs = append(errs, fmt.Errorf("query %q: expects nothing", q.Q))
	}
	if q.Filters.Section != "" && !slices.Contains(corpusSections, q.Filters.Section) {
		errs = append(errs, fmt.Errorf("query %q: unknown section %q", q.Q, q.Filters.Section))
	}
	if _, _, err := q.Filters.Dates(); err != nil {
		errs = append(errs, fmt.Errorf("query %q: %w", q.Q, err))
	}
	return errors.Join(errs...)
}

// Dates returns the filter's date range as instants: from the start of
// From to the end of To (exclusive), in UTC; a zero time where unset.
func (f CorpusFilters) Dates() (from, to time.Time, err error) {
	if f.From != "" {
		if from, err = time.Parse(time.DateOnly, f.From); err != nil {
			return time.Time{}, time.Time{}, fmt.Errorf("filter from: %w", err)
		}
	}
	if f.To != "" {
		if to, err = time.Parse(time.DateOnly, f.To); err != nil {
			return time.Time{}, time.Time{}, fmt.Errorf("filter to: %w", err)
		}
		to = to.AddDate(0, 0, 1)
	}
	return from, to, nil
}

// RecallDepth is how far down a ranking an expected thread must appear.
const RecallDepth = 5

// Evaluate scores rankings against the relevance queries. results maps a
// query's Q to the thread keys returned, best first. recall5 is the mean,
// over queries that expect threads, of the share of expected threads found
// in the top RecallDepth; mrr is the mean reciprocal rank of the first
// expected thread. failures explains, one line per problem, every expected
// thread missing from the top RecallDepth, every Not thread returned at any
// rank, and every query without recorded results.
func Evaluate(results map[string][]string, queries []RelevanceQuery) (recall5, mrr float64, failures []string) {
	scored := 0
	for _, q := range queries {
		ranked, ok := results[q.Q]
		if !ok {
			failures = append(failures, fmt.Sprintf("%q: no results recorded", q.Q))
		}
		for _, k := range q.Not {
			if i := slices.Index(ranked, k); i >= 0 {
				failures = append(failures, fmt.Sprintf("%q: %s must not be found, is at rank %d", q.Q, k, i+1))
			}
		}
		if len(q.Expect) == 0 {
			continue
		}
		scored++
		found, best := 0, 0
		for _, k := range q.Expect {
			i := slices.Index(ranked, k)
			switch {
			case i < 0:
				failures = append(failures, fmt.Sprintf("%q: %s not found (got %v)", q.Q, k, top(ranked)))
			case i >= RecallDepth:
				failures = append(failures, fmt.Sprintf("%q: %s at rank %d, not in the top %d (got %v)", q.Q, k, i+1, RecallDepth, top(ranked)))
			default:
				found++
			}
			if i >= 0 && (best == 0 || i+1 < best) {
				best = i + 1
			}
		}
		recall5 += float64(found) / float64(len(q.Expect))
		if best > 0 {
			mrr += 1 / float64(best)
		}
	}
	if scored > 0 {
		recall5 /= float64(scored)
		mrr /= float64(scored)
	}
	return recall5, mrr, failures
}

// top returns the first RecallDepth keys of a ranking, for messages.
func top(ranked []string) []string {
	return ranked[:min(len(ranked), RecallDepth)]
}
