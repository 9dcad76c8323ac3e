package forum

import (
	"context"
	"errors"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/markup"
	"entraide/internal/rules"
	"entraide/internal/settings"
)

// The rule "acknowledge earlier answers before asking again": before a
// newcomer opens a new thread while replies to an earlier question of
// theirs are still unacknowledged (neither thanked, nor chosen as the
// solution, nor marked "ne m'a pas aidé") a day after they came, those
// replies are shown first. Off, nudge (the default: one click skips) or
// require (the new thread is refused until each is acknowledged).

// AckMode is the rule's setting.
type AckMode string

// The rule's settings.
const (
	AckOff     AckMode = "off"
	AckNudge   AckMode = "nudge"
	AckRequire AckMode = "require"
)

// AckModes lists the settings, for an admin form.
var AckModes = []AckMode{AckOff, AckNudge, AckRequire}

// AckRule is the rule's name, as refusals and the rules page give it.
const AckRule = rules.AcknowledgeAnswers

// AckSetting is the key of the rule's setting in internal/settings; the
// rules page and the admin's form read and write the same key.
const AckSetting = rules.AcknowledgeSetting

// AckDelay is how long a reply may wait before it counts as unacknowledged.
const AckDelay = 24 * time.Hour

// maxPending bounds the replies listed before a new question.
const maxPending = 20

// SetRules gives the forum the store of the rules' settings (wired by the
// app); without one, the defaults apply.
func (s *Service) SetRules(st *settings.Store) { s.rules = st }

// AckMode returns the rule's current setting (nudge when never set).
func (s *Service) AckMode(ctx context.Context) (AckMode, error) {
	if s.rules == nil {
		return AckNudge, nil
	}
	v, ok, err := s.rules.Get(ctx, AckSetting)
	if err != nil || !ok {
		return AckNudge, err
	}
	switch m := AckMode(v); m {
	case AckOff, AckNudge, AckRequire:
		return m, nil
	}
	return AckNudge, nil
}

// SetAckMode changes the rule's setting: an admin's decision.
func (s *Service) SetAckMode(ctx context.Context, actor *accounts.User, m AckMode) error {
	if !actor.Can(accounts.Admin) {
		return errs.ErrForbidden
	}
	switch m {
	case AckOff, AckNudge, AckRequire:
	default:
		return errs.Invalid{"mode": "thanks.rule.invalid_mode"}
	}
	if s.rules == nil {
		return wrap("set rule", errNoRules)
	}
	return s.rules.Set(ctx, AckSetting, string(m))
}

var errNoRules = errors.New("no settings store")

// PendingReply is a reply the asker has not acknowledged yet.
type PendingReply struct {
	PostView
	ThreadTitle string
	ThreadSlug  string
}

// AckCheck is what the rule says before u opens a new thread.
type AckCheck struct {
	Mode    AckMode
	Pending []PendingReply // the replies to acknowledge first, oldest first
}

// Show reports whether the replies must be listed before the form.
func (a *AckCheck) Show() bool { return a != nil && a.Mode != AckOff && len(a.Pending) > 0 }

// MaySkip reports whether one click may skip the list (nudge).
func (a *AckCheck) MaySkip() bool { return a == nil || a.Mode != AckRequire }

// Err is the refusal when the rule requires acknowledging first.
func (a *AckCheck) Err() error {
	if a.Show() && !a.MaySkip() {
		return &errs.Refusal{Rule: AckRule, Key: "thanks.rule.refused"}
	}
	return nil
}

// AcknowledgeFirst returns what the rule asks of u before a new question:
// the ask flow and /new show Pending first when Show(), with a way past
// when MaySkip(). The rule applies to newcomers; members are never held.
func (s *Service) AcknowledgeFirst(ctx context.Context, u *accounts.User) (*AckCheck, error) {
	mode, err := s.AckMode(ctx)
	if err != nil {
		return nil, err
	}
	check := &AckCheck{Mode: mode}
	if mode == AckOff || u == nil || u.Can(accounts.Member) {
		return check, nil
	}
	check.Pending, err = s.PendingReplies(ctx, u, s.now().Add(-AckDelay))
	return check, err
}

// CheckAcknowledged refuses a new thread by u while the rule requires
// earlier answers to be acknowledged first; nil otherwise. CreateThread
// calls it, so every way of opening a thread obeys the rule.
func (s *Service) CheckAcknowledged(ctx context.Context, u *accounts.User) error {
	check, err := s.AcknowledgeFirst(ctx, u)
	if err != nil {
		return err
	}
	return check.Err()
}

// PendingReplies returns the visible replies by others to u's live
// threads, written before until, that u has neither thanked, chosen as the
// solution, nor marked "ne m'a pas aidé", oldest first.
func (s *Service) PendingReplies(ctx context.Context, u *accounts.User, until time.Time) ([]PendingReply, error) {
	var rows []struct {
		ID, ThreadID, AuthorID int64
		Position               int
		Body                   string
		BodyHTML               markup.HTML
		ThankCount             int
		CreatedAt              time.Time
		Title, Slug            string
		Username, DisplayName  string
		Role                   accounts.Role
		ThanksReceived         int
	}
	err := s.db.Conn(ctx).Raw(`SELECT p.id, p.thread_id, p.author_id, p.position, p.body, p.body_html, p.thank_count, p.created_at,
		t.title, t.slug, u.username, u.display_name, u.role, u.thanks_received
		FROM threads t JOIN posts p ON p.thread_id = t.id JOIN users u ON u.id = p.author_id
		WHERE t.author_id = ? AND t.deleted_at IS NULL AND t.duplicate_answer <> 'yes' AND p.position > 1 AND p.deleted_at IS NULL
		AND p.hidden_at IS NULL AND p.author_id <> ?
		AND p.created_at <= ? AND (t.solution_post_id IS NULL OR t.solution_post_id <> p.id)
		AND NOT EXISTS (SELECT 1 FROM thanks k WHERE k.post_id = p.id AND k.user_id = ?)
		AND NOT EXISTS (SELECT 1 FROM not_helpful n WHERE n.post_id = p.id AND n.user_id = ?)
		ORDER BY p.created_at, p.id LIMIT ?`, u.ID, u.ID, until, u.ID, u.ID, maxPending).Scan(&rows).Error
	if err != nil {
		return nil, wrap("pending replies", err)
	}
	out := make([]PendingReply, len(rows))
	for i, r := range rows {
		out[i] = PendingReply{ThreadTitle: r.Title, ThreadSlug: r.Slug, PostView: PostView{
			Post: Post{ID: r.ID, ThreadID: r.ThreadID, AuthorID: r.AuthorID, Position: r.Position, Body: r.Body, BodyHTML: r.BodyHTML,
				ThankCount: r.ThankCount, CreatedAt: r.CreatedAt},
			Author: Author{ID: r.AuthorID, Username: r.Username, DisplayName: r.DisplayName, Role: r.Role, ThanksReceived: r.ThanksReceived}}}
	}
	return out, nil
}
