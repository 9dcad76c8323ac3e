package forum

import (
	"context"

	"entraide/internal/db"
)

// MakeSlug is the address slug the forum stores for a thread title, for bulk
// loaders that write threads beside the service.
func MakeSlug(title string) string { return makeSlug(title) }

// Recount computes, inside a bulk loader's transaction, every counter the
// forum keeps: threads' post_seq, reply_count and last activity, sections'
// counts and last activity, posts' edit and thank-you counts, members'
// thank-yous and solutions. A loader writes its rows with zero counters and
// leaves these rules to the forum; the statements are those of `entraide
// check --repair`, so a counter the forum can compute right after a load is
// one it can repair later.
func Recount(ctx context.Context, ex db.Execer) error {
	return db.Recount(ctx, ex, Invariants())
}
