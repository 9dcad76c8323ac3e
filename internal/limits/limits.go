// Package limits applies the cheap rules to every new post, inside the
// transaction that writes it: new threads per day and replies per hour by
// role, the same text twice, and the links in a newcomer's post. The
// counts come from the posts themselves (one statement on the author's
// index, forum.RecentActivity) under a lock on the author's row, so every
// instance sharing the database enforces the same limits and no burst of
// concurrent posts gets past one. When a rule stops a post, the moderation
// log records it in the same transaction, which keeps that line and
// nothing else (db.Keep).
package limits

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/words"
)

// Refused is the moderation log's action when a rule stops a post; the
// rule's name is the line's reason.
const Refused modlog.Action = "rule_refused"

// The windows the limits count in.
const (
	ThreadsWindow = 24 * time.Hour
	RepliesWindow = time.Hour
)

// WordMasked is the moderation log's action when a watched word is masked
// in a post; the words are the line's detail.
const WordMasked modlog.Action = "word_masked"

// Deps is what the engine reads and writes through.
type Deps struct {
	Accounts *accounts.Service
	Forum    *forum.Service
	Rules    *rules.Book
	Log      *modlog.Log
	Words    *words.Service
	Render   forum.Renderer // renders a post again once words are masked
}

// Held counts an author's posts waiting for approval (internal/approval),
// which the rate limits count with the published ones.
type Held interface {
	HeldSince(ctx context.Context, authorID int64, threadsSince, repliesSince time.Time) (threads, replies int, err error)
}

// Engine checks new posts against the rules (forum.PostRules).
type Engine struct {
	d    Deps
	held Held
}

// SetHeld installs the approval queue's counts (wired by the application
// once the queue exists).
func (e *Engine) SetHeld(h Held) { e.held = h }

// New returns the engine.
func New(d Deps) *Engine { return &Engine{d: d} }

// Check refuses d when a rule stops it; it runs in the transaction ctx
// carries, before the post is written. It reads what applies to the
// author and nothing else: two statements for a member's reply (the lock
// with the author's counters, the recent activity), the rules' values and
// the watched words coming from their caches.
func (e *Engine) Check(ctx context.Context, author *accounts.User, d *forum.Draft) error {
	// Everyone's write takes the lock, with the notified person's row (see
	// LockForWrite): a moderator's too, though no rule here applies to
	// them.
	w, err := e.d.Accounts.LockForWrite(ctx, author.ID, d.Notified)
	if err != nil || author.Can(accounts.Moderator) {
		return err
	}
	v, err := e.d.Rules.Values(ctx)
	if err != nil {
		return err
	}
	now := e.d.Forum.Now()
	same := v.Int(rules.SameText)
	// Each limit counts in its own window: a reply reads the last hour of
	// the author's posts, not the day a new thread's limit needs.
	q := forum.ActivityQuery{}
	if d.OpensThread {
		q.ThreadsSince = now.Add(-ThreadsWindow)
	} else {
		q.RepliesSince = now.Add(-RepliesWindow)
	}
	if same > 0 {
		q.SameSince, q.Body = now.Add(-time.Duration(same)*time.Minute), d.Body
		// A newcomer's text repeated anywhere is refused (posting one text
		// in many threads is how spam looks); a member's only in the same
		// thread (a double submit), since members answer with canned
		// replies.
		if author.Can(accounts.Member) {
			q.SameIn = d.ThreadID
		}
	}
	act, err := e.d.Forum.RecentActivity(ctx, author.ID, q)
	if err != nil {
		return err
	}
	// Posts waiting for approval count too; the author's row, read under
	// the lock, says whether there are any.
	if e.held != nil && w.Held > 0 {
		threads, replies, err := e.held.HeldSince(ctx, author.ID, now.Add(-ThreadsWindow), now.Add(-RepliesWindow))
		if err != nil {
			return err
		}
		act.Threads, act.Replies = act.Threads+threads, act.Replies+replies
	}
	if same > 0 && act.SameText > 0 {
		return e.refuse(ctx, author, *d, &errs.Refusal{Rule: rules.SameText, Key: "limits.same_text", Args: []any{same}, Plural: true}, "")
	}
	if d.OpensThread {
		rule := byRole(author, rules.ThreadsPerDayNewcomer, rules.ThreadsPerDayMember)
		if max := v.Int(rule); act.Threads >= max {
			return e.refuse(ctx, author, *d, &errs.Refusal{Rule: rule, Key: "limits.threads_per_day", Args: []any{max}, Plural: true},
				fmt.Sprintf("%d/%d", act.Threads+1, max))
		}
	} else {
		rule := byRole(author, rules.RepliesPerHourNewcomer, rules.RepliesPerHourMember)
		if max := v.Int(rule); act.Replies >= max {
			return e.refuse(ctx, author, *d, &errs.Refusal{Rule: rule, Key: "limits.replies_per_hour", Args: []any{max}, Plural: true},
				fmt.Sprintf("%d/%d", act.Replies+1, max))
		}
	}
	if !author.Can(accounts.Member) {
		if max, n := v.Int(rules.NewcomerLinks), markup.CountLinks(d.HTML); n > max {
			return e.refuse(ctx, author, *d, &errs.Refusal{Rule: rules.NewcomerLinks, Key: "limits.links", Args: []any{max, n}, Plural: true},
				strconv.Itoa(n)+"/"+strconv.Itoa(max))
		}
	}
	if v.On(rules.WatchedWords) && e.d.Words != nil {
		if err := e.watch(ctx, author, d); err != nil {
			return err
		}
	}
	// A newcomer's first posts wait for approval; the published ones are
	// counted on the author's row, read under the lock taken above.
	if n := v.Int(rules.ApprovalFirstPosts); n > 0 && !author.Can(accounts.Member) && d.Hold == "" && w.Published < n {
		d.Hold = rules.ApprovalFirstPosts
	}
	return nil
}

// watch applies the watched words: a blocking word refuses the post, a
// masking one is replaced in the title and the body.
func (e *Engine) watch(ctx context.Context, author *accounts.User, d *forum.Draft) error {
	verdict, err := e.d.Words.Check(ctx, d.Title, d.Body)
	if err != nil {
		return err
	}
	if w := verdict.Blocked; w != nil {
		return e.refuse(ctx, author, *d, &errs.Refusal{Rule: rules.WatchedWords, Key: "words.refused", Args: []any{w.Pattern}}, w.Pattern)
	}
	if w := verdict.Queued; w != nil {
		d.Hold, d.HoldDetail = rules.WatchedWords, w.Pattern
	}
	if len(verdict.Masked) == 0 {
		return nil
	}
	html, err := e.d.Render.Render(verdict.Body)
	if err != nil {
		return err
	}
	d.Title, d.Body, d.HTML = verdict.Title, verdict.Body, html
	patterns := make([]string, len(verdict.Masked))
	for i, w := range verdict.Masked {
		patterns[i] = w.Pattern
	}
	return e.d.Log.Record(ctx, modlog.Entry{Action: WordMasked, UserID: author.ID, ThreadID: d.ThreadID, Reason: rules.WatchedWords,
		Detail: strings.Join(patterns, ", ")})
}

// byRole picks the newcomers' or the members' rule.
func byRole(u *accounts.User, newcomer, member string) string {
	if u.Can(accounts.Member) {
		return member
	}
	return newcomer
}

// refuse logs that rule r stopped author's post and returns the refusal,
// marked so that the log's line is committed.
func (e *Engine) refuse(ctx context.Context, author *accounts.User, d forum.Draft, r *errs.Refusal, detail string) error {
	if err := e.d.Log.Record(ctx, modlog.Entry{Action: Refused, UserID: author.ID, ThreadID: d.ThreadID, Reason: r.Rule, Detail: detail}); err != nil {
		return err
	}
	return db.Keep(r)
}
