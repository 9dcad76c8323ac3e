package search

import (
	"context"
	"log/slog"
	"strings"

	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/markup"

	"gorm.io/gorm"
)

// Index keeps the search tables in step with the posts. It implements
// forum.Indexer, so every write updates the index in the same transaction:
// a post is searchable the moment it is saved, and gone the moment it is
// deleted.
type Index struct {
	db     *db.DB
	store  store
	tuning Tuning
}

// Tuning bounds the work of searches and rebuilds. The defaults suit a
// forum of any size; tests make them small to reach them with few posts.
type Tuning struct {
	// CandidatePosts is how many matching posts one search ranks at most
	// (see ranking.go).
	CandidatePosts int
	// RebuildBatch is how many posts Rebuild reads, analyzes and writes at
	// once.
	RebuildBatch int
	// SearchRange is how many of the newest post ids a search on
	// PostgreSQL reads first (see postgresStore.match).
	SearchRange int64
	// CommonThreads is how many threads of the vocabulary each word of a
	// query must be in, at least, for the query to be of common words
	// only (see commonWords); 0 keeps the default.
	CommonThreads int
}

// Tune changes the index's bounds; a zero field keeps its value. Call it
// before the index is used.
func (ix *Index) Tune(t Tuning) {
	if t.CandidatePosts > 0 {
		ix.tuning.CandidatePosts = t.CandidatePosts
	}
	if t.RebuildBatch > 0 {
		ix.tuning.RebuildBatch = t.RebuildBatch
	}
	if t.SearchRange > 0 {
		ix.tuning.SearchRange = t.SearchRange
	}
	if t.CommonThreads > 0 {
		ix.tuning.CommonThreads = t.CommonThreads
	}
}

// store is the dialect-specific half of the index: one file per database.
type store interface {
	// upsert writes the document of one post.
	upsert(tx *gorm.DB, d document) error
	// insertMany writes the documents of posts not yet indexed, in bulk.
	insertMany(tx *gorm.DB, docs []document) error
	// removePosts deletes the documents of posts.
	removePosts(tx *gorm.DB, postIDs []int64) error
	// match returns the ranked threads matching plan (see search.go).
	match(ctx context.Context, tx *gorm.DB, p plan) (matched, error)
	// similarUpsert, similarInsertMany and similarRemove keep the
	// similar-threads index (similar_index.go).
	similarUpsert(tx *gorm.DB, d similarDoc) error
	similarInsertMany(tx *gorm.DB, docs []similarDoc) error
	similarRemove(tx *gorm.DB, threadID int64) error
	// similarIndexed returns the threads of the similar-threads index
	// matching expr, best first.
	similarIndexed(ctx context.Context, tx *gorm.DB, expr driverExpr, sectionIDs []int64, exclude int64, limit int) ([]hit, error)
	// analyze refreshes the planner's statistics of the search tables after
	// a rebuild.
	analyze(tx *gorm.DB) error
	// prepare readies the tables for posts up to the newest one (or atLeast).
	prepare(ctx context.Context, atLeast int64) error
	// work does the store's background work until ctx ends.
	work(ctx context.Context, log *slog.Logger)
}

// document is what is indexed of a post: the thread's title tokens (so a
// reply in a thread titled "facturation" is found by "facture") and the
// post's own tokens.
type document struct {
	PostID, ThreadID, AuthorID int64
	FirstPost                  bool
	CreatedAt                  any
	Title, Body                []string
}

// NewIndex returns the index on d.
func NewIndex(d *db.DB) *Index {
	var s store = sqliteStore{}
	if d.Dialect == db.Postgres {
		s = postgresStore{parts: &partitions{db: d, wake: make(chan struct{}, 1)}}
	}
	return &Index{db: d, store: s, tuning: Tuning{CandidatePosts: candidatePosts, RebuildBatch: rebuildBatch, SearchRange: partitionWidth, CommonThreads: commonThreads}}
}

var _ forum.Indexer = (*Index)(nil)

// Prepare readies the index's tables for the posts there are: on
// PostgreSQL, the partitions of search_docs they need (migration 0005).
// The forum calls it at start; a rebuild calls it first.
func (ix *Index) Prepare(ctx context.Context) error { return ix.prepare(ctx, 0) }

// Work does the index's background work until ctx ends: on PostgreSQL, it
// makes the next partition of search_docs when posts reach the last one
// (see partitions). The app runs it beside the server; without it, writes
// still work, and the partitions are made at the next start.
func (ix *Index) Work(ctx context.Context, log *slog.Logger) { ix.store.work(ctx, log) }

func (ix *Index) prepare(ctx context.Context, atLeast int64) error {
	return ix.store.prepare(ctx, atLeast)
}

// bodyTokens analyzes a post's Markdown as the reader sees it: the words,
// not the markup (link addresses, emphasis marks).
func bodyTokens(markdown string) []string { return Analyze(markup.PlainText(markdown)) }

// PostSaved indexes a new or edited post.
func (ix *Index) PostSaved(tx *gorm.DB, t *forum.Thread, p *forum.Post) error {
	thread, own := docThread(t) // a duplicate's posts count for its canonical (duplicates.go)
	return ix.save(tx, document{PostID: p.ID, ThreadID: thread, AuthorID: p.AuthorID, FirstPost: own && p.Position == 1,
		CreatedAt: p.CreatedAt, Title: Analyze(t.Title), Body: bodyTokens(p.Body)})
}

// save writes a post's document, and the thread's title tokens with the
// first post.
func (ix *Index) save(tx *gorm.DB, d document) error {
	if d.FirstPost {
		if err := ix.saveSimilar(tx, newSimilarDoc(d.ThreadID, d.Title, d.Body)); err != nil {
			return err
		}
		err := tx.Exec(`INSERT INTO search_titles (thread_id, tokens) VALUES (?, ?)
			ON CONFLICT (thread_id) DO UPDATE SET tokens = excluded.tokens`, d.ThreadID, " "+joinTokens(d.Title)+" ").Error
		if err != nil {
			return err
		}
	}
	return ix.store.upsert(tx, d)
}

// PostRemoved drops a deleted post; deleting the first post deletes the
// thread, so all of the thread's documents go.
func (ix *Index) PostRemoved(tx *gorm.DB, t *forum.Thread, p *forum.Post) error {
	if p.Position != 1 || t.DuplicateOf != nil { // a duplicate's documents are its canonical's
		return ix.store.removePosts(tx, []int64{p.ID})
	}
	var ids []int64
	if err := tx.Raw("SELECT post_id FROM search_docs WHERE thread_id = ?", t.ID).Scan(&ids).Error; err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM search_titles WHERE thread_id = ?", t.ID).Error; err != nil {
		return err
	}
	if err := ix.removeSimilar(tx, t.ID); err != nil {
		return err
	}
	return ix.store.removePosts(tx, ids)
}

// ThreadChanged reindexes every visible post of a thread whose title
// changed, since each document carries the title's tokens.
func (ix *Index) ThreadChanged(tx *gorm.DB, t *forum.Thread) error {
	var posts []forum.Post
	if err := tx.Where("thread_id = ? AND deleted_at IS NULL AND hidden_at IS NULL", t.ID).Find(&posts).Error; err != nil {
		return err
	}
	for i := range posts {
		if err := ix.PostSaved(tx, t, &posts[i]); err != nil {
			return err
		}
	}
	return nil
}

func (ix *Index) clear(ctx context.Context) error {
	return ix.db.WithTx(ctx, func(tx *gorm.DB) error {
		if ix.db.Dialect == db.SQLite {
			// A contentless FTS5 table empties with its special command.
			if err := tx.Exec("INSERT INTO search_fts(search_fts) VALUES ('delete-all')").Error; err != nil {
				return err
			}
		}
		if err := tx.Exec("DELETE FROM search_titles").Error; err != nil {
			return err
		}
		return tx.Exec("DELETE FROM search_docs").Error
	})
}

func joinTokens(tokens []string) string { return strings.Join(tokens, " ") }
