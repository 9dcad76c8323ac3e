package search

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"entraide/internal/db"

	"gorm.io/gorm"
)

// similarBodyTokens is how many distinct words of an opening post the
// similar-threads index keeps besides the title: what a question is about
// is said early.
const similarBodyTokens = 20

// similarDoc is a thread as the similar-threads index holds it.
type similarDoc struct {
	ThreadID    int64
	Title, Body []string
}

// newSimilarDoc keeps the title's distinct tokens and the first distinct
// ones of the opening post not already in it.
func newSimilarDoc(threadID int64, title, body []string) similarDoc {
	d := similarDoc{ThreadID: threadID, Title: unique(title)}
	for _, t := range body {
		if len(d.Body) >= similarBodyTokens {
			break
		}
		if !slices.Contains(d.Title, t) && !slices.Contains(d.Body, t) {
			d.Body = append(d.Body, t)
		}
	}
	return d
}

func (d similarDoc) tokens() []string { return append(slices.Clone(d.Title), d.Body...) }

// saveSimilar writes a thread's document and moves the token counts from
// its previous version to this one.
func (ix *Index) saveSimilar(tx *gorm.DB, d similarDoc) error {
	var old []string
	if err := tx.Raw("SELECT tokens FROM similar_docs WHERE thread_id = ?", d.ThreadID).Scan(&old).Error; err != nil {
		return err
	}
	var before []string
	if len(old) > 0 {
		before = strings.Fields(old[0])
	} else {
		before = nil
	}
	now := d.tokens()
	var gone, added []string
	for _, t := range before {
		if !slices.Contains(now, t) {
			gone = append(gone, t)
		}
	}
	for _, t := range now {
		if !slices.Contains(before, t) {
			added = append(added, t)
		}
	}
	if len(old) == 0 {
		added = append(added, "") // one more document
	}
	if err := countTerms(tx, gone, -1); err != nil {
		return err
	}
	if err := countTerms(tx, added, 1); err != nil {
		return err
	}
	return ix.store.similarUpsert(tx, d)
}

// removeSimilar drops a thread's document and its counts.
func (ix *Index) removeSimilar(tx *gorm.DB, threadID int64) error {
	var old []string
	if err := tx.Raw("SELECT tokens FROM similar_docs WHERE thread_id = ?", threadID).Scan(&old).Error; err != nil || len(old) == 0 {
		return err
	}
	if err := countTerms(tx, append(strings.Fields(old[0]), ""), -1); err != nil {
		return err
	}
	return ix.store.similarRemove(tx, threadID)
}

// countTerms adds delta to the count of each token.
func countTerms(tx *gorm.DB, tokens []string, delta int) error {
	if len(tokens) == 0 {
		return nil
	}
	if delta < 0 {
		return tx.Exec("UPDATE similar_terms SET threads = threads - 1 WHERE token IN ?", tokens).Error
	}
	rows := make([]string, len(tokens))
	args := make([]any, 0, len(tokens))
	for i, t := range tokens {
		rows[i] = "(?, 1)"
		args = append(args, t)
	}
	return tx.Exec("INSERT INTO similar_terms (token, threads) VALUES "+strings.Join(rows, ", ")+
		" ON CONFLICT (token) DO UPDATE SET threads = similar_terms.threads + 1", args...).Error
}

// RebuildSimilar rebuilds the similar-threads index from the opening posts
// of the live threads (Rebuild calls it; `entraide reindex -similar` alone).
func (ix *Index) RebuildSimilar(ctx context.Context, out io.Writer) error {
	err := ix.db.WithTx(ctx, func(tx *gorm.DB) error {
		if ix.db.Dialect == db.SQLite {
			if err := tx.Exec("INSERT INTO similar_fts(similar_fts) VALUES ('delete-all')").Error; err != nil {
				return err
			}
		}
		if err := tx.Exec("DELETE FROM similar_terms").Error; err != nil {
			return err
		}
		return tx.Exec("DELETE FROM similar_docs").Error
	})
	if err != nil {
		return fmt.Errorf("search: similar: clear: %w", err)
	}
	counts := map[string]int{}
	var last int64
	total := 0
	for {
		var rows []struct {
			ThreadID int64
			Title    string
			Body     string
		}
		err := ix.db.WithContext(ctx).Raw(`SELECT t.id AS thread_id, t.title, p.body FROM threads t JOIN posts p ON p.thread_id = t.id AND p.position = 1
			WHERE t.id > ? AND t.deleted_at IS NULL AND t.duplicate_of IS NULL AND p.deleted_at IS NULL ORDER BY t.id LIMIT 2000`, last).Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("search: similar: read: %w", err)
		}
		if len(rows) == 0 {
			break
		}
		last = rows[len(rows)-1].ThreadID
		docs := make([]similarDoc, len(rows))
		for i, r := range rows {
			docs[i] = newSimilarDoc(r.ThreadID, Analyze(r.Title), bodyTokens(r.Body))
			for _, t := range docs[i].tokens() {
				counts[t]++
			}
		}
		if err := ix.db.WithTx(ctx, func(tx *gorm.DB) error { return ix.store.similarInsertMany(tx, docs) }); err != nil {
			return fmt.Errorf("search: similar: write: %w", err)
		}
		total += len(docs)
	}
	counts[""] = total
	terms := make([]string, 0, len(counts))
	for t := range counts {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	err = ix.db.WithTx(ctx, func(tx *gorm.DB) error {
		for start := 0; start < len(terms); start += insertChunk {
			chunk := terms[start:min(start+insertChunk, len(terms))]
			rows := make([]string, len(chunk))
			args := make([]any, 0, 2*len(chunk))
			for i, t := range chunk {
				rows[i] = "(?, ?)"
				args = append(args, t, counts[t])
			}
			if err := tx.Exec("INSERT INTO similar_terms (token, threads) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
				return err
			}
		}
		for _, table := range []string{"similar_docs", "similar_terms"} {
			if err := tx.Exec("ANALYZE " + table).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: similar: terms: %w", err)
	}
	if out != nil {
		fmt.Fprintf(out, "similar-threads index rebuilt: %d threads, %d words\n", total, len(terms)-1)
	}
	return nil
}
