package search

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// sqliteStore keeps the tokens in an FTS5 table whose rowid is the post id.
type sqliteStore struct{}

func (sqliteStore) upsert(tx *gorm.DB, d document) error {
	if err := tx.Exec("DELETE FROM search_fts WHERE rowid = ?", d.PostID).Error; err != nil {
		return err
	}
	if err := tx.Exec("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)", d.PostID, joinTokens(d.Title), joinTokens(d.Body)).Error; err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO search_docs (post_id, thread_id, author_id, first_post, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (post_id) DO UPDATE SET thread_id = excluded.thread_id, author_id = excluded.author_id,
		first_post = excluded.first_post, created_at = excluded.created_at`,
		d.PostID, d.ThreadID, d.AuthorID, d.FirstPost, d.CreatedAt).Error
}

func (sqliteStore) insertMany(tx *gorm.DB, docs []document) error {
	for start := 0; start < len(docs); start += insertChunk {
		chunk := docs[start:min(start+insertChunk, len(docs))]
		fts, meta := make([]string, len(chunk)), make([]string, len(chunk))
		var ftsArgs, metaArgs []any
		for i, d := range chunk {
			fts[i], meta[i] = "(?, ?, ?)", "(?, ?, ?, ?, ?)"
			ftsArgs = append(ftsArgs, d.PostID, joinTokens(d.Title), joinTokens(d.Body))
			metaArgs = append(metaArgs, d.PostID, d.ThreadID, d.AuthorID, d.FirstPost, d.CreatedAt)
		}
		if err := tx.Exec("INSERT INTO search_fts (rowid, title, body) VALUES "+strings.Join(fts, ", "), ftsArgs...).Error; err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO search_docs (post_id, thread_id, author_id, first_post, created_at) VALUES "+strings.Join(meta, ", "), metaArgs...).Error; err != nil {
			return err
		}
	}
	return nil
}

// insertChunk keeps a multi-row insert under SQLite's limit of bound
// parameters (32,766) and PostgreSQL's (65,535).
const insertChunk = 500

// analyze refreshes the statistics of the search tables, and forgets any of
// FTS5's own tables. FTS5 removes a merged segment with a range delete on
// the rowid of search_fts_data; statistics taken while that table was small
// (a bare ANALYZE on a young forum) make the planner scan the whole table
// instead — at a million posts that was 0.8 s at commit every sixteen
// replies. Without statistics the planner always takes the rowid range.
// A connection reads the statistics when it opens: the forum's processes
// started after the rebuild see the change.
func (sqliteStore) analyze(tx *gorm.DB) error {
	for _, stat := range []string{"sqlite_stat1", "sqlite_stat4"} {
		var n int
		if err := tx.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name = ?", stat).Scan(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		if err := tx.Exec("DELETE FROM " + stat + ` WHERE tbl LIKE 'search\_fts\_%' ESCAPE '\'`).Error; err != nil {
			return err
		}
	}
	for _, table := range []string{"search_docs", "search_titles"} {
		if err := tx.Exec("ANALYZE " + table).Error; err != nil {
			return err
		}
	}
	return nil
}

// prepare has nothing to do: FTS5's table needs no ranges made ahead.
func (sqliteStore) prepare(context.Context, int64) error { return nil }

func (sqliteStore) removePosts(tx *gorm.DB, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if err := tx.Exec("DELETE FROM search_fts WHERE rowid IN ?", ids).Error; err != nil {
		return err
	}
	return tx.Exec("DELETE FROM search_docs WHERE post_id IN ?", ids).Error
}

// bm25Weights are the FTS5 column weights: title, then body.
var bm25Weights = strconv.FormatFloat(titleWeight, 'f', 1, 64) + ", 1.0"

// ftsQuote quotes a token for an FTS5 expression. Tokens are [a-z0-9] only,
// so quoting is all it takes to keep them from being read as operators.
func ftsQuote(tok string) string { return `"` + tok + `"` }

// fts5 writes FTS5 expressions: "tok", "a b".
var fts5 = matchSyntax{term: ftsQuote, phrase: func(ph []string) string { return `"` + strings.Join(ph, " ") + `"` }}

// ftsMatch builds the FTS5 expression of what p requires of a post.
func ftsMatch(p plan) string { return fts5.expression(p, " AND ", " OR ") }

// ftsExcluded builds the FTS5 expression of q's exclusions, or "".
func ftsExcluded(q Query) string { return fts5.join(q.Excluded, q.ExcludedPhrases, " OR ") }

func (sqliteStore) match(ctx context.Context, tx *gorm.DB, p plan) (matched, error) {
	args := []any{ftsMatch(p)}
	// The candidates are the most recent matching posts (see ranking.go),
	// read from the FTS table in descending rowid order so that it stops at
	// the cap; bm25() only works in the query that reads the FTS table, and
	// CROSS JOIN keeps that table first in the join. A thread's best post
	// is its best scored (bare columns take the row of MAX).
	score, best := "-bm25(search_fts, "+bm25Weights+")", "MAX(score)"
	if len(p.optional) > 0 {
		// Most of the words (see relax): bm25() would read every list of
		// every word of the expression whole to weigh them, the cost of a
		// search of common words again, so these rank by the words they
		// hold (relaxedOrder), the best post holding the most of them.
		score, best = "0", "MAX(present * 4294967296 + post_id)"
	} else if p.unscored {
		// Common words (see commonWords): every post scores alike, a
		// thread's best post is its newest, and bm25() is not read.
		score, best = "1", "MAX(post_id)"
	}
	sql := `WITH f AS MATERIALIZED (SELECT search_fts.rowid AS post_id, d.thread_id AS thread_id, ` + score + ` AS score
		FROM search_fts CROSS JOIN search_docs d ON d.post_id = search_fts.rowid CROSS JOIN threads t ON t.id = d.thread_id
		WHERE search_fts MATCH ? AND ` + filters(p, &args) + ` ORDER BY search_fts.rowid DESC LIMIT ?),
	g AS (SELECT f.*, ` + ftsPresent(p, &args) + ` AS present FROM f),
	b AS (SELECT thread_id, post_id, score, present, ` + best + ` FROM g GROUP BY thread_id)
	SELECT b.thread_id, b.post_id, b.score, COUNT(*) OVER () AS total, (SELECT COUNT(*) FROM f) AS candidates, b.present
	FROM b JOIN threads t ON t.id = b.thread_id JOIN search_titles st ON st.thread_id = b.thread_id`
	if ex := ftsExcluded(p.q); ex != "" {
		sql += ` WHERE b.thread_id NOT IN (SELECT d.thread_id FROM search_fts JOIN search_docs d ON d.post_id = search_fts.rowid WHERE search_fts MATCH ?)`
		args = append(args, ex)
	}
	sql += " ORDER BY " + relaxedOrder(p) + resultOrder(p.q, &args) + " LIMIT ? OFFSET ?"
	args = append(args, p.limit, p.offset)
	return scanHits(tx.Raw(sql, args...))
}

// ftsPresent is, on the candidates f, the bits of p's optional terms each
// post holds (0 when none are). When the candidates are close together (a
// common expression: its newest matches), each term's list is read from
// the oldest candidate on, once; when they are few and far apart (a rare
// one, whose oldest candidate is far back), each candidate is looked up in
// the term's list instead, about 85 µs each: reading three common words'
// lists from far back cost 100 ms at a million posts.
func ftsPresent(p plan, args *[]any) string {
	*args = append(*args, p.tuning.CandidatePosts) // f's LIMIT comes first
	if len(p.optional) == 0 {
		return "0"
	}
	parts := make([]string, len(p.optional))
	for i, t := range p.optional {
		parts[i] = `CASE WHEN (CASE WHEN (SELECT COUNT(*) * ` + strconv.Itoa(sparseSpan) + ` < MAX(post_id) - MIN(post_id) FROM f)
			THEN EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ? AND rowid = f.post_id)
			ELSE f.post_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid >= (SELECT MIN(post_id) FROM f)) END)
			THEN ` + strconv.Itoa(1<<i) + " ELSE 0 END"
		*args = append(*args, ftsQuote(t), ftsQuote(t))
	}
	return "(" + strings.Join(parts, " + ") + ")"
}

// sparseSpan is how many post ids apart, on average, the candidates must
// be for ftsPresent to look each one up: a lookup costs about as much as
// reading a thousand ids' worth of a common word's list.
const sparseSpan = 1000

// filters writes the conditions every search shares, on threads t.
func filters(p plan, args *[]any) string {
	cond := "t.deleted_at IS NULL AND t.section_id IN ?"
	*args = append(*args, p.sectionIDs)
	if p.authorID != 0 {
		cond += " AND t.author_id = ?"
		*args = append(*args, p.authorID)
	}
	if !p.from.IsZero() {
		cond += " AND t.created_at >= ?"
		*args = append(*args, p.from)
	}
	if !p.to.IsZero() {
		cond += " AND t.created_at < ?"
		*args = append(*args, p.to)
	}
	return cond + statusFilter(p.status)
}

// scanHits reads rows of thread, post and score, followed for searches by
// the number of threads matching, the number of candidate posts ranked
// (unknown, -1, when no row came back) and the optional terms the post
// holds (see plan).
func scanHits(q *gorm.DB) (matched, error) {
	m := matched{candidates: -1}
	rows, err := q.Rows()
	if err != nil {
		return m, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		var h hit
		dest := []any{&h.ThreadID, &h.PostID, &h.Score}
		if len(cols) == 6 {
			dest = append(dest, &m.total, &m.candidates, &h.present)
		}
		if err := rows.Scan(dest...); err != nil {
			return m, fmt.Errorf("scan hit: %w", err)
		}
		m.hits = append(m.hits, h)
	}
	return m, rows.Err()
}

// work has nothing to do: FTS5 needs no partitions.
func (sqliteStore) work(ctx context.Context, _ *slog.Logger) { <-ctx.Done() }

func (sqliteStore) similarUpsert(tx *gorm.DB, d similarDoc) error {
	if err := tx.Exec("DELETE FROM similar_fts WHERE rowid = ?", d.ThreadID).Error; err != nil {
		return err
	}
	if err := tx.Exec("INSERT INTO similar_fts (rowid, title, body) VALUES (?, ?, ?)", d.ThreadID, joinTokens(d.Title), joinTokens(d.Body)).Error; err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO similar_docs (thread_id, tokens) VALUES (?, ?) ON CONFLICT (thread_id) DO UPDATE SET tokens = excluded.tokens`,
		d.ThreadID, joinTokens(d.tokens())).Error
}

func (sqliteStore) similarInsertMany(tx *gorm.DB, docs []similarDoc) error {
	for start := 0; start < len(docs); start += insertChunk {
		chunk := docs[start:min(start+insertChunk, len(docs))]
		fts, meta := make([]string, len(chunk)), make([]string, len(chunk))
		var ftsArgs, metaArgs []any
		for i, d := range chunk {
			fts[i], meta[i] = "(?, ?, ?)", "(?, ?)"
			ftsArgs = append(ftsArgs, d.ThreadID, joinTokens(d.Title), joinTokens(d.Body))
			metaArgs = append(metaArgs, d.ThreadID, joinTokens(d.tokens()))
		}
		if err := tx.Exec("INSERT INTO similar_fts (rowid, title, body) VALUES "+strings.Join(fts, ", "), ftsArgs...).Error; err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO similar_docs (thread_id, tokens) VALUES "+strings.Join(meta, ", "), metaArgs...).Error; err != nil {
			return err
		}
	}
	return nil
}

func (sqliteStore) similarRemove(tx *gorm.DB, threadID int64) error {
	if err := tx.Exec("DELETE FROM similar_fts WHERE rowid = ?", threadID).Error; err != nil {
		return err
	}
	return tx.Exec("DELETE FROM similar_docs WHERE thread_id = ?", threadID).Error
}

// similarIndexed ranks the threads matching expr in the similar-threads
// index: the newest similarScanned matches at most, so that no draft costs
// more than that, then the best by BM25; only the best few are looked up
// in threads (deleted, out of reach), four times as many as asked so that
// the filter rarely leaves fewer.
func (sqliteStore) similarIndexed(ctx context.Context, tx *gorm.DB, expr driverExpr, sectionIDs []int64, exclude int64, limit int) ([]hit, error) {
	sql := `WITH f AS MATERIALIZED (SELECT rowid AS thread_id, -bm25(similar_fts, ` + bm25Weights + `) AS score FROM similar_fts
			WHERE similar_fts MATCH ? ORDER BY rowid DESC LIMIT ?),
		b AS MATERIALIZED (SELECT thread_id, score FROM f ORDER BY score DESC, thread_id DESC LIMIT ?)
		SELECT b.thread_id, 0, b.score FROM b CROSS JOIN threads t ON t.id = b.thread_id
		WHERE t.deleted_at IS NULL AND t.duplicate_of IS NULL AND t.section_id IN ? AND t.id <> ?
		ORDER BY b.score DESC, b.thread_id DESC LIMIT ?`
	m, err := scanHits(tx.Raw(sql, expr.write(fts5, " OR ", " AND "), similarScanned, 4*limit, sectionIDs, exclude, limit))
	return m.hits, err
}
