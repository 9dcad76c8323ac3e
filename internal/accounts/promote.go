package accounts

import (
	"context"
	"fmt"
	"time"
)

// Promotion is what a newcomer needs to become a member automatically.
type Promotion struct {
	Since      time.Time // the account was created at or before this
	MinReplies int       // replies of theirs still visible
	MinThanks  int       // thank-yous received
}

// PromoteIf makes the newcomer userID a member when p holds and they are
// not suspended at now, in one statement inside the transaction ctx
// carries; it reports whether it did. Unlike an admin's SetRole it leaves
// the session version alone: a promotion only adds rights, so the person
// stays logged in, and the next request reads the new role. The replies
// counted are those still visible: the reply counter (a cheap first test)
// keeps the replies moderators hid, so they are counted again without
// them, on the posts' author index, only for a newcomer who got this far.
func (s *Service) PromoteIf(ctx context.Context, userID int64, p Promotion, now time.Time) (bool, error) {
	res := s.db.Conn(ctx).Exec(`UPDATE users SET role = ?, updated_at = ?
		WHERE id = ? AND role = ? AND created_at <= ? AND reply_count >= ? AND thanks_received >= ?
		AND (suspended_until IS NULL OR suspended_until <= ?)
		AND (SELECT COUNT(*) FROM posts p WHERE p.author_id = users.id AND p.position > 1
			AND p.deleted_at IS NULL AND p.hidden_at IS NULL) >= ?`,
		Member, now, userID, Newcomer, p.Since, p.MinReplies, p.MinThanks, now, p.MinReplies)
	if res.Error != nil {
		return false, fmt.Errorf("accounts: promote %d: %w", userID, res.Error)
	}
	return res.RowsAffected == 1, nil
}
