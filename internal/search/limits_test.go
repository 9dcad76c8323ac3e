package search

import (
	"fmt"
	"strings"
	"testing"
)

// TestQueriesKeepAtMostSixteenTerms: a query of many distinct words, or one
// long phrase, is cut to what one search may cost.
func TestQueriesKeepAtMostSixteenTerms(t *testing.T) {
	var words []string
	for i := 0; i < 60; i++ {
		words = append(words, fmt.Sprintf("mot%d", i))
	}
	q := ParseQuery(strings.Join(words, " "))
	if len(q.Terms) != 16 || q.Terms[0] != "mot0" {
		t.Fatalf("%d terms: %v", len(q.Terms), q.Terms)
	}
	q = ParseQuery(`"` + strings.Join(words, " ") + `" -` + strings.Join(words, "-"))
	if len(q.Phrases) != 1 || len(q.Phrases[0]) > 16 || len(q.ExcludedPhrases) > 1 || (len(q.ExcludedPhrases) == 1 && len(q.ExcludedPhrases[0]) > 16) {
		t.Fatalf("phrases: %v, excluded %v", q.Phrases, q.ExcludedPhrases)
	}
	if got := cutBytes(strings.Repeat("é", 400), MaxSimilarTitleBytes); len(got) > MaxSimilarTitleBytes || !strings.HasPrefix(strings.Repeat("é", 400), got) {
		t.Fatalf("cut to %d bytes", len(got))
	}
}
