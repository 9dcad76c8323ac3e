package forum

import (
	"context"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/markup"

	"gorm.io/gorm"
)

// Draft is a post about to be written, as the rules engine sees it.
type Draft struct {
	OpensThread bool  // the first post of a new thread
	ThreadID    int64 // the thread replied to (0 for a new thread)
	SectionID   int64 // the section it goes to
	Title       string
	Body        string
	HTML        markup.HTML
	// Hold is set by a rule that lets the post through but makes it wait
	// for a moderator's approval: the rule's name, with what matched in
	// HoldDetail. The forum then hands the draft to its Holder instead of
	// publishing it.
	Hold       string
	HoldDetail string
	// Notified is the person the post will notify (a reply: the thread's
	// author; 0: none), whose row the write's lock takes with the author's.
	Notified int64
}

// Holder keeps a post that must wait for approval (internal/approval),
// inside the post's transaction, and returns the waiting post's id.
type Holder interface {
	Hold(ctx context.Context, author *accounts.User, d Draft, tried string) (int64, error)
}

// SetHolder installs where held posts go (wired by the application).
func (s *Service) SetHolder(h Holder) { s.holder = h }

// Held is what CreateThread and Reply return when a rule made the post
// wait: it is saved, not published. It is not a failure; the caller sends
// the author to the waiting post.
type Held struct{ PendingID int64 }

func (h *Held) Error() string { return "forum: post held for approval" }

// hold hands d to the holder in tx; without one, the post is published.
func (s *Service) hold(tx *gorm.DB, author *accounts.User, d Draft, tried string) (int64, error) {
	if s.holder == nil || d.Hold == "" {
		return 0, nil
	}
	return s.holder.Hold(db.TxContext(tx), author, d, tried)
}

// PublishThread writes an approved thread, in the transaction ctx carries,
// through the same path as an unheld one (counters, search index,
// promotion), without the rules: they ran when it was held.
func (s *Service) PublishThread(ctx context.Context, author *accounts.User, sectionID int64, in NewThread, html markup.HTML) (*Thread, *Post, error) {
	var thread *Thread
	var post *Post
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if thread, post, err = s.writeThread(tx, author, sectionID, in, html); err != nil {
			return err
		}
		if s.gate != nil && in.Pending != 0 {
			if err := s.gate.Published(db.TxContext(tx), in.Pending, thread); err != nil {
				return err
			}
		}
		if author.Can(accounts.Member) {
			return nil
		}
		return s.considerPromotion(tx, author.ID)
	})
	return thread, post, maybeWrap("publish thread", err)
}

// PublishReply writes an approved reply, in the transaction ctx carries,
// through the same path as an unheld one (counters, notification, search
// index, promotion). A thread deleted meanwhile is errs.ErrNotFound.
func (s *Service) PublishReply(ctx context.Context, author *accounts.User, threadID int64, body string, html markup.HTML) (*Post, error) {
	var post *Post
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if post, err = s.writeReply(tx, author, threadID, body, html); err != nil || author.Can(accounts.Member) {
			return err
		}
		return s.considerPromotion(tx, author.ID)
	})
	return post, maybeWrap("publish reply", err)
}

// PostRules decides, inside the transaction that writes a post and before
// it, whether the post may be written; internal/limits implements it. A
// refusal is an errs.Refusal marked by db.Keep: the transaction commits
// what the rules wrote (the moderation log's line) and nothing else, and
// the refusal reaches the person.
// A rule may also rewrite the draft (mask a watched word): the forum
// writes the draft as Check leaves it.
type PostRules interface {
	Check(ctx context.Context, author *accounts.User, d *Draft) error
}

// SetPostRules installs the rules every new post goes through (wired by
// the application once, before serving). Without them, none applies: the
// generator and the bulk loaders write beside them.
func (s *Service) SetPostRules(r PostRules) { s.postRules = r }

// checkPost runs the post rules in tx.
func (s *Service) checkPost(tx *gorm.DB, author *accounts.User, d *Draft) error {
	if s.postRules == nil {
		return nil
	}
	return s.postRules.Check(db.TxContext(tx), author, d)
}

// Activity is what an author posted recently, for the rate limits.
type Activity struct {
	Threads  int // threads opened since the threads' window
	Replies  int // replies posted since the replies' window
	SameText int // posts with the same text since the same-text window
}

// ActivityQuery says what RecentActivity counts; a zero time leaves that
// count out (it reads 0).
type ActivityQuery struct {
	ThreadsSince time.Time // threads opened since
	RepliesSince time.Time // replies posted since
	SameSince    time.Time // posts whose text is Body since
	Body         string
	SameIn       int64 // the thread the same text is looked for in (0: any)
}

// RecentActivity counts what q asks, in one statement on the author's
// index of posts that reads only the widest window asked (none when
// nothing is). Deleted posts count: deleting and posting again does not
// reset a limit. It joins the transaction ctx carries.
func (s *Service) RecentActivity(ctx context.Context, authorID int64, q ActivityQuery) (Activity, error) {
	var a Activity
	var from time.Time
	cols := make([]string, 0, 3)
	var args []any
	count := func(since time.Time, cond string, extra ...any) {
		if since.IsZero() {
			cols = append(cols, "0")
			return
		}
		if from.IsZero() || since.Before(from) {
			from = since
		}
		cols = append(cols, "COALESCE(SUM(CASE WHEN created_at > ? AND "+cond+" THEN 1 ELSE 0 END), 0)")
		args = append(append(args, since), extra...)
	}
	count(q.ThreadsSince, "position = 1")
	count(q.RepliesSince, "position > 1")
	count(q.SameSince, "body = ? AND (? = 0 OR thread_id = ?)", q.Body, q.SameIn, q.SameIn)
	if from.IsZero() {
		return a, nil
	}
	err := s.db.Conn(ctx).Raw("SELECT "+strings.Join(cols, ", ")+" FROM posts WHERE author_id = ? AND created_at > ?",
		append(args, authorID, from)...).Row().Scan(&a.Threads, &a.Replies, &a.SameText)
	if err != nil {
		return a, wrap("recent activity", err)
	}
	return a, nil
}

// Now is the forum's clock, which the rules engine shares.
func (s *Service) Now() time.Time { return s.now() }

// Promoter promotes a newcomer when the promotion rule holds; the forum
// asks it, inside the write's transaction, after each post of a newcomer
// and each thank-you one receives (internal/promotion implements it).
type Promoter interface {
	Consider(ctx context.Context, userID int64) error
}

// SetPromoter installs the promoter (wired by the application).
func (s *Service) SetPromoter(p Promoter) { s.promoter = p }

// considerPromotion asks the promoter about userID, a newcomer, in tx.
func (s *Service) considerPromotion(tx *gorm.DB, userID int64) error {
	if s.promoter == nil {
		return nil
	}
	return s.promoter.Consider(db.TxContext(tx), userID)
}
