package search

import "context"

// PreparePartitions readies the index for post ids up to id, as a rebuild
// after a bulk load of posts does.
func PreparePartitions(ctx context.Context, ix *Index, id int64) error { return ix.prepare(ctx, id) }

// CommonQuery reports whether s searches the words of raw as common words
// (without the text score, see commonWords), with the vocabulary it holds.
func CommonQuery(s *Searcher, raw string) bool {
	p := plan{q: ParseQuery(raw), tuning: s.index.tuning}
	commonWords(&p, s.speller.vocab.Load())
	return p.unscored
}
