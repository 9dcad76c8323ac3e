// Package notify keeps members' in-app notifications: what happened, about
// what, where to look. Other packages send them inside their own write's
// transaction (carried by the context), so a notification exists exactly
// when what it announces does. The record is generic — a kind, a subject, a
// link and a title — so later features (moderation, messages, mail) add
// kinds without changing the table or the page.
package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entraide/internal/db"

	"gorm.io/gorm"
)

// Kind names what a notification announces; its text is the catalog entry
// "notify.kind.<kind>" (plural forms, the count of grouped actors first).
type Kind string

// The kinds of this feature.
const (
	// KindReply: someone replied to your question.
	KindReply Kind = "reply"
	// KindThanks: someone thanked your post.
	KindThanks Kind = "thanks"
	// KindSolution: your reply was chosen as the solution.
	KindSolution Kind = "solution"
	// KindDuplicate: your thread was closed as a duplicate (moderation).
	KindDuplicate Kind = "duplicate"
	// KindHidden: the moderators hid your post.
	KindHidden Kind = "hidden"
	// KindRestored: the moderators showed your hidden post again.
	KindRestored Kind = "restored"
	// KindSuspended: the moderators suspended your account (the reason and
	// the end are on every page while it runs).
	KindSuspended Kind = "suspended"
	// KindSuspensionLifted: your suspension was lifted before its end.
	KindSuspensionLifted Kind = "suspension_lifted"
)

// PerPage is the number of notifications on a page of /notifications.
const PerPage = 20

// Note is a notification to send.
type Note struct {
	RecipientID int64
	Kind        Kind
	// Subject is what the notification is about, as "thread:12" or
	// "post:34": the unread notifications of one kind about one subject
	// group into one.
	Subject string
	Link    string // a local address
	Title   string // the subject's name when it happened (a thread's title)
	ActorID int64  // who did it; 0 for the forum itself
	PostID  int64  // the post concerned, if any (for actions beside it)
}

// Notification is a stored notification, with its last actor's name.
type Notification struct {
	ID          int64
	RecipientID int64
	Kind        Kind
	Subject     string
	Link        string
	Title       string
	ActorID     *int64
	PostID      *int64
	ActorCount  int // how many grouped into this one
	CreatedAt   time.Time
	ReadAt      *time.Time
	MailedAt    *time.Time
	ActorName   string `gorm:"->;-:migration"`
}

// Unread reports whether the recipient has not marked it read.
func (n *Notification) Unread() bool { return n.ReadAt == nil }

// Recipients keeps the recipients' unread counters (accounts owns the
// users table); it joins the transaction the context carries.
type Recipients interface {
	AddUnreadNotifications(ctx context.Context, userID int64, delta int) error
}

// Service sends and lists notifications.
type Service struct {
	db         *db.DB
	recipients Recipients
	now        func() time.Time
}

// New returns the service on d; recipients moves their unread counters.
func New(d *db.DB, recipients Recipients) *Service {
	return &Service{db: d, recipients: recipients, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock, for tests and the data generator.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Send records n, inside the transaction ctx carries if any. Nobody is
// notified of their own doing. An unread notification of the same kind and
// subject takes the new one in (one more actor, newer date, the newest
// actor named), so five thank-yous make one line; its link stays the first,
// so the recipient reads from the start. The recipient's unread counter
// moves in the same transaction.
func (s *Service) Send(ctx context.Context, n Note) error {
	if n.RecipientID == 0 || n.RecipientID == n.ActorID {
		return nil
	}
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		for try := 0; try < 3; try++ {
			// The partial unique index allows one unread group: a second
			// sender does nothing here and joins the group below.
			res := tx.Exec(`INSERT INTO notifications (recipient_id, kind, subject, link, title, actor_id, post_id, actor_count, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (recipient_id, kind, subject) WHERE read_at IS NULL DO NOTHING`,
				n.RecipientID, string(n.Kind), n.Subject, n.Link, n.Title, nullID(n.ActorID), nullID(n.PostID), now)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 1 {
				return s.recipients.AddUnreadNotifications(db.TxContext(tx), n.RecipientID, 1)
			}
			res = tx.Exec(`UPDATE notifications SET actor_count = actor_count + 1, actor_id = ?, title = ?, created_at = ?
				WHERE recipient_id = ? AND kind = ? AND subject = ? AND read_at IS NULL`,
				nullID(n.ActorID), n.Title, now, n.RecipientID, string(n.Kind), n.Subject)
			if res.Error != nil || res.RowsAffected > 0 {
				return res.Error
			}
			// Marked read between the two statements: insert afresh.
		}
		return errors.New("the unread group kept changing")
	})
	if err != nil {
		return fmt.Errorf("notify: send: %w", err)
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Page is one page of a member's notifications, newest first.
type Page struct {
	Items []Notification
	Page  int
	More  bool // an older page exists
}

// List returns page (from 1) of the recipient's notifications, with the
// name of each one's last actor, in one statement.
func (s *Service) List(ctx context.Context, recipientID int64, page int) (*Page, error) {
	page = max(page, 1)
	out := &Page{Page: page}
	err := s.db.Conn(ctx).Raw(`SELECT n.id, n.recipient_id, n.kind, n.subject, n.link, n.title, n.actor_id, n.post_id, n.actor_count,
		n.created_at, n.read_at, n.mailed_at, COALESCE(NULLIF(u.display_name, ''), u.username, '') AS actor_name
		FROM notifications n LEFT JOIN users u ON u.id = n.actor_id
		WHERE n.recipient_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?`,
		recipientID, PerPage+1, (page-1)*PerPage).Scan(&out.Items).Error
	if err != nil {
		return nil, fmt.Errorf("notify: list: %w", err)
	}
	if len(out.Items) > PerPage {
		out.Items, out.More = out.Items[:PerPage], true
	}
	return out, nil
}

// MarkRead marks one of the recipient's notifications read; another
// member's, or one already read, is left as it is.
func (s *Service) MarkRead(ctx context.Context, recipientID, id int64) error {
	return s.markRead(ctx, recipientID, "id = ? AND ", id)
}

// MarkAllRead marks every unread notification of the recipient read.
func (s *Service) MarkAllRead(ctx context.Context, recipientID int64) error {
	return s.markRead(ctx, recipientID, "")
}

func (s *Service) markRead(ctx context.Context, recipientID int64, where string, args ...any) error {
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("UPDATE notifications SET read_at = ? WHERE "+where+"recipient_id = ? AND read_at IS NULL",
			append(append([]any{s.now()}, args...), recipientID)...)
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		return s.recipients.AddUnreadNotifications(db.TxContext(tx), recipientID, -int(res.RowsAffected))
	})
	if err != nil {
		return fmt.Errorf("notify: mark read: %w", err)
	}
	return nil
}

// Invariants are the rules kept on the notifications' counter (see
// db.Invariant): the bell's number is the member's unread notifications.
func Invariants() []db.Invariant {
	return []db.Invariant{{
		Name: "users: unread_notifications is not the number of unread notifications",
		Broken: `SELECT u.id FROM users u LEFT JOIN (SELECT recipient_id, COUNT(*) AS n FROM notifications WHERE read_at IS NULL GROUP BY recipient_id) n
				ON n.recipient_id = u.id
			WHERE u.unread_notifications <> COALESCE(n.n, 0)`,
		Repair: `UPDATE users SET unread_notifications = (SELECT COUNT(*) FROM notifications n WHERE n.recipient_id = users.id AND n.read_at IS NULL)
			WHERE id IN (%s)`,
	}}
}
