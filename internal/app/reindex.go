package app

import (
	"context"
	"io"
)

// Reindex rebuilds the search index from the posts. The search index lands
// with internal/search; until then there is nothing to rebuild.
func (a *App) Reindex(ctx context.Context, out io.Writer) error { return nil }
