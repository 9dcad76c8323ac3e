// Package approval keeps the posts that wait for a moderator's approval:
// a newcomer's first posts (rule "approval_first_posts") and posts with a
// watched word set to "queue". A held post lives in its own table, not in
// posts: the threads, the counters, the search index and the "reply"
// notification are written only when a moderator approves it, through the
// forum's publish path, so the lists and their partial indexes never need
// to leave a waiting post out. Its author sees it (at /pending/{id} and
// under the thread replied to); a rejected post stays visible to its
// author with the reason, so the text is never lost.
package approval

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/modlog"
	"entraide/internal/notify"
)

// The moderation log's actions.
const (
	Queued   modlog.Action = "post_queued"
	Approved modlog.Action = "post_approved"
	Rejected modlog.Action = "post_rejected"
)

// The notifications sent to the author.
const (
	KindApproved notify.Kind = "post_approved"
	KindRejected notify.Kind = "post_rejected"
)

// The statuses of a held post.
const (
	Pending    = "pending"
	IsApproved = "approved"
	IsRejected = "rejected"
)

// MaxReason bounds a rejection's reason.
const MaxReason = 1000

// Item is a held post, with its author's name and, for a reply, the
// thread's title.
type Item struct {
	ID             int64
	AuthorID       int64
	ThreadID       *int64
	SectionID      int64
	Title          string
	Body           string
	BodyHTML       markup.HTML `gorm:"column:body_html"`
	Tried          string
	Rule           string
	Detail         string
	Status         string
	DecisionReason string
	DecidedBy      *int64
	DecidedAt      *time.Time
	PostID         *int64
	CreatedAt      time.Time
	AuthorName     string `gorm:"->;-:migration"`
	AuthorUsername string `gorm:"->;-:migration"`
	ThreadTitle    string `gorm:"->;-:migration"`
}

// TableName keeps gorm on our migration's table name.
func (Item) TableName() string { return "pending_posts" }

// OpensThread reports whether the post opens a thread.
func (i *Item) OpensThread() bool { return i.ThreadID == nil }

// Waiting reports whether no moderator has decided yet.
func (i *Item) Waiting() bool { return i.Status == Pending }

// Heading is what names the post: its title, or the thread's.
func (i *Item) Heading() string {
	if i.OpensThread() {
		return i.Title
	}
	return i.ThreadTitle
}

// Deps is what the service works through.
type Deps struct {
	DB       *db.DB
	Accounts *accounts.Service
	Forum    *forum.Service
	Log      *modlog.Log
	Notify   *notify.Service
}

// Service holds, lists and decides waiting posts.
type Service struct{ d Deps }

// New returns the service.
func New(d Deps) *Service { return &Service{d: d} }

// CanDecide reports whether u may approve or reject held posts: a
// moderator who is not suspended.
func CanDecide(u *accounts.User) bool { return u.ModeratesAt(time.Now()) }

// Hold keeps author's draft as a waiting post, and logs why, in the
// transaction ctx carries, or its own (forum.Holder).
func (s *Service) Hold(ctx context.Context, author *accounts.User, d forum.Draft, tried string) (int64, error) {
	it := &Item{AuthorID: author.ID, SectionID: d.SectionID, Title: d.Title, Body: d.Body, BodyHTML: d.HTML, Tried: tried,
		Rule: d.Hold, Detail: d.HoldDetail, Status: Pending, CreatedAt: s.d.Forum.Now()}
	if !d.OpensThread {
		it.ThreadID = &d.ThreadID
		it.Title = ""
	}
	err := s.d.DB.InTx(ctx, func(ctx context.Context) error {
		if err := s.d.DB.Conn(ctx).Omit("AuthorName", "AuthorUsername", "ThreadTitle").Create(it).Error; err != nil {
			return fmt.Errorf("approval: hold: %w", err)
		}
		if err := s.d.Accounts.AddHeldPosts(ctx, author.ID, 1); err != nil {
			return err
		}
		return s.d.Log.Record(ctx, modlog.Entry{Action: Queued, UserID: author.ID, ThreadID: d.ThreadID, Reason: d.Hold, Detail: d.HoldDetail})
	})
	return it.ID, err
}

// selectItems reads held posts with their author's name and thread title.
const selectItems = `SELECT q.*, COALESCE(NULLIF(u.display_name, ''), u.username) AS author_name, u.username AS author_username, COALESCE(t.title, '') AS thread_title
	FROM pending_posts q JOIN users u ON u.id = q.author_id LEFT JOIN threads t ON t.id = q.thread_id `

// Waiting lists up to limit posts waiting for a decision, oldest first, in
// one statement on the queue's partial index.
func (s *Service) Waiting(ctx context.Context, limit int) ([]Item, error) {
	var items []Item
	err := s.d.DB.Conn(ctx).Raw(selectItems+"WHERE q.status = 'pending' ORDER BY q.created_at, q.id LIMIT ?", limit).Scan(&items).Error
	if err != nil {
		return nil, fmt.Errorf("approval: waiting: %w", err)
	}
	return items, nil
}

// Count is how many posts wait for a decision.
func (s *Service) Count(ctx context.Context) (int64, error) {
	var n int64
	if err := s.d.DB.Conn(ctx).Raw("SELECT COUNT(*) FROM pending_posts WHERE status = 'pending'").Row().Scan(&n); err != nil {
		return 0, fmt.Errorf("approval: count: %w", err)
	}
	return n, nil
}

// Get returns held post id for viewer: its author or a moderator; anyone
// else gets errs.ErrNotFound, as if it did not exist.
func (s *Service) Get(ctx context.Context, viewer *accounts.User, id int64) (*Item, error) {
	var items []Item
	if err := s.d.DB.Conn(ctx).Raw(selectItems+"WHERE q.id = ?", id).Scan(&items).Error; err != nil {
		return nil, fmt.Errorf("approval: get: %w", err)
	}
	if len(items) == 0 || viewer == nil || (items[0].AuthorID != viewer.ID && !CanDecide(viewer)) {
		return nil, errs.ErrNotFound
	}
	return &items[0], nil
}

// InThread lists viewer's own replies to threadID that were not published
// (waiting or rejected), for the thread page: one statement on the
// author's index, none when the viewer's counter says there are none.
func (s *Service) InThread(ctx context.Context, viewer *accounts.User, threadID int64) ([]Item, error) {
	if viewer == nil || viewer.HeldPosts == 0 {
		return nil, nil // no statement for the many who have none
	}
	var items []Item
	err := s.d.DB.Conn(ctx).Raw(selectItems+"WHERE q.author_id = ? AND q.thread_id = ? AND q.status <> 'approved' ORDER BY q.id", viewer.ID, threadID).Scan(&items).Error
	if err != nil {
		return nil, fmt.Errorf("approval: in thread: %w", err)
	}
	return items, nil
}

// OtherPost is one of an author's published posts, shown beside a held one.
type OtherPost struct {
	ID        int64
	ThreadID  int64
	Title     string
	Position  int
	CreatedAt time.Time
}

// OtherPosts lists author's latest published posts (up to limit), in one
// statement on the posts' author index.
func (s *Service) OtherPosts(ctx context.Context, authorID int64, limit int) ([]OtherPost, error) {
	var out []OtherPost
	err := s.d.DB.Conn(ctx).Raw(`SELECT p.id, p.thread_id, t.title, p.position, p.created_at FROM posts p JOIN threads t ON t.id = p.thread_id
		WHERE p.author_id = ? AND p.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY p.created_at DESC LIMIT ?`, authorID, limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("approval: other posts: %w", err)
	}
	return out, nil
}

// Decided is the refusal of a decision on a post already decided (two
// moderators at once, a double click).
var Decided = &errs.Refusal{Rule: "approval", Key: "approval.already_decided"}

// ThreadGone is the refusal to approve a reply whose thread was deleted.
var ThreadGone = &errs.Refusal{Rule: "approval", Key: "approval.thread_gone"}

// decide marks post id decided by actor with status, in tx, and returns
// it as it was; a post decided meanwhile is refused.
func (s *Service) decide(ctx context.Context, actor *accounts.User, id int64, status, reason string) (*Item, error) {
	now := s.d.Forum.Now()
	res := s.d.DB.Conn(ctx).Exec(`UPDATE pending_posts SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?
		WHERE id = ? AND status = 'pending'`, status, reason, actor.ID, now, id)
	if res.Error != nil {
		return nil, fmt.Errorf("approval: decide: %w", res.Error)
	}
	it, err := s.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if res.RowsAffected == 0 {
		return nil, Decided
	}
	return it, nil
}

// Approve publishes held post id through the forum's publish path, logs
// the decision and tells the author, in one transaction. Only moderators
// and admins may.
func (s *Service) Approve(ctx context.Context, actor *accounts.User, id int64) (*Item, error) {
	if !CanDecide(actor) {
		return nil, errs.ErrForbidden
	}
	var it *Item
	err := s.d.DB.InTx(ctx, func(ctx context.Context) error {
		var err error
		if it, err = s.decide(ctx, actor, id, IsApproved, ""); err != nil {
			return err
		}
		if err := s.d.Accounts.AddHeldPosts(ctx, it.AuthorID, -1); err != nil {
			return err
		}
		author, err := s.d.Accounts.ByID(ctx, it.AuthorID)
		if err != nil {
			return err
		}
		var postID, threadID int64
		if it.OpensThread() {
			t, p, err := s.d.Forum.PublishThread(ctx, author, it.SectionID, forum.NewThread{Title: it.Title, Body: it.Body, Tried: it.Tried}, it.BodyHTML)
			if err != nil {
				return err
			}
			postID, threadID = p.ID, t.ID
		} else {
			p, err := s.d.Forum.PublishReply(ctx, author, *it.ThreadID, it.Body, it.BodyHTML)
			if errors.Is(err, errs.ErrNotFound) {
				return ThreadGone
			}
			if err != nil {
				return err
			}
			postID, threadID = p.ID, p.ThreadID
		}
		it.PostID = &postID
		if err := s.d.DB.Conn(ctx).Exec("UPDATE pending_posts SET post_id = ? WHERE id = ?", postID, id).Error; err != nil {
			return err
		}
		if err := s.d.Log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: Approved, UserID: it.AuthorID, ThreadID: threadID, PostID: postID, Reason: it.Rule}); err != nil {
			return err
		}
		return s.d.Notify.Send(ctx, notify.Note{RecipientID: it.AuthorID, Kind: KindApproved, Subject: "post:" + strconv.FormatInt(postID, 10),
			Link: "/p/" + strconv.FormatInt(postID, 10), Title: it.Heading(), ActorID: actor.ID, PostID: postID})
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// Reject refuses held post id with a reason (required), logs it and tells
// the author, in one transaction. The post stays, with the reason, for its
// author to read and rework.
func (s *Service) Reject(ctx context.Context, actor *accounts.User, id int64, reason string) (*Item, error) {
	if !CanDecide(actor) {
		return nil, errs.ErrForbidden
	}
	reason = strings.TrimSpace(cleantext.Text(reason))
	switch {
	case reason == "" || !cleantext.Visible(reason):
		return nil, errs.Invalid{"reason": "approval.reason.required"}
	case utf8.RuneCountInString(reason) > MaxReason:
		return nil, errs.Invalid{"reason": "approval.reason.too_long"}
	}
	var it *Item
	err := s.d.DB.InTx(ctx, func(ctx context.Context) error {
		var err error
		if it, err = s.decide(ctx, actor, id, IsRejected, reason); err != nil {
			return err
		}
		var threadID int64
		if it.ThreadID != nil {
			threadID = *it.ThreadID
		}
		if err := s.d.Log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: Rejected, UserID: it.AuthorID, ThreadID: threadID, Reason: reason}); err != nil {
			return err
		}
		return s.d.Notify.Send(ctx, notify.Note{RecipientID: it.AuthorID, Kind: KindRejected, Subject: "pending:" + strconv.FormatInt(id, 10),
			Link: "/pending/" + strconv.FormatInt(id, 10), Title: it.Heading(), ActorID: actor.ID})
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// HeldSince counts authorID's posts waiting for approval that open a
// thread since threadsSince and that reply since repliesSince: the rate
// limits count them with the published ones (internal/limits), so that a
// newcomer whose posts all wait cannot fill the queue.
func (s *Service) HeldSince(ctx context.Context, authorID int64, threadsSince, repliesSince time.Time) (threads, replies int, err error) {
	err = s.d.DB.Conn(ctx).Raw(`SELECT
		COALESCE(SUM(CASE WHEN thread_id IS NULL AND created_at > ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN thread_id IS NOT NULL AND created_at > ? THEN 1 ELSE 0 END), 0)
		FROM pending_posts WHERE author_id = ? AND status = 'pending'`, threadsSince, repliesSince, authorID).Row().Scan(&threads, &replies)
	if err != nil {
		err = fmt.Errorf("approval: held since: %w", err)
	}
	return threads, replies, err
}

// Invariants are the approval's counter rules, for entraide check.
func Invariants() []db.Invariant {
	return []db.Invariant{{
		Name: "users: held_posts is not the number of their posts held or rejected",
		Broken: `SELECT u.id FROM users u LEFT JOIN (SELECT author_id, COUNT(*) AS n FROM pending_posts WHERE status <> 'approved' GROUP BY author_id) q
			ON q.author_id = u.id WHERE u.held_posts <> COALESCE(q.n, 0)`,
		Repair: `UPDATE users SET held_posts = (SELECT COUNT(*) FROM pending_posts q WHERE q.author_id = users.id AND q.status <> 'approved')
			WHERE id IN (%s)`,
	}}
}
