package search

import (
	"context"
	"fmt"
	"io"
	"log/slog"
)

// analyzerVersion is the version of Analyze: when what it emits changes,
// the indexes built before must be built again (search_analyzer, migration
// 0013). 2: hyphenated runs are also indexed as one word.
const analyzerVersion = 2

// Upgrade rebuilds the search indexes when an older analyzer built them.
// The server runs it in the background at start; the forum stays open
// meanwhile (see Rebuild), and search finds what is rebuilt so far. Of
// several instances starting together, the one that records the new
// version rebuilds; if it fails, the old version is put back so that the
// next start tries again.
func (ix *Index) Upgrade(ctx context.Context, log *slog.Logger) error {
	var old int
	if err := ix.db.WithContext(ctx).Raw("SELECT version FROM search_analyzer").Scan(&old).Error; err != nil {
		return fmt.Errorf("search: analyzer version: %w", err)
	}
	if old >= analyzerVersion {
		return nil
	}
	claim := ix.db.WithContext(ctx).Exec("UPDATE search_analyzer SET version = ? WHERE version = ?", analyzerVersion, old)
	if claim.Error != nil || claim.RowsAffected == 0 {
		return claim.Error // another instance is rebuilding
	}
	log.Info("search index: rebuilding for the new analyzer", "from", old, "to", analyzerVersion)
	if err := ix.Rebuild(ctx, io.Discard); err != nil {
		if back := ix.db.WithContext(context.WithoutCancel(ctx)).Exec("UPDATE search_analyzer SET version = ?", old).Error; back != nil {
			log.Warn("search index: analyzer version not put back", "err", back)
		}
		return err
	}
	log.Info("search index: rebuilt for the new analyzer")
	return nil
}

// markAnalyzer records that the current analyzer built the indexes.
func (ix *Index) markAnalyzer(ctx context.Context) error {
	return ix.db.WithContext(ctx).Exec("UPDATE search_analyzer SET version = ?", analyzerVersion).Error
}
