package generate

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"entraide/internal/db"
)

// checks are the invariants the forum service keeps on its counters, each
// a query counting the rows that break it.
var checks = map[string]string{
	"threads: post_seq or reply_count disagree with their posts": `
		SELECT COUNT(*) FROM threads t LEFT JOIN (
			SELECT thread_id, COUNT(*) AS n, MAX(position) AS m,
				SUM(CASE WHEN position > 1 AND deleted_at IS NULL THEN 1 ELSE 0 END) AS r
			FROM posts GROUP BY thread_id) a ON a.thread_id = t.id
		WHERE a.n IS NULL OR a.n <> t.post_seq OR a.m <> t.post_seq OR a.r <> t.reply_count`,
	// The last activity is the latest visible post's: deleting a reply gives
	// it back to the one before.
	"threads: last_post_at or last_author_id is not the latest visible post's": `
		SELECT COUNT(*) FROM threads t
		JOIN (SELECT thread_id, MAX(position) AS pos FROM posts WHERE deleted_at IS NULL GROUP BY thread_id) v ON v.thread_id = t.id
		JOIN posts p ON p.thread_id = t.id AND p.position = v.pos
		WHERE t.deleted_at IS NULL AND (p.author_id <> t.last_author_id OR
			t.last_post_at <> (SELECT MAX(created_at) FROM posts WHERE thread_id = t.id AND deleted_at IS NULL))`,
	"sections: thread_count, post_count or last_post_at disagree with their threads": `
		SELECT COUNT(*) FROM sections s
		LEFT JOIN (SELECT section_id, COUNT(*) AS n, MAX(last_post_at) AS last FROM threads WHERE deleted_at IS NULL GROUP BY section_id) t
			ON t.section_id = s.id
		LEFT JOIN (SELECT t.section_id, COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id
			WHERE p.deleted_at IS NULL GROUP BY t.section_id) p ON p.section_id = s.id
		WHERE s.thread_count <> COALESCE(t.n, 0) OR s.post_count <> COALESCE(p.n, 0)
			OR (t.last IS NOT NULL AND (s.last_post_at IS NULL OR s.last_post_at <> t.last))`,
	"users: thread_count or reply_count disagree with their posts": `
		SELECT COUNT(*) FROM users u
		LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM threads WHERE deleted_at IS NULL GROUP BY author_id) t ON t.author_id = u.id
		LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM posts WHERE position > 1 AND deleted_at IS NULL GROUP BY author_id) p ON p.author_id = u.id
		WHERE u.thread_count <> COALESCE(t.n, 0) OR u.reply_count <> COALESCE(p.n, 0)`,
	// Ask sessions (internal/ask): an outcome the flow knows, a posted one
	// pointing at its thread (one session per thread, by its author), a
	// found one at the thread that answered.
	"ask_sessions: outcome, thread or found thread inconsistent": `
		SELECT COUNT(*) FROM ask_sessions s
		LEFT JOIN threads t ON t.id = s.thread_id LEFT JOIN threads f ON f.id = s.found_thread_id
		WHERE s.outcome NOT IN ('open', 'found', 'posted', 'abandoned')
			OR (s.outcome = 'posted' AND (t.id IS NULL OR s.user_id IS NULL OR t.author_id <> s.user_id))
			OR (s.outcome <> 'posted' AND s.thread_id IS NOT NULL)
			OR (s.outcome = 'found' AND f.id IS NULL) OR (s.outcome <> 'found' AND s.found_thread_id IS NOT NULL)
			OR s.expires_at <= s.created_at`,
	"ask_sessions: a thread posted from two sessions": `
		SELECT COUNT(*) FROM (SELECT thread_id FROM ask_sessions WHERE outcome = 'posted' GROUP BY thread_id HAVING COUNT(*) > 1) d`,
	"posts: edit_count is not the number of revisions": `
		SELECT COUNT(*) FROM posts p LEFT JOIN (SELECT post_id, COUNT(*) AS n FROM post_revisions GROUP BY post_id) r ON r.post_id = p.id
		WHERE p.edit_count <> COALESCE(r.n, 0)`,
}

// Verify checks every counter the forum keeps against the rows it counts,
// whoever wrote them (the generator, the service under load), and returns
// an error naming each broken invariant with the number of rows breaking it.
func Verify(ctx context.Context, d *db.DB) error {
	var broken []string
	for name, q := range checks {
		var n int64
		if err := d.WithContext(ctx).Raw(q).Scan(&n).Error; err != nil {
			return fmt.Errorf("generate: verify %q: %w", name, err)
		}
		if n > 0 {
			broken = append(broken, fmt.Sprintf("%s (%d rows)", name, n))
		}
	}
	if len(broken) > 0 {
		sort.Strings(broken)
		return fmt.Errorf("generate: counters broken: %s", strings.Join(broken, "; "))
	}
	return nil
}
