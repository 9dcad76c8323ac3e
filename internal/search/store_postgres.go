package search

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"entraide/internal/db"

	"gorm.io/gorm"
)

// postgresStore keeps the tokens in a tsvector column with a GIN index, in
// search_docs partitioned by ranges of post ids (migration 0005).
type postgresStore struct{ parts *partitions }

// partitionWidth is the range of post ids of one partition, as in
// migrations/postgres/0005_search_partitions.sql.
const partitionWidth = 100_000

// partitions keeps search_docs's ranges of post ids ahead of the posts. They
// are made outside any write, in a transaction of their own: when the forum
// starts, before a rebuild, and by the index's worker (Index.Work) once a
// post is written in the last range there is — a whole range of posts
// before it is needed.
type partitions struct {
	db      *db.DB
	covered atomic.Int64  // post ids below this have a partition (0: not known yet)
	wanted  atomic.Int64  // the newest post id seen in the last range
	wake    chan struct{} // tells the worker a post reached the last range
}

// ensure creates the partitions up to the one after the newest post's (or
// after atLeast's, if larger).
func (p *partitions) ensure(ctx context.Context, atLeast int64) error {
	var covered int64
	err := p.db.WithTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Exec("SET LOCAL lock_timeout = '10s'").Error; err != nil {
			return err
		}
		return tx.Raw("SELECT search_docs_partition(GREATEST(?, (SELECT COALESCE(MAX(id), 0) FROM posts)))", atLeast).Scan(&covered).Error
	})
	if err != nil {
		return fmt.Errorf("search: partitions: %w", err)
	}
	for old := p.covered.Load(); covered > old && !p.covered.CompareAndSwap(old, covered); old = p.covered.Load() {
	}
	return nil
}

// written notes that post id is being written: in the last range known (or
// none known yet), it wakes the worker to make the next range. A failure
// is tried again at the next post.
func (p *partitions) written(id int64) {
	if id < p.covered.Load()-partitionWidth {
		return
	}
	for old := p.wanted.Load(); id > old && !p.wanted.CompareAndSwap(old, id); old = p.wanted.Load() {
	}
	select {
	case p.wake <- struct{}{}:
	default: // already woken
	}
}

// work makes partitions when written asks, until ctx ends; a failure is
// logged, and the next post in the last range asks again.
func (p *partitions) work(ctx context.Context, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		}
		attempt, cancel := context.WithTimeout(ctx, time.Minute)
		err := p.ensure(attempt, p.wanted.Load())
		cancel()
		if err != nil && ctx.Err() == nil {
			log.Warn("search index: next partition not made", "err", err)
		}
	}
}

func (s postgresStore) work(ctx context.Context, log *slog.Logger) { s.parts.work(ctx, log) }

// missing reports whether err is an insert into a range with no partition
// (a check violation): what the process knew was wrong, so it asks again.
func (p *partitions) missing(err error) bool {
	if !db.IsCode(err, db.CheckViolation) {
		return false
	}
	p.covered.Store(0)
	return true
}

// prepare makes the partitions the posts need (see partitions).
func (s postgresStore) prepare(ctx context.Context, atLeast int64) error {
	return s.parts.ensure(ctx, atLeast)
}

// tsvector builds the literal of a document's tsvector from our tokens, with
// positions: the title's (weight A) first, then the body's (weight B) after
// a gap, so a phrase never spans title and body. Building it ourselves keeps
// PostgreSQL's parser from reading a token differently (as a number, say).
func tsvector(title, body []string) string {
	positions := map[string][]string{}
	pos := 0
	add := func(tokens []string, weight string) {
		for _, t := range tokens {
			pos++
			if pos > 16383 { // PostgreSQL's largest position
				return
			}
			positions[t] = append(positions[t], strconv.Itoa(pos)+weight)
		}
	}
	add(title, "A")
	pos++
	add(body, "B")
	lexemes := make([]string, 0, len(positions))
	for t := range positions {
		lexemes = append(lexemes, t)
	}
	sort.Strings(lexemes)
	var b strings.Builder
	for i, t := range lexemes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("'" + t + "':" + strings.Join(positions[t], ","))
	}
	return b.String()
}

func (s postgresStore) upsert(tx *gorm.DB, d document) error {
	s.parts.written(d.PostID)
	err := tx.Exec(`INSERT INTO search_docs (post_id, thread_id, author_id, first_post, created_at, document)
		VALUES (?, ?, ?, ?, ?, ?::tsvector)
		ON CONFLICT (post_id) DO UPDATE SET thread_id = excluded.thread_id, author_id = excluded.author_id,
		first_post = excluded.first_post, created_at = excluded.created_at, document = excluded.document`,
		d.PostID, d.ThreadID, d.AuthorID, d.FirstPost, d.CreatedAt, tsvector(d.Title, d.Body)).Error
	if s.parts.missing(err) {
		s.parts.written(d.PostID)
	}
	return err
}

func (s postgresStore) insertMany(tx *gorm.DB, docs []document) error {
	for start := 0; start < len(docs); start += insertChunk {
		chunk := docs[start:min(start+insertChunk, len(docs))]
		rows := make([]string, len(chunk))
		var args []any
		for i, d := range chunk {
			rows[i] = "(?, ?, ?, ?, ?, ?::tsvector)"
			args = append(args, d.PostID, d.ThreadID, d.AuthorID, d.FirstPost, d.CreatedAt, tsvector(d.Title, d.Body))
		}
		// A document the write path has just written (a title edited during a
		// rebuild) is newer than ours: keep it.
		err := tx.Exec("INSERT INTO search_docs (post_id, thread_id, author_id, first_post, created_at, document) VALUES "+
			strings.Join(rows, ", ")+" ON CONFLICT (post_id) DO NOTHING", args...).Error
		if err != nil {
			s.parts.missing(err)
			return err
		}
	}
	return nil
}

// analyze gives the planner fresh statistics: without them a common pair of
// words is planned as a rare one, and searched through every match instead
// of the most recent ones.
func (postgresStore) analyze(tx *gorm.DB) error {
	return tx.Exec("ANALYZE search_docs, search_titles").Error
}

func (postgresStore) removePosts(tx *gorm.DB, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.Exec("DELETE FROM search_docs WHERE post_id IN ?", ids).Error
}

func tsQuote(tok string) string { return "'" + tok + "'" }

// tsquery writes tsquery literals: 'tok', ('a' <-> 'b').
var tsquery = matchSyntax{term: tsQuote, phrase: func(ph []string) string {
	quoted := make([]string, len(ph))
	for i, t := range ph {
		quoted[i] = tsQuote(t)
	}
	return "(" + strings.Join(quoted, " <-> ") + ")"
}}

// tsMatch builds the tsquery literal of what p requires of a post.
func tsMatch(p plan) string { return tsquery.expression(p, " & ", " | ") }

// tsExcluded builds the tsquery literal of q's exclusions, or "".
func tsExcluded(q Query) string { return tsquery.join(q.Excluded, q.ExcludedPhrases, " | ") }

// customPlan runs a search's statement in a transaction planned for its own
// values. A statement run with parameters is planned for them five times,
// then PostgreSQL may switch to a plan for any value: for a tsquery that
// plan cannot tell a rare word from a common one, and took 400 ms where the
// query's own plan takes 20 (docs/performance.md). Without parallel
// workers, a UNION ALL returns its branches' rows in their order, which
// the search's reading of the newest ranges first relies on (see match).
func customPlan(tx *gorm.DB, run func(tx *gorm.DB) error) error {
	return tx.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('max_parallel_workers_per_gather', '0', true)").Error; err != nil {
			return err
		}
		return run(tx)
	})
}

// maxRanges bounds the branches of a search's statement (see match): the
// oldest branch takes in whatever ids are left.
const maxRanges = 64

// match ranks the most recent matching posts, at most candidatePosts (see
// ranking.go). A GIN index returns every match in no order, so a common
// pair of words would read all of its matches (100,000 in a forum of a
// million posts: 200 ms) to keep the newest. search_docs is partitioned by
// ranges of post ids (migration 0005), Tuning.SearchRange ids each: the
// statement is a UNION ALL of one branch per range, the newest first,
// each its range's matches newest first, under a LIMIT of candidatePosts.
// PostgreSQL runs the branches in their order and stops once the LIMIT is
// reached: the ranges older than the candidates are never read, and the
// result is the same as reading everything. (It replaces reading the
// newest range, then as many as its matches said were needed, in a second
// statement: that read the newest range twice, and a search of common
// words most of the partitions.)
func (postgresStore) match(ctx context.Context, tx *gorm.DB, p plan) (matched, error) {
	var m matched
	err := customPlan(tx, func(tx *gorm.DB) error {
		var newest int64
		if err := tx.Raw("SELECT COALESCE(MAX(post_id), 0) FROM search_docs").Scan(&newest).Error; err != nil {
			return err
		}
		var err error
		m, err = matchRanges(tx, p, newest)
		return err
	})
	return m, err
}

// matchRanges ranks the newest matches, reading the ranges of post ids
// from newest's down (see match). ts_rank runs on the candidates only.
func matchRanges(tx *gorm.DB, p plan, newest int64) (matched, error) {
	expr := tsMatch(p)
	present, presentArgs := tsPresent(p)
	// Most of the words (see relax) are not scored, as on SQLite, where
	// scoring costs a search of common words again: they rank by the words
	// they hold (relaxedOrder), the best post holding the most of them.
	score, scoreArgs := "ts_rank('"+postgresWeights+"', c.document, ?::tsquery, 1)", []any{expr}
	// Common words (see commonWords) are not scored either: every post
	// scores alike, a thread's best post is its newest, and no document is
	// read for ts_rank.
	document := ", d.document"
	switch {
	case len(p.optional) > 0:
		score, scoreArgs = "0", nil
	case p.unscored:
		score, scoreArgs, document = "1", nil, ""
	}
	var branches []string
	var args []any
	width := p.tuning.SearchRange
	for k := newest / width; k >= 0; k-- {
		from := k * width
		if len(branches) == maxRanges-1 {
			from = 0
		}
		branch := []any{expr, from, (k + 1) * width}
		cond := filters(p, &branch)
		branches = append(branches, `(SELECT d.thread_id, d.post_id`+document+` FROM search_docs d JOIN threads t ON t.id = d.thread_id
		WHERE d.document @@ ?::tsquery AND d.post_id >= ? AND d.post_id < ? AND `+cond+` ORDER BY d.post_id DESC LIMIT ?)`)
		args = append(append(args, branch...), p.tuning.CandidatePosts)
		if from == 0 {
			break
		}
	}
	sql := `WITH c AS (SELECT * FROM (` + strings.Join(branches, " UNION ALL ") + `) r LIMIT ?),
	m AS (SELECT c.thread_id, c.post_id, ` + score + ` AS score, ` + present + ` AS present FROM c),
	b AS (SELECT DISTINCT ON (thread_id) thread_id, post_id, score, present FROM m ORDER BY thread_id, present DESC, score DESC, post_id DESC)
	SELECT b.thread_id, b.post_id, b.score, COUNT(*) OVER () AS total, (SELECT COUNT(*) FROM c) AS candidates, b.present
	FROM b JOIN threads t ON t.id = b.thread_id JOIN search_titles st ON st.thread_id = b.thread_id`
	args = append(append(append(args, p.tuning.CandidatePosts), scoreArgs...), presentArgs...)
	if ex := tsExcluded(p.q); ex != "" {
		sql += ` WHERE b.thread_id NOT IN (SELECT d.thread_id FROM search_docs d WHERE d.document @@ ?::tsquery)`
		args = append(args, ex)
	}
	sql += " ORDER BY " + relaxedOrder(p) + resultOrder(p.q, &args) + " LIMIT ? OFFSET ?"
	args = append(args, p.limit, p.offset)
	return scanHits(tx.Raw(sql, args...))
}

// tsPresent is, on the candidates c, the bits of p's optional terms each
// post holds (0 when none are).
func tsPresent(p plan) (string, []any) {
	if len(p.optional) == 0 {
		return "0", nil
	}
	parts := make([]string, len(p.optional))
	args := make([]any, len(p.optional))
	for i, t := range p.optional {
		parts[i] = "CASE WHEN c.document @@ ?::tsquery THEN " + strconv.Itoa(1<<i) + " ELSE 0 END"
		args[i] = tsQuote(t)
	}
	return "(" + strings.Join(parts, " + ") + ")", args
}

func (postgresStore) similarUpsert(tx *gorm.DB, d similarDoc) error {
	return tx.Exec(`INSERT INTO similar_docs (thread_id, tokens, document) VALUES (?, ?, ?::tsvector)
		ON CONFLICT (thread_id) DO UPDATE SET tokens = excluded.tokens, document = excluded.document`,
		d.ThreadID, joinTokens(d.tokens()), tsvector(d.Title, d.Body)).Error
}

func (postgresStore) similarInsertMany(tx *gorm.DB, docs []similarDoc) error {
	for start := 0; start < len(docs); start += insertChunk {
		chunk := docs[start:min(start+insertChunk, len(docs))]
		rows := make([]string, len(chunk))
		var args []any
		for i, d := range chunk {
			rows[i] = "(?, ?, ?::tsvector)"
			args = append(args, d.ThreadID, joinTokens(d.tokens()), tsvector(d.Title, d.Body))
		}
		if err := tx.Exec("INSERT INTO similar_docs (thread_id, tokens, document) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
			return err
		}
	}
	return nil
}

func (postgresStore) similarRemove(tx *gorm.DB, threadID int64) error {
	return tx.Exec("DELETE FROM similar_docs WHERE thread_id = ?", threadID).Error
}

// similarIndexed ranks the threads matching expr in the similar-threads
// index: the newest similarScanned matches at most, then the best by
// ts_rank, with a plan made for the words at hand. "thread_id + 0" keeps
// the planner off a backward walk of the primary key, which tests every
// row's document until enough match (700 ms for a word in one thread of
// twenty): the GIN index finds the matches, which the driver's choice of
// words keeps near similarBudget. Only for words in one thread in ten or
// more (a draft of one common word) is that walk the cheaper, and taken.
func (postgresStore) similarIndexed(ctx context.Context, tx *gorm.DB, expr driverExpr, sectionIDs []int64, exclude int64, limit int) ([]hit, error) {
	order := "d.thread_id + 0 DESC"
	if expr.Dense {
		order = "d.thread_id DESC"
	}
	sql := `WITH f AS MATERIALIZED (SELECT d.thread_id, d.document FROM similar_docs d
			WHERE d.document @@ ?::tsquery ORDER BY ` + order + ` LIMIT ?),
		b AS MATERIALIZED (SELECT f.thread_id, ts_rank('` + postgresWeights + `', f.document, ?::tsquery, 1) AS score
			FROM f ORDER BY score DESC, f.thread_id DESC LIMIT ?)
		SELECT b.thread_id, 0, b.score FROM b JOIN threads t ON t.id = b.thread_id
		WHERE t.deleted_at IS NULL AND t.duplicate_of IS NULL AND t.section_id IN ? AND t.id <> ?
		ORDER BY b.score DESC, b.thread_id DESC LIMIT ?`
	var m matched
	err := customPlan(tx, func(tx *gorm.DB) (err error) {
		q := expr.write(tsquery, " | ", " & ")
		m, err = scanHits(tx.Raw(sql, q, similarScanned, q, 4*limit, sectionIDs, exclude, limit))
		return err
	})
	return m.hits, err
}
