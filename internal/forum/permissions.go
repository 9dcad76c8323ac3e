package forum

import "entraide/internal/accounts"

// CanRead reports whether u may read the section's threads.
func CanRead(u *accounts.User, s *Section) bool {
	return u.Can(s.ReadRole)
}

// CanOpenThreadIn reports whether u may open a thread in s. Newcomers open
// threads only in the newcomers' section (the ask flow will file them there).
func CanOpenThreadIn(u *accounts.User, s *Section) bool {
	if u == nil || suspended(u) || s.Archived || !CanRead(u, s) {
		return false
	}
	return s.IsNewcomers || u.Can(accounts.Member)
}

// CanReply reports whether u may reply in thread t of section s: not
// while suspended, never in a closed thread (a duplicate sends its
// answers to the canonical one), in a locked one only as a moderator.
func CanReply(u *accounts.User, s *Section, t *Thread) bool {
	if u == nil || suspended(u) || s.Archived || !CanRead(u, s) || t.Closed || t.DuplicateOf != nil {
		return false
	}
	return !t.Locked || u.Can(accounts.Moderator)
}

// CanEditPost reports whether u may edit p: only its author, while the
// thread is open to replies.
func CanEditPost(u *accounts.User, s *Section, t *Thread, p *Post) bool {
	return u != nil && p.DeletedAt == nil && p.AuthorID == u.ID && CanReply(u, s, t)
}

// CanDeletePost reports whether u may delete p: its author.
func CanDeletePost(u *accounts.User, s *Section, t *Thread, p *Post) bool {
	return CanEditPost(u, s, t, p)
}

// CanSeeHistory reports whether u may read a post's earlier versions:
// moderators, and the author of the post.
func CanSeeHistory(u *accounts.User, p *Post) bool {
	return u != nil && (u.Can(accounts.Moderator) || u.ID == p.AuthorID)
}
