package accounts

import "entraide/internal/db"

// Invariants are the rules kept on the members' counters (see
// forum.Invariants): the forum moves them through AddPostCounts and
// AddThankCounts, the notifications through AddUnread.
func Invariants() []db.Invariant {
	return []db.Invariant{{
		Name: "users: thread_count or reply_count disagree with their posts",
		Broken: `SELECT u.id FROM users u
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM threads WHERE deleted_at IS NULL GROUP BY author_id) t ON t.author_id = u.id
			LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM posts WHERE position > 1 AND deleted_at IS NULL GROUP BY author_id) p ON p.author_id = u.id
			WHERE u.thread_count <> COALESCE(t.n, 0) OR u.reply_count <> COALESCE(p.n, 0)`,
		Repair: `UPDATE users SET
			thread_count = (SELECT COUNT(*) FROM threads t WHERE t.author_id = users.id AND t.deleted_at IS NULL),
			reply_count = (SELECT COUNT(*) FROM posts p WHERE p.author_id = users.id AND p.position > 1 AND p.deleted_at IS NULL)
			WHERE id IN (%s)`,
	}, {
		Name: "users: thanks_received, thanks_given or solution_count disagree with the thank-yous and solutions",
		Broken: `SELECT u.id FROM users u
			LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM thanks k JOIN posts p ON p.id = k.post_id GROUP BY p.author_id) r ON r.author_id = u.id
			LEFT JOIN (SELECT user_id, COUNT(*) AS n FROM thanks GROUP BY user_id) g ON g.user_id = u.id
			LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM threads t JOIN posts p ON p.id = t.solution_post_id
				WHERE t.deleted_at IS NULL GROUP BY p.author_id) s ON s.author_id = u.id
			WHERE u.thanks_received <> COALESCE(r.n, 0) OR u.thanks_given <> COALESCE(g.n, 0) OR u.solution_count <> COALESCE(s.n, 0)`,
		Repair: `UPDATE users SET
			thanks_received = (SELECT COUNT(*) FROM thanks k JOIN posts p ON p.id = k.post_id WHERE p.author_id = users.id),
			thanks_given = (SELECT COUNT(*) FROM thanks k WHERE k.user_id = users.id),
			solution_count = (SELECT COUNT(*) FROM threads t JOIN posts p ON p.id = t.solution_post_id WHERE t.deleted_at IS NULL AND p.author_id = users.id)
			WHERE id IN (%s)`,
	}, {
		Name: "users: unread_notifications is not the number of unread notifications",
		Broken: `SELECT u.id FROM users u LEFT JOIN (SELECT recipient_id, COUNT(*) AS n FROM notifications WHERE read_at IS NULL GROUP BY recipient_id) n
			ON n.recipient_id = u.id WHERE u.unread_notifications <> COALESCE(n.n, 0)`,
		Repair: `UPDATE users SET unread_notifications = (SELECT COUNT(*) FROM notifications n WHERE n.recipient_id = users.id AND n.read_at IS NULL)
			WHERE id IN (%s)`,
	}}
}
