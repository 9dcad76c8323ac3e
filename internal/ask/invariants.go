package ask

import "entraide/internal/db"

// Invariants are the rules kept on the ask sessions (see db.Invariant).
// No statement can tell what a broken session should have been: they are
// reported, not repaired.
func Invariants() []db.Invariant {
	return []db.Invariant{{
		// An outcome the flow knows, a posted one pointing at its thread (by
		// its author) or at its question waiting for approval (and at the
		// thread once approved), a found one at the thread that answered.
		Name: "ask_sessions: outcome, thread or found thread inconsistent",
		Broken: `SELECT s.id FROM ask_sessions s
			LEFT JOIN threads t ON t.id = s.thread_id LEFT JOIN threads f ON f.id = s.found_thread_id
			LEFT JOIN pending_posts p ON p.id = s.pending_id
			WHERE s.outcome NOT IN ('open', 'found', 'posted', 'abandoned')
				OR (s.outcome = 'posted' AND ((t.id IS NULL AND p.id IS NULL) OR s.user_id IS NULL OR t.author_id <> s.user_id
					OR p.author_id <> s.user_id OR (p.status = 'approved' AND t.id IS NULL)))
				OR (s.outcome <> 'posted' AND s.pending_id IS NOT NULL)
				OR (s.outcome <> 'posted' AND s.thread_id IS NOT NULL)
				OR (s.outcome = 'found' AND f.id IS NULL) OR (s.outcome <> 'found' AND s.found_thread_id IS NOT NULL)
				OR s.expires_at <= s.created_at`,
	}, {
		Name:   "ask_sessions: a thread posted from two sessions",
		Broken: `SELECT thread_id FROM ask_sessions WHERE outcome = 'posted' GROUP BY thread_id HAVING COUNT(*) > 1`,
	}}
}
