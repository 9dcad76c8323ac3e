package search_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"entraide/internal/testkit"
)

// similarDraft is a draft title written the way newcomers write them — no
// accents, slips, "comment on fait pour…" — with the relevance set's
// thread that must come in the top 3 of the similar threads.
type similarDraft struct {
	Draft  string `json:"draft"`
	Expect string `json:"expect"`
}

// TestSimilarThreadsRelevance runs the similar-threads relevance set
// (testdata/similar/drafts.json, over the relevance set's threads) on the
// database under test and fails below a recall@3 of 0.9.
func TestSimilarThreadsRelevance(t *testing.T) {
	data, err := os.ReadFile("testdata/similar/drafts.json")
	if err != nil {
		t.Fatal(err)
	}
	var drafts []similarDraft
	if err := json.Unmarshal(data, &drafts); err != nil {
		t.Fatal(err)
	}
	if len(drafts) < 30 {
		t.Fatalf("only %d drafts", len(drafts))
	}
	lc := loadCorpus(t, testkit.NewDB(t))
	keys := map[string]bool{}
	for _, th := range lc.corpus.Threads {
		keys[th.Key] = true
	}
	found := 0
	for _, d := range drafts {
		if !keys[d.Expect] {
			t.Fatalf("%q expects unknown thread %q", d.Draft, d.Expect)
		}
		hits, err := lc.app.Search.Similar(context.Background(), d.Draft, "", lc.all, 0, 3)
		if err != nil {
			t.Fatalf("%q: %v", d.Draft, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, lc.byThread[h.ThreadID])
		}
		if slices.Contains(got, d.Expect) {
			found++
		} else {
			t.Logf("%q: want %s in the top 3, got %v", d.Draft, d.Expect, got)
		}
	}
	recall := float64(found) / float64(len(drafts))
	t.Logf("%s: similar threads recall@3 %.3f over %d drafts", lc.app.DB.Dialect, recall, len(drafts))
	if recall < 0.9 {
		t.Errorf("recall@3 %.3f is below 0.9", recall)
	}
}
