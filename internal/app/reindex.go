package app

import (
	"context"
	"io"
)

// Reindex rebuilds the search index from the posts, for `entraide reindex`
// and after bulk loads that bypass the forum service.
func (a *App) Reindex(ctx context.Context, out io.Writer) error { return a.Index.Rebuild(ctx, out) }
