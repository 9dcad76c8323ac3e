package search

import "strings"

// Ranking lives here, in one place for both databases, so that a signal
// (solved threads, thanked answers, duplicates giving way to their
// canonical thread) is added once.
//
// The order is: threads whose title holds more of the query's terms and
// phrases first (the same rule, in SQL, on both databases); then text
// relevance, from each database's own scoring of the same tokens — BM25 on
// SQLite, ts_rank on PostgreSQL — with the title weighted four times the
// body on both, a thread scoring as its best-matching post; then the most
// recent activity, then the newest thread. The first key being the same on
// both databases is what keeps their first results alike.

// candidatePosts bounds the work of one search: the matching posts ranked
// are the most recent ones, at most this many. A query that matches more
// (a very common pair of words in a large forum) ranks within the latest
// matches and says "at least"; filters (section, author, dates) apply before
// the cap, so narrowing a search reaches older threads. Without the cap a
// common query's cost grows with the whole forum (see docs/performance.md).
// (A variable so that tests can make it small.)
var candidatePosts = 2000

// titleWeight is how much more a title match counts than a body match.
const titleWeight = 4.0

// resultOrder orders the best-post rows b joined to threads t and their
// analyzed titles st; its placeholders are filled by resultOrderArgs.
func resultOrder(q Query, args *[]any) string {
	return titleHits(q, args) + " DESC, b.score DESC, t.last_post_at DESC, t.id DESC"
}

// titleHits counts, in SQL, the query's terms and phrases found in the
// thread's title tokens (stored as " tok tok "), so "% tok %" matches a
// whole token and "% a b %" a phrase.
func titleHits(q Query, args *[]any) string {
	var parts []string
	add := func(tokens ...string) {
		parts = append(parts, "CASE WHEN st.tokens LIKE ? THEN 1 ELSE 0 END")
		*args = append(*args, "% "+strings.Join(tokens, " ")+" %")
	}
	for _, t := range q.Terms {
		add(t)
	}
	for _, ph := range q.Phrases {
		add(ph...)
	}
	if len(parts) == 0 {
		return "0"
	}
	return "(" + strings.Join(parts, " + ") + ")"
}

// postgresWeights are ts_rank's weights for D, C, B (body) and A (title).
const postgresWeights = "{0, 0, 0.25, 1}"
