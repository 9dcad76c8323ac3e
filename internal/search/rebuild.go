package search

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"entraide/internal/db"
	"entraide/internal/forum"

	"gorm.io/gorm"
)

// rebuildBatch is how many posts Rebuild reads, analyzes and writes at once
// (Index.Tune changes it, for tests that interleave writes with batches).
const rebuildBatch = 1000

// rebuildRow is a post as Rebuild reads it, with its thread's title.
type rebuildRow struct {
	forum.Post
	Title string
	// Canonical is the thread's canonical when it is a duplicate: its
	// documents count for the canonical (duplicates.go).
	Canonical *int64
}

// Rebuild empties the index and indexes every visible post of every live
// thread again, reporting progress to out. Used by `entraide reindex` and
// after bulk loads that bypass the forum service. Analysis, the costly
// part, runs on every core; one writer inserts the batches.
//
// The forum may stay open meanwhile: posts written, edited or deleted
// during the rebuild are indexed by the write path as usual, and each batch
// leaves out the posts that changed since it was read. Search only finds
// what is rebuilt so far until the rebuild ends.
func (ix *Index) Rebuild(ctx context.Context, out io.Writer) error {
	if err := ix.Prepare(ctx); err != nil {
		return err
	}
	if err := ix.clear(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	batches := make(chan []rebuildRow, 2)
	docs := make(chan []analyzed, 2)
	go func() {
		defer close(batches)
		if err := ix.readPosts(ctx, batches); err != nil {
			cancel(err)
		}
	}()
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			for rows := range batches {
				select {
				case docs <- analyzeRows(rows):
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { workers.Wait(); close(docs) }()

	start, total := time.Now(), 0
	for batch := range docs {
		if ctx.Err() != nil {
			continue // drain, so the workers can stop
		}
		written := 0
		err := ix.db.WithTx(ctx, func(tx *gorm.DB) error {
			fresh, err := stillCurrent(tx, batch, ix.db.Dialect == db.Postgres)
			written = len(fresh)
			if err != nil {
				return err
			}
			return ix.insertMany(tx, fresh)
		})
		if err != nil {
			cancel(err)
			continue
		}
		total += written
		if out != nil && total%(ix.tuning.RebuildBatch*50) < len(batch) {
			fmt.Fprintf(out, "indexed %d posts (%s)\n", total, time.Since(start).Round(time.Second))
		}
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("search: rebuild: %w", err)
	}
	if err := ix.db.WithTx(ctx, ix.store.analyze); err != nil {
		return fmt.Errorf("search: analyze: %w", err)
	}
	if out != nil {
		fmt.Fprintf(out, "search index rebuilt: %d posts\n", total)
	}
	if err := ix.RebuildSimilar(ctx, out); err != nil {
		return err
	}
	return ix.markAnalyzer(ctx)
}

// readPosts sends the visible posts of live threads in batches, by id.
func (ix *Index) readPosts(ctx context.Context, batches chan<- []rebuildRow) error {
	var last int64
	for {
		var rows []rebuildRow
		err := ix.db.WithContext(ctx).Raw(`SELECT p.*, t.title, t.duplicate_of AS canonical FROM posts p JOIN threads t ON t.id = p.thread_id
			WHERE p.id > ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL ORDER BY p.id LIMIT ?`, last, ix.tuning.RebuildBatch).Scan(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		last = rows[len(rows)-1].ID
		select {
		case batches <- rows:
		case <-ctx.Done():
			return nil
		}
	}
}

// analyzed is a post's document with what it was made from, so the writer
// can tell whether the post changed since.
type analyzed struct {
	document
	updatedAt time.Time
	title     string
}

func analyzeRows(rows []rebuildRow) []analyzed {
	out := make([]analyzed, len(rows))
	for i := range rows {
		r := &rows[i]
		thread, own := docThread(&forum.Thread{ID: r.ThreadID, DuplicateOf: r.Canonical})
		out[i] = analyzed{document: document{PostID: r.ID, ThreadID: thread, AuthorID: r.AuthorID, FirstPost: own && r.Position == 1,
			CreatedAt: r.CreatedAt, Title: Analyze(r.Title), Body: bodyTokens(r.Body)}, updatedAt: r.UpdatedAt, title: r.Title}
	}
	return out
}

// stillCurrent keeps the documents whose post is unchanged since it was
// read — same text, not deleted, same thread title: the write path indexed
// the others itself. On PostgreSQL the posts are share-locked until the
// batch commits, so an edit or a deletion cannot slip in between this check
// and the insert (SQLite's write lock already keeps them apart); a title
// changed meanwhile is written by the edit's own reindexing, which wins
// (see postgresStore.insertMany).
func stillCurrent(tx *gorm.DB, batch []analyzed, lockRows bool) ([]document, error) {
	ids := make([]int64, len(batch))
	for i, a := range batch {
		ids[i] = a.PostID
	}
	var now []struct {
		ID        int64
		UpdatedAt time.Time
		Title     string
	}
	sql := `SELECT p.id, p.updated_at, t.title FROM posts p JOIN threads t ON t.id = p.thread_id
		WHERE p.id IN ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL`
	if lockRows {
		// Posts only: locking threads too would invert the order the write
		// path takes (post, then thread) and deadlock with a deletion.
		sql += " FOR SHARE OF p"
	}
	err := tx.Raw(sql, ids).Scan(&now).Error
	if err != nil {
		return nil, err
	}
	type version struct {
		at    time.Time
		title string
	}
	current := make(map[int64]version, len(now))
	for _, r := range now {
		current[r.ID] = version{r.UpdatedAt, r.Title}
	}
	fresh := make([]document, 0, len(batch))
	for _, a := range batch {
		if v, ok := current[a.PostID]; ok && v.at.Equal(a.updatedAt) && v.title == a.title {
			fresh = append(fresh, a.document)
		}
	}
	return fresh, nil
}

// insertMany writes documents with multi-row inserts, far fewer round trips
// than one upsert per post. A post the write path indexed after the index
// was cleared is replaced, not doubled.
func (ix *Index) insertMany(tx *gorm.DB, docs []document) error {
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.PostID
		if d.FirstPost {
			err := tx.Exec(`INSERT INTO search_titles (thread_id, tokens) VALUES (?, ?)
				ON CONFLICT (thread_id) DO UPDATE SET tokens = excluded.tokens`, d.ThreadID, " "+joinTokens(d.Title)+" ").Error
			if err != nil {
				return err
			}
		}
	}
	var indexed []int64
	if err := tx.Raw("SELECT post_id FROM search_docs WHERE post_id IN ?", ids).Scan(&indexed).Error; err != nil {
		return err
	}
	if err := ix.store.removePosts(tx, indexed); err != nil {
		return err
	}
	return ix.store.insertMany(tx, docs)
}
