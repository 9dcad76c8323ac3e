package forum

import (
	"context"
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

// RecentActivity counts, in one statement on the author's index of posts,
// the author's threads since threadsSince, replies since repliesSince and
// posts whose text is body since sameSince, in thread sameIn (0: in any
// thread). Deleted posts count: deleting and posting again does not reset
// a limit. It joins the transaction ctx carries.
func (s *Service) RecentActivity(ctx context.Context, authorID int64, body string, sameIn int64, threadsSince, repliesSince, sameSince time.Time) (Activity, error) {
	from := threadsSince
	for _, t := range []time.Time{repliesSince, sameSince} {
		if t.Before(from) {
			from = t
		}
	}
	var a Activity
	err := s.db.Conn(ctx).Raw(`SELECT
		COALESCE(SUM(CASE WHEN position = 1 AND created_at > ? THEN 1 ELSE 0 END), 0) AS threads,
		COALESCE(SUM(CASE WHEN position > 1 AND created_at > ? THEN 1 ELSE 0 END), 0) AS replies,
		COALESCE(SUM(CASE WHEN created_at > ? AND body = ? AND (? = 0 OR thread_id = ?) THEN 1 ELSE 0 END), 0) AS same_text
		FROM posts WHERE author_id = ? AND created_at > ?`,
		threadsSince, repliesSince, sameSince, body, sameIn, sameIn, authorID, from).Row().Scan(&a.Threads, &a.Replies, &a.SameText)
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
