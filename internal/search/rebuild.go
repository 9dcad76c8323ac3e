package search

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"entraide/internal/forum"

	"gorm.io/gorm"
)

// rebuildBatch is how many posts Rebuild reads, analyzes and writes at once.
const rebuildBatch = 1000

// rebuildRow is a post as Rebuild reads it, with its thread's title.
type rebuildRow struct {
	forum.Post
	Title string
}

// Rebuild empties the index and indexes every visible post of every live
// thread again, reporting progress to out. Used by `entraide reindex` and
// after bulk loads that bypass the forum service. Analysis, the costly
// part, runs on every core; one writer inserts the batches.
func (ix *Index) Rebuild(ctx context.Context, out io.Writer) error {
	if err := ix.clear(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	batches := make(chan []rebuildRow, 2)
	docs := make(chan []document, 2)
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
		err := ix.db.WithTx(ctx, func(tx *gorm.DB) error { return ix.insertMany(tx, batch) })
		if err != nil {
			cancel(err)
			continue
		}
		total += len(batch)
		if out != nil && total%(rebuildBatch*50) < len(batch) {
			fmt.Fprintf(out, "indexed %d posts (%s)\n", total, time.Since(start).Round(time.Second))
		}
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("search: rebuild: %w", err)
	}
	if out != nil {
		fmt.Fprintf(out, "search index rebuilt: %d posts\n", total)
	}
	return nil
}

// readPosts sends the visible posts of live threads in batches, by id.
func (ix *Index) readPosts(ctx context.Context, batches chan<- []rebuildRow) error {
	var last int64
	for {
		var rows []rebuildRow
		err := ix.db.WithContext(ctx).Raw(`SELECT p.*, t.title FROM posts p JOIN threads t ON t.id = p.thread_id
			WHERE p.id > ? AND p.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY p.id LIMIT ?`, last, rebuildBatch).Scan(&rows).Error
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

func analyzeRows(rows []rebuildRow) []document {
	out := make([]document, len(rows))
	for i := range rows {
		r := &rows[i]
		out[i] = document{PostID: r.ID, ThreadID: r.ThreadID, AuthorID: r.AuthorID, FirstPost: r.Position == 1,
			CreatedAt: r.CreatedAt, Title: Analyze(r.Title), Body: bodyTokens(r.Body)}
	}
	return out
}

// insertMany writes documents known to be absent (the index was cleared):
// multi-row inserts, far fewer round trips than one upsert per post.
func (ix *Index) insertMany(tx *gorm.DB, docs []document) error {
	for _, d := range docs {
		if d.FirstPost {
			if err := tx.Exec("INSERT INTO search_titles (thread_id, tokens) VALUES (?, ?)", d.ThreadID, " "+joinTokens(d.Title)+" ").Error; err != nil {
				return err
			}
		}
	}
	return ix.store.insertMany(tx, docs)
}
