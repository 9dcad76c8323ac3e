package search

import (
	"math"
	"slices"
	"strings"
	"testing"
)

const corpusDir = "testdata/relevance"

func TestLoadCorpus(t *testing.T) {
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Threads) < 45 || len(c.Queries) < 35 {
		t.Errorf("corpus has %d threads and %d queries, want at least 45 and 35", len(c.Threads), len(c.Queries))
	}
	covered := map[string]bool{}
	for _, q := range c.Queries {
		covered[q.Covers] = true
	}
	for _, want := range strings.Split("accents|elision|inflection|stopwords|phrase|exclusion|filter|edited|deleted|english|title", "|") {
		if !covered[want] {
			t.Errorf("no query covers %q", want)
		}
	}
}

// TestCorpusHiddenWords checks that the edited and deleted queries test
// something: their words are in the original or deleted text, so an index
// that kept old text would find them.
func TestCorpusHiddenWords(t *testing.T) {
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	threads := map[string]CorpusThread{}
	for _, th := range c.Threads {
		threads[th.Key] = th
	}
	for _, q := range c.Queries {
		if len(q.Expect) > 0 || (q.Covers != "edited" && q.Covers != "deleted") {
			continue
		}
		terms := ParseQuery(q.Q).Terms
		for _, k := range q.Not {
			all := Analyze(strings.Join(threads[k].Posts, "\n"))
			visible := Analyze(strings.Join(threads[k].VisiblePosts(), "\n"))
			for _, term := range terms {
				if !slices.Contains(all, term) || slices.Contains(visible, term) {
					t.Errorf("%q: %q should be in %s's old or deleted text only", q.Q, term, k)
				}
			}
		}
	}
}

func TestVisiblePosts(t *testing.T) {
	th := CorpusThread{
		Posts:   []string{"a", "b", "c"},
		Edits:   []CorpusEdit{{Post: 0, Body: "a2"}, {Post: 2, Body: "c2"}},
		Deleted: []int{1},
	}
	if got, want := th.VisiblePosts(), []string{"a2", "c2"}; !slices.Equal(got, want) {
		t.Errorf("VisiblePosts() = %q, want %q", got, want)
	}
	if th.Posts[0] != "a" {
		t.Error("VisiblePosts changed Posts")
	}
}

func TestEvaluate(t *testing.T) {
	queries := []RelevanceQuery{
		{Q: "first", Expect: []string{"a"}},
		{Q: "third", Expect: []string{"a", "b"}},
		{Q: "deep", Expect: []string{"f"}},
		{Q: "gone", Not: []string{"x"}},
		{Q: "missing", Expect: []string{"a"}},
	}
	results := map[string][]string{
		"first": {"a", "b"},
		"third": {"c", "d", "a"},
		"deep":  {"a", "b", "c", "d", "e", "f"},
		"gone":  {"y", "x"},
	}
	recall, mrr, failures := Evaluate(results, queries)
	// recall: first 1, third 1/2, deep 0, missing 0 → 1.5/4
	if want := 1.5 / 4; math.Abs(recall-want) > 1e-9 {
		t.Errorf("recall5 = %v, want %v", recall, want)
	}
	// mrr: 1 + 1/3 + 1/6 + 0 → 1.5/4
	if want := 1.5 / 4; math.Abs(mrr-want) > 1e-9 {
		t.Errorf("mrr = %v, want %v", mrr, want)
	}
	wantFailures := []string{
		`"third": b not found`,
		`"deep": f at rank 6`,
		`"gone": x must not be found, is at rank 2`,
		`"missing": no results recorded`,
		`"missing": a not found`,
	}
	if len(failures) != len(wantFailures) {
		t.Fatalf("failures = %q, want %d", failures, len(wantFailures))
	}
	for i, f := range failures {
		if !strings.HasPrefix(f, wantFailures[i]) {
			t.Errorf("failure %d = %q, want prefix %q", i, f, wantFailures[i])
		}
	}
	if r, m, f := Evaluate(nil, nil); r != 0 || m != 0 || f != nil {
		t.Errorf("Evaluate(nil, nil) = %v, %v, %q", r, m, f)
	}
}

// TestRelevanceReference runs the relevance queries on a small in-memory
// search built on Analyze and ParseQuery, the way the databases will use
// them: thread documents, all terms required, phrases within one post or
// the title, the title weighted above the body. It proves the set is
// reachable with this analyzer, so a database failing it has a bug of its
// own.
func TestRelevanceReference(t *testing.T) {
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	idx := newRefIndex(c.Threads)
	results := map[string][]string{}
	// The queries with slips need the forum's vocabulary to be corrected:
	// the reference search, which requires every word as typed, leaves them.
	queries := slices.DeleteFunc(slices.Clone(c.Queries), func(q RelevanceQuery) bool { return q.Covers == "typo" })
	for _, q := range queries {
		results[q.Q] = idx.search(ParseQuery(q.Q), q.Filters)
		t.Logf("%-40q %v", q.Q, results[q.Q])
	}
	recall, mrr, failures := Evaluate(results, queries)
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("reference search: recall@%d %.3f, MRR %.3f", RecallDepth, recall, mrr)
}

// refIndex is the reference search of TestRelevanceReference.
type refIndex struct {
	docs []refDoc
	df   map[string]int
}

type refDoc struct {
	thread CorpusThread
	fields [][]string // the title's tokens, then each visible post's
}

func newRefIndex(threads []CorpusThread) refIndex {
	idx := refIndex{df: map[string]int{}}
	for _, th := range threads {
		d := refDoc{thread: th, fields: [][]string{Analyze(th.Title)}}
		for _, p := range th.VisiblePosts() {
			d.fields = append(d.fields, Analyze(p))
		}
		seen := map[string]bool{}
		for _, f := range d.fields {
			for _, tok := range f {
				if !seen[tok] {
					seen[tok] = true
					idx.df[tok]++
				}
			}
		}
		idx.docs = append(idx.docs, d)
	}
	return idx
}

func (idx refIndex) search(q Query, f CorpusFilters) []string {
	type hit struct {
		key   string
		score float64
	}
	var hits []hit
	for _, d := range idx.docs {
		if !q.Empty() && refFilter(d.thread, f) && d.matches(q) {
			hits = append(hits, hit{d.thread.Key, idx.score(d, q)})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.key, b.key)
	})
	keys := make([]string, len(hits))
	for i, h := range hits {
		keys[i] = h.key
	}
	return keys
}

func refFilter(th CorpusThread, f CorpusFilters) bool {
	from, to, _ := f.Dates()
	created := th.Created.UTC()
	return (f.Section == "" || th.Section == f.Section) &&
		(f.Author == "" || th.Author == f.Author) &&
		(from.IsZero() || !created.Before(from)) &&
		(to.IsZero() || created.Before(to))
}

func (d refDoc) matches(q Query) bool {
	for _, t := range q.Terms {
		if !d.hasPhrase([]string{t}) {
			return false
		}
	}
	for _, p := range q.Phrases {
		if !d.hasPhrase(p) {
			return false
		}
	}
	for _, t := range q.Excluded {
		if d.hasPhrase([]string{t}) {
			return false
		}
	}
	for _, p := range q.ExcludedPhrases {
		if d.hasPhrase(p) {
			return false
		}
	}
	return true
}

func (d refDoc) hasPhrase(p []string) bool {
	for _, f := range d.fields {
		for i := 0; i+len(p) <= len(f); i++ {
			if slices.Equal(f[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// score is a plain tf-idf with the title counted three times.
func (idx refIndex) score(d refDoc, q Query) float64 {
	n := float64(len(idx.docs))
	var s float64
	for _, term := range q.HighlightTerms() {
		tf := 0.0
		for i, f := range d.fields {
			weight := 1.0
			if i == 0 {
				weight = 3
			}
			for _, tok := range f {
				if tok == term {
					tf += weight
				}
			}
		}
		s += math.Log1p(tf) * math.Log(1+n/float64(idx.df[term]))
	}
	return s
}
