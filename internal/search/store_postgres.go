package search

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// postgresStore keeps the tokens in a tsvector column with a GIN index.
type postgresStore struct{}

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

func (postgresStore) upsert(tx *gorm.DB, d document) error {
	return tx.Exec(`INSERT INTO search_docs (post_id, thread_id, author_id, first_post, created_at, document)
		VALUES (?, ?, ?, ?, ?, ?::tsvector)
		ON CONFLICT (post_id) DO UPDATE SET thread_id = excluded.thread_id, author_id = excluded.author_id,
		first_post = excluded.first_post, created_at = excluded.created_at, document = excluded.document`,
		d.PostID, d.ThreadID, d.AuthorID, d.FirstPost, d.CreatedAt, tsvector(d.Title, d.Body)).Error
}

func (postgresStore) insertMany(tx *gorm.DB, docs []document) error {
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

// tsMatch builds the tsquery literal of the required part of q.
func tsMatch(q Query) string { return tsquery.join(q.Terms, q.Phrases, " & ") }

// tsExcluded builds the tsquery literal of q's exclusions, or "".
func tsExcluded(q Query) string { return tsquery.join(q.Excluded, q.ExcludedPhrases, " | ") }

func (postgresStore) match(ctx context.Context, tx *gorm.DB, p plan) (matched, error) {
	args := []any{tsMatch(p.q)}
	// The candidates are the most recent matching posts (see ranking.go);
	// they are ranked in a second step so that ts_rank runs on them only.
	sql := `WITH c AS (SELECT d.thread_id, d.post_id, d.document FROM search_docs d JOIN threads t ON t.id = d.thread_id
		WHERE d.document @@ ?::tsquery AND ` + filters(p, &args) + ` ORDER BY d.post_id DESC LIMIT ?),
	m AS (SELECT c.thread_id, c.post_id, ts_rank('` + postgresWeights + `', c.document, ?::tsquery, 1) AS score FROM c),
	b AS (SELECT DISTINCT ON (thread_id) thread_id, post_id, score FROM m ORDER BY thread_id, score DESC)
	SELECT b.thread_id, b.post_id, b.score, COUNT(*) OVER () AS total, (SELECT COUNT(*) FROM c) AS candidates
	FROM b JOIN threads t ON t.id = b.thread_id JOIN search_titles st ON st.thread_id = b.thread_id`
	args = append(args, candidatePosts, tsMatch(p.q))
	if ex := tsExcluded(p.q); ex != "" {
		sql += ` WHERE b.thread_id NOT IN (SELECT d.thread_id FROM search_docs d WHERE d.document @@ ?::tsquery)`
		args = append(args, ex)
	}
	sql += " ORDER BY " + resultOrder(p.q, &args) + " LIMIT ? OFFSET ?"
	args = append(args, p.limit, p.offset)
	return scanHits(tx.Raw(sql, args...))
}

func (postgresStore) similar(ctx context.Context, tx *gorm.DB, tokens []string, sectionIDs []int64, exclude int64, limit int) ([]hit, error) {
	sql := `SELECT d.thread_id, d.post_id, ts_rank('` + postgresWeights + `', d.document, q.q, 1) AS score
		FROM search_docs d JOIN threads t ON t.id = d.thread_id, (SELECT ?::tsquery AS q) q
		WHERE d.document @@ q.q AND d.first_post AND t.deleted_at IS NULL AND t.section_id IN ? AND t.id <> ?
		ORDER BY score DESC, t.last_post_at DESC LIMIT ?`
	m, err := scanHits(tx.Raw(sql, tsquery.join(tokens, nil, " | "), sectionIDs, exclude, limit))
	return m.hits, err
}
