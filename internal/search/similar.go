package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
)

// Similar is an existing thread close to a draft, with a score from 0 to 1
// (a little more for a solved thread, see ranking.go).
type Similar struct {
	ThreadID int64
	Title    string
	Solved   bool
	Score    float64
}

// similarCandidates is how many threads the database proposes before they
// are scored here; scoring in Go on a fixed candidate set gives the same
// order on both databases.
const similarCandidates = 30

// maxSimilarTokens bounds the draft's words sent to the database: the title's
// all, then the body's first distinct ones.
const maxSimilarTokens = 24

// Similar returns up to limit threads, in sectionIDs, closest to a draft
// title (and optional body): any shared word proposes a thread, from the
// first thread on and on a few words, then threads are scored by how much
// of the draft's title their title shares, with the body's evidence as a
// smaller part. exclude is a thread to leave out (the one being closed as a
// duplicate, say), or 0.
func (s *Searcher) Similar(ctx context.Context, title, body string, sectionIDs []int64, exclude int64, limit int) ([]Similar, error) {
	titleTokens := unique(Analyze(cutBytes(title, MaxSimilarTitleBytes)))
	if len(titleTokens) > maxSimilarTokens {
		titleTokens = titleTokens[:maxSimilarTokens]
	}
	body = cutBytes(body, MaxSimilarBodyBytes)
	tokens := append([]string(nil), titleTokens...)
	for _, t := range unique(bodyTokens(body)) {
		if len(tokens) >= maxSimilarTokens {
			break
		}
		if !slices.Contains(tokens, t) {
			tokens = append(tokens, t)
		}
	}
	if len(tokens) == 0 || len(sectionIDs) == 0 || limit <= 0 {
		return nil, nil
	}
	tx := s.index.db.WithContext(ctx)
	hits, err := s.index.store.similar(ctx, tx, tokens, sectionIDs, exclude, similarCandidates)
	if err != nil || len(hits) == 0 {
		return nil, wrapErr("similar", err)
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ThreadID
	}
	var rows []struct {
		ID     int64
		Title  string
		Solved bool
	}
	if err := tx.Raw("SELECT id, title, solution_post_id IS NOT NULL AS solved FROM threads WHERE id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, wrapErr("similar titles", err)
	}
	titles, solved := map[int64]string{}, map[int64]bool{}
	for _, r := range rows {
		titles[r.ID], solved[r.ID] = r.Title, r.Solved
	}
	out := make([]Similar, 0, len(hits))
	for rank, h := range hits {
		out = append(out, Similar{ThreadID: h.ThreadID, Title: titles[h.ThreadID], Solved: solved[h.ThreadID],
			Score: similarScore(similarity(titleTokens, tokens, unique(Analyze(titles[h.ThreadID])), rank, len(hits)), solved[h.ThreadID])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// similarity blends what the titles share (Dice coefficient, most of the
// score) with the database's rank of the whole first post.
func similarity(draftTitle, draft, candidate []string, rank, n int) float64 {
	base := draftTitle
	if len(base) == 0 {
		base = draft
	}
	shared := 0
	for _, t := range base {
		if slices.Contains(candidate, t) {
			shared++
		}
	}
	dice := 0.0
	if len(base)+len(candidate) > 0 {
		dice = 2 * float64(shared) / float64(len(base)+len(candidate))
	}
	rankPart := 1 - float64(rank)/float64(max(n, 1))
	return 0.8*dice + 0.2*rankPart
}

func unique(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func wrapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("search: %s: %w", op, err)
}
