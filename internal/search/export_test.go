package search

import "context"

// SetRebuildBatch makes Rebuild's batches n posts long until restore is
// called, so a test can interleave writes with many batches.
func SetRebuildBatch(n int) (restore func()) {
	old := rebuildBatch
	rebuildBatch = n
	return func() { rebuildBatch = old }
}

// SetCandidatePosts caps the posts one search ranks at n until restore is
// called, so a test reaches the cap with few posts.
func SetCandidatePosts(n int) (restore func()) {
	old := candidatePosts
	candidatePosts = n
	return func() { candidatePosts = old }
}

// SetSearchRange makes PostgreSQL searches read the n newest post ids
// first, then more ranges of n, until restore is called.
func SetSearchRange(n int64) (restore func()) {
	old := searchRange
	searchRange = n
	return func() { searchRange = old }
}

// PreparePartitions readies the index for post ids up to id, as a rebuild
// after a bulk load of posts does.
func PreparePartitions(ctx context.Context, ix *Index, id int64) error { return ix.prepare(ctx, id) }
