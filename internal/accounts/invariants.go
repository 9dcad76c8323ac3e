package accounts

import "entraide/internal/db"

// Invariants are the rules kept on the members' counters (see
// forum.Invariants): the forum moves them through AddPostCounts.
func Invariants() []db.Invariant {
	return []db.Invariant{{
		Name: "users: thread_count or reply_count disagree with their posts",
		Broken: `SELECT u.id FROM users u
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM threads WHERE deleted_at IS NULL GROUP BY author_id) t ON t.author_id = u.id
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM posts WHERE position > 1 AND deleted_at IS NULL GROUP BY author_id) p ON p.author_id = u.id
			WHERE u.thread_count <> COALESCE(t.n, 0) OR u.reply_count <> COALESCE(p.n, 0)`,
		Repair: `UPDATE users SET thread_count = c.t, reply_count = c.r FROM (
			SELECT u.id, COALESCE(t.n, 0) AS t, COALESCE(p.n, 0) AS r FROM users u
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM threads WHERE deleted_at IS NULL GROUP BY author_id) t ON t.author_id = u.id
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM posts WHERE position > 1 AND deleted_at IS NULL GROUP BY author_id) p ON p.author_id = u.id
			WHERE u.id IN (%s)) c
			WHERE users.id = c.id`,
	}}
}
