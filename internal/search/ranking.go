package search

import (
	"strconv"
	"strings"
)

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
// both databases is what keeps their first results alike. A query of
// common words only (see commonWords) is not text-scored: every post
// scores alike, and the order is the title's, then recency, the same on
// both databases.

// candidatePosts bounds the work of one search: the matching posts ranked
// are the most recent ones, at most this many. A query that matches more
// (a very common pair of words in a large forum) ranks within the latest
// matches and says "at least"; filters (section, author, dates) apply before
// the cap, so narrowing a search reaches older threads. Without the cap a
// common query's cost grows with the whole forum (see docs/performance.md).
// (Index.Tune changes it, for tests that reach it with few posts.)
const candidatePosts = 2000

// titleWeight is how much more a title match counts than a body match.
const titleWeight = 4.0

// resultOrder orders the best-post rows b joined to threads t and their
// analyzed titles st; its placeholders are filled by resultOrderArgs.
// Among threads whose titles match alike, a solved thread's text score
// counts solvedBoost times: it passes unsolved ones of similar relevance,
// not ones that match much better.
func resultOrder(q Query, args *[]any) string {
	return titleHits(q, args) + " DESC, b.score * " + solvedFactor + " DESC, t.last_post_at DESC, t.id DESC"
}

// relaxedOrder is, for the threads matching most of the words, the first
// keys of their order: those whose best post lacks the optional terms that
// come first (the unknown words, then the most common, see relax) before
// those lacking later ones, which are rarer and more telling; then, as
// their text is not scored (see the stores), resultOrder's keys without
// the score: those whose title holds more of the words, then the most
// recent. b.present is the column of the bits of the optional terms a
// post holds.
func relaxedOrder(p plan) string {
	if len(p.optional) == 0 {
		return ""
	}
	return "b.present DESC, "
}

// solvedBoost is how much more a solved thread's text relevance counts.
const solvedBoost = 1.5

// solvedFactor is solvedBoost in SQL, on threads t: both databases' scores
// are positive, so multiplying keeps their order otherwise.
var solvedFactor = "(CASE WHEN t.solution_post_id IS NULL THEN 1.0 ELSE " + strconv.FormatFloat(solvedBoost, 'f', 1, 64) + " END)"

// solvedSimilarBonus is added to a similar thread's score (0 to 1) when it
// is solved, so that the similar-threads finder and the ask flow put solved
// threads first among close matches.
const solvedSimilarBonus = 0.15

// similarScore is a similar thread's final score.
func similarScore(score float64, solved bool) float64 {
	if solved {
		return score + solvedSimilarBonus
	}
	return score
}

// statusFilter is the condition, on threads t, of a status filter.
func statusFilter(st Status) string {
	switch st {
	case Solved:
		return " AND t.solution_post_id IS NOT NULL"
	case Unsolved:
		return " AND t.solution_post_id IS NULL"
	}
	return ""
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
