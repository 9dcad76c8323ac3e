package search

// SetRebuildBatch makes Rebuild's batches n posts long until restore is
// called, so a test can interleave writes with many batches.
func SetRebuildBatch(n int) (restore func()) {
	old := rebuildBatch
	rebuildBatch = n
	return func() { rebuildBatch = old }
}

// CandidatePosts is the cap on the posts one search ranks.
const CandidatePosts = candidatePosts
