package forum

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// BestAnswers returns, for each of threadIDs that has one, the reply shown
// as the thread's best answer where threads are listed (the ask flow's
// second step): the reply chosen as the solution, else the most thanked,
// else the first visible reply. One statement, whatever the number of
// threads.
func (s *Service) BestAnswers(ctx context.Context, threadIDs []int64) (map[int64]PostView, error) {
	out := make(map[int64]PostView, len(threadIDs))
	if len(threadIDs) == 0 {
		return out, nil
	}
	// The first visible reply is found by a walk of the (thread_id,
	// position) index that stops at the first; the most thanked reads the
	// thread's replies, which only a thanked thread has to.
	q := "SELECT " + postRow.Prefixed("p") + ", " + authorRow.Prefixed("u") +
		` FROM posts p JOIN users u ON u.id = p.author_id
		WHERE p.id IN (SELECT COALESCE(
			(SELECT r.id FROM posts r WHERE r.id = t.solution_post_id AND r.deleted_at IS NULL),
			(SELECT r.id FROM posts r WHERE r.thread_id = t.id AND r.position > 1 AND r.deleted_at IS NULL AND r.thank_count > 0
				ORDER BY r.thank_count DESC, r.position LIMIT 1),
			(SELECT r.id FROM posts r WHERE r.thread_id = t.id AND r.position > 1 AND r.deleted_at IS NULL
				ORDER BY r.position LIMIT 1)) FROM threads t WHERE t.id IN ?)`
	err := s.query(ctx, q, []any{threadIDs}, func(rows *sql.Rows) error {
		var pv PostView
		if err := rows.Scan(append(pv.Post.fields(), pv.Author.fields()...)...); err != nil {
			return err
		}
		pv.Author.ID = pv.AuthorID
		out[pv.ThreadID] = pv
		return nil
	})
	return out, wrap("best answers", err)
}

// Guides returns the threads pinned in the newcomers' section — the
// guides the ask flow points to — most recent activity first.
func (s *Service) Guides(ctx context.Context, limit int) ([]ThreadSummary, error) {
	all, err := s.allSections(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].IsNewcomers {
			return s.summaries(ctx, "t.section_id = ? AND t.pinned = TRUE", "t.last_post_at DESC, t.id DESC", limit, all[i].ID)
		}
	}
	return nil, nil
}

// Excerpt is the first characters of a post's plain text, cut at a word.
func Excerpt(plain string, n int) string {
	plain = strings.Join(strings.Fields(plain), " ")
	r := []rune(plain)
	if len(r) <= n {
		return plain
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// UnansweredNewcomers returns the threads of the newcomers' section opened
// before cutoff that nobody answered, oldest first.
func (s *Service) UnansweredNewcomers(ctx context.Context, cutoff time.Time, limit int) ([]ThreadSummary, error) {
	all, err := s.allSections(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].IsNewcomers {
			return s.summaries(ctx, "t.section_id = ? AND t.reply_count = 0 AND t.pinned = FALSE AND t.created_at < ?",
				"t.created_at, t.id", limit, all[i].ID, cutoff)
		}
	}
	return nil, nil
}
