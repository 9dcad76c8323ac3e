package search

// Ranking lives here, in one place for both databases, so that a signal
// (solved threads, thanked answers, duplicates giving way to their
// canonical thread) is added once.
//
// Text relevance comes from each database's own scoring of the same tokens
// — BM25 on SQLite, ts_rank on PostgreSQL — with the title weighted four
// times the body on both. A thread scores as its best-matching post. Ties
// go to the most recent activity, then the newest thread.

// titleWeight is how much more a title match counts than a body match.
const titleWeight = 4.0

// resultOrder orders the best-post rows b joined to threads t.
const resultOrder = "b.score DESC, t.last_post_at DESC, t.id DESC"

// postgresWeights are ts_rank's weights for D, C, B (body) and A (title).
const postgresWeights = "{0, 0, 0.25, 1}"
