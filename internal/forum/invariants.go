package forum

import "entraide/internal/db"

// Invariants are the rules the forum keeps on its counters, each with the
// rows breaking it and the statement that recomputes them: `entraide
// check` runs them, the generator verifies its output with them, and the
// forum's tests check them after their writes.
func Invariants() []db.Invariant {
	return append(append(countInvariants(), thanksInvariants()...), duplicateInvariants()...)
}

// countInvariants are the rules kept on the threads', sections' and posts'
// counters. Repairs join one aggregate rather than count row by row, so a
// bulk load's recount of every row (Recount) stays a few passes.
func countInvariants() []db.Invariant {
	return []db.Invariant{{
		Name: "threads: post_seq or reply_count disagree with their posts",
		Broken: `SELECT t.id FROM threads t LEFT JOIN (
			SELECT thread_id, COUNT(*) AS n, MAX(position) AS m,
				SUM(CASE WHEN position > 1 AND deleted_at IS NULL THEN 1 ELSE 0 END) AS r
			FROM posts GROUP BY thread_id) a ON a.thread_id = t.id
			WHERE a.n IS NULL OR a.n <> t.post_seq OR a.m <> t.post_seq OR a.r <> t.reply_count`,
		// Positions are never reused, so post_seq is the highest one; a gap
		// in the positions, or a thread without posts, is no counter to
		// recompute and stays reported.
		Repair: `UPDATE threads SET post_seq = a.m, reply_count = a.r FROM (
			SELECT thread_id, MAX(position) AS m, SUM(CASE WHEN position > 1 AND deleted_at IS NULL THEN 1 ELSE 0 END) AS r
			FROM posts WHERE thread_id IN (%s) GROUP BY thread_id) a
			WHERE threads.id = a.thread_id`,
	}, {
		// The last activity is the latest visible post's: deleting a reply
		// gives it back to the one before.
		Name: "threads: last_post_at or last_author_id is not the latest visible post's",
		Broken: `SELECT t.id FROM threads t
			JOIN (SELECT thread_id, MAX(position) AS pos, MAX(created_at) AS at FROM posts WHERE deleted_at IS NULL GROUP BY thread_id) v
				ON v.thread_id = t.id
			JOIN posts p ON p.thread_id = t.id AND p.position = v.pos
			WHERE t.deleted_at IS NULL AND (p.author_id <> t.last_author_id OR t.last_post_at <> v.at)`,
		Repair: `UPDATE threads SET last_author_id = v.author_id, last_post_at = v.at FROM (
			SELECT p.thread_id, p.author_id, v.at FROM posts p
			JOIN (SELECT thread_id, MAX(position) AS pos, MAX(created_at) AS at FROM posts
				WHERE deleted_at IS NULL AND thread_id IN (%s) GROUP BY thread_id) v ON v.thread_id = p.thread_id AND v.pos = p.position) v
			WHERE threads.id = v.thread_id`,
	}, {
		Name: "sections: thread_count, post_count or last_post_at disagree with their threads",
		Broken: `SELECT s.id FROM sections s
			LEFT JOIN (SELECT section_id, COUNT(*) AS n, MAX(last_post_at) AS last FROM threads WHERE deleted_at IS NULL GROUP BY section_id) t
				ON t.section_id = s.id
			LEFT JOIN (SELECT t.section_id, COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id
				WHERE p.deleted_at IS NULL GROUP BY t.section_id) p ON p.section_id = s.id
			WHERE s.thread_count <> COALESCE(t.n, 0) OR s.post_count <> COALESCE(p.n, 0)
				OR (t.last IS NOT NULL AND (s.last_post_at IS NULL OR s.last_post_at <> t.last))`,
		Repair: `UPDATE sections SET thread_count = c.threads, post_count = c.posts, last_post_at = COALESCE(c.last, sections.last_post_at) FROM (
			SELECT s.id, COALESCE(t.n, 0) AS threads, COALESCE(p.n, 0) AS posts, t.last FROM sections s
			LEFT JOIN (SELECT section_id, COUNT(*) AS n, MAX(last_post_at) AS last FROM threads WHERE deleted_at IS NULL GROUP BY section_id) t
				ON t.section_id = s.id
			LEFT JOIN (SELECT t.section_id, COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id
				WHERE p.deleted_at IS NULL GROUP BY t.section_id) p ON p.section_id = s.id
			WHERE s.id IN (%s)) c
			WHERE sections.id = c.id`,
	}, {
		Name: "posts: edit_count is not the number of revisions",
		Broken: `SELECT p.id FROM posts p LEFT JOIN (SELECT post_id, COUNT(*) AS n FROM post_revisions GROUP BY post_id) r ON r.post_id = p.id
			WHERE p.edit_count <> COALESCE(r.n, 0)`,
		Repair: `UPDATE posts SET edit_count = c.n FROM (
			SELECT p.id, COUNT(r.post_id) AS n FROM posts p LEFT JOIN post_revisions r ON r.post_id = p.id WHERE p.id IN (%s) GROUP BY p.id) c
			WHERE posts.id = c.id`,
	}}
}

// duplicateInvariants are the rules kept on duplicates (moderation.go): a
// duplicate is closed, and its canonical thread is no duplicate itself,
// so readers reach the answer in one step.
func duplicateInvariants() []db.Invariant {
	return []db.Invariant{{
		Name:   "threads: a duplicate is not closed",
		Broken: `SELECT id FROM threads WHERE duplicate_of IS NOT NULL AND NOT closed`,
		Repair: `UPDATE threads SET closed = TRUE WHERE id IN (%s)`,
	}, {
		Name:   "threads: a duplicate's canonical thread is itself a duplicate",
		Broken: `SELECT t.id FROM threads t JOIN threads c ON c.id = t.duplicate_of WHERE c.duplicate_of IS NOT NULL`,
		Repair: `UPDATE threads SET duplicate_of = (SELECT c.duplicate_of FROM threads c WHERE c.id = threads.duplicate_of) WHERE id IN (%s)`,
	}}
}
