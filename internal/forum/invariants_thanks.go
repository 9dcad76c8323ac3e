package forum

import "entraide/internal/db"

// thanksInvariants are the rules kept on the thank-yous' and solutions'
// counters (thanks.go).
func thanksInvariants() []db.Invariant {
	return []db.Invariant{{
		Name: "posts: thank_count is not the number of thank-yous",
		Broken: `SELECT p.id FROM posts p LEFT JOIN (SELECT post_id, COUNT(*) AS n FROM thanks GROUP BY post_id) k ON k.post_id = p.id
			WHERE p.thank_count <> COALESCE(k.n, 0)`,
		Repair: `UPDATE posts SET thank_count = c.n FROM (
			SELECT p.id, COUNT(k.post_id) AS n FROM posts p LEFT JOIN thanks k ON k.post_id = p.id WHERE p.id IN (%s) GROUP BY p.id) c
			WHERE posts.id = c.id`,
	}, {
		Name: "users: thanks_received or thanks_given disagree with the thank-yous",
		Broken: `SELECT u.id FROM users u
			LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM thanks k JOIN posts p ON p.id = k.post_id GROUP BY p.author_id) r ON r.author_id = u.id
			LEFT JOIN (SELECT user_id, COUNT(*) AS n FROM thanks GROUP BY user_id) g ON g.user_id = u.id
			WHERE u.thanks_received <> COALESCE(r.n, 0) OR u.thanks_given <> COALESCE(g.n, 0)`,
		Repair: `UPDATE users SET thanks_received = c.r, thanks_given = c.g FROM (
			SELECT u.id, COALESCE(r.n, 0) AS r, COALESCE(g.n, 0) AS g FROM users u
			LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM thanks k JOIN posts p ON p.id = k.post_id GROUP BY p.author_id) r ON r.author_id = u.id
			LEFT JOIN (SELECT user_id, COUNT(*) AS n FROM thanks GROUP BY user_id) g ON g.user_id = u.id
			WHERE u.id IN (%s)) c
			WHERE users.id = c.id`,
	}, {
		// No statement can tell which thank-you was meant: reported only.
		Name:   "thanks: someone thanked their own post",
		Broken: `SELECT k.post_id FROM thanks k JOIN posts p ON p.id = k.post_id WHERE p.author_id = k.user_id`,
	}, {
		// A solution that is no longer a visible reply of its thread is
		// forgotten; the solution counts are then recomputed (next).
		Name: "threads: the solution is not a visible reply of the thread",
		Broken: `SELECT t.id FROM threads t JOIN posts p ON p.id = t.solution_post_id
			WHERE p.thread_id <> t.id OR p.position = 1 OR p.deleted_at IS NOT NULL`,
		Repair: `UPDATE threads SET solution_post_id = NULL WHERE id IN (%s)`,
	}, {
		Name: "users: solution_count is not the number of their replies chosen",
		Broken: `SELECT u.id FROM users u LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM threads t JOIN posts p ON p.id = t.solution_post_id
				WHERE t.deleted_at IS NULL GROUP BY p.author_id) s ON s.author_id = u.id
			WHERE u.solution_count <> COALESCE(s.n, 0)`,
		Repair: `UPDATE users SET solution_count = c.n FROM (
			SELECT u.id, COALESCE(s.n, 0) AS n FROM users u LEFT JOIN (SELECT p.author_id, COUNT(*) AS n FROM threads t
				JOIN posts p ON p.id = t.solution_post_id WHERE t.deleted_at IS NULL GROUP BY p.author_id) s ON s.author_id = u.id
			WHERE u.id IN (%s)) c
			WHERE users.id = c.id`,
	}}
}
