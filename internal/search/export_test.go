package search

import "context"

// PreparePartitions readies the index for post ids up to id, as a rebuild
// after a bulk load of posts does.
func PreparePartitions(ctx context.Context, ix *Index, id int64) error { return ix.prepare(ctx, id) }
