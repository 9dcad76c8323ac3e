package forum

import "context"

// ThreadsByID returns the summaries of the live threads with ids, in the
// order of ids (search results keep their ranking).
func (s *Service) ThreadsByID(ctx context.Context, ids []int64) ([]ThreadSummary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	found, err := s.summaries(ctx, "t.id IN ?", "t.id", len(ids), ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]ThreadSummary, len(found))
	for _, t := range found {
		byID[t.ID] = t
	}
	out := make([]ThreadSummary, 0, len(ids))
	for _, id := range ids {
		if t, ok := byID[id]; ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// PostBodies returns the Markdown of the visible posts with ids, by id.
func (s *Service) PostBodies(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID   int64
		Body string
	}
	err := s.db.WithContext(ctx).Raw("SELECT id, body FROM posts WHERE id IN ? AND deleted_at IS NULL", ids).Scan(&rows).Error
	for _, r := range rows {
		out[r.ID] = r.Body
	}
	return out, wrap("post bodies", err)
}

// FirstPostBodies returns the Markdown of the opening post of each thread,
// by thread id.
func (s *Service) FirstPostBodies(ctx context.Context, threadIDs []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(threadIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ThreadID int64
		Body     string
	}
	err := s.db.WithContext(ctx).Raw("SELECT thread_id, body FROM posts WHERE thread_id IN ? AND position = 1 AND deleted_at IS NULL", threadIDs).Scan(&rows).Error
	for _, r := range rows {
		out[r.ThreadID] = r.Body
	}
	return out, wrap("first post bodies", err)
}
