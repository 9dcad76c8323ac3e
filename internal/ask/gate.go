package ask

import (
	"context"
	"errors"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/rules"
)

var _ forum.ThreadGate = (*Service)(nil)

// refuse is the search-first rule stopping a thread, with the message for
// why: each names the rule and sends the person back to step 1.
func refuse(key string) error { return &errs.Refusal{Rule: rules.SearchFirst, Key: key} }

// Admit lets a newcomer's thread through only when it comes through steps
// 1 and 2 of the ask flow (rule search_first): the thread carries a session
// of theirs whose results were shown, not used yet and not expired. It runs
// in the transaction that opens the thread, which Opened then ends; a
// member's thread is never stopped here. It also says whether the thread
// goes to the newcomers' section (rule newcomers_section).
func (s *Service) Admit(ctx context.Context, author *accounts.User, in forum.NewThread) (bool, error) {
	v, err := s.rules.Values(ctx)
	if err != nil {
		return false, err
	}
	newcomer := !author.Can(accounts.Member)
	toNewcomers := newcomer && v.On(rules.NewcomersSection)
	if !newcomer || !v.On(rules.SearchFirst) {
		return toNewcomers, nil
	}
	if in.AskSession == "" {
		return false, refuse("ask.refused.missing")
	}
	sess, err := s.Session(ctx, in.AskSession)
	switch {
	case err == errs.ErrNotFound:
		return false, refuse("ask.refused.unknown")
	case err != nil:
		return false, err
	case !sess.OwnedBy(author):
		return false, refuse("ask.refused.unknown")
	case sess.ShownAt == nil:
		return false, refuse("ask.refused.not_shown")
	case sess.Outcome != Open:
		return false, refuse("ask.refused.used")
	case sess.Expired(s.now()):
		return false, refuse("ask.refused.expired")
	}
	return toNewcomers, nil
}

// Opened ends the thread's session as posted, in the transaction that
// wrote the thread. For a newcomer the session must still be open at this
// point: two submissions racing on one session get one thread.
func (s *Service) Opened(ctx context.Context, author *accounts.User, in forum.NewThread, t *forum.Thread) error {
	return s.endPosted(ctx, author, in, "thread_id", t.ID)
}

// Held ends the session as posted when the question waits for approval:
// the newcomer asked, and the session cannot open a second one.
func (s *Service) Held(ctx context.Context, author *accounts.User, in forum.NewThread, pendingID int64) error {
	return s.endPosted(ctx, author, in, "pending_id", pendingID)
}

// Published gives the session of an approved question its thread.
func (s *Service) Published(ctx context.Context, pendingID int64, t *forum.Thread) error {
	err := s.db.Conn(ctx).Model(&Session{}).Where("pending_id = ? AND outcome = ?", pendingID, Posted).
		Updates(map[string]any{"thread_id": t.ID, "updated_at": s.now()}).Error
	return wrap("published", err)
}

// endPosted ends the session in as posted, pointing column at id. For a
// newcomer the session must still be open at this point: two submissions
// racing on one session get one question.
func (s *Service) endPosted(ctx context.Context, author *accounts.User, in forum.NewThread, column string, id int64) error {
	if in.AskSession == "" {
		return nil
	}
	now := s.now()
	res := s.db.Conn(ctx).Model(&Session{}).
		Where("token = ? AND user_id = ? AND outcome = ? AND expires_at > ?", in.AskSession, author.ID, Open, now).
		Updates(map[string]any{"outcome": Posted, column: id, "ended_at": now, "updated_at": now})
	if res.Error != nil {
		return wrap("posted", res.Error)
	}
	if res.RowsAffected == 0 && !author.Can(accounts.Member) {
		v, err := s.rules.Values(ctx)
		if err != nil {
			return err
		}
		if v.On(rules.SearchFirst) {
			return refuse("ask.refused.used")
		}
	}
	return nil
}

// Post opens the thread of step 3. Everything — the checks, the thread,
// its post, the index and the session closed as posted — is one
// transaction: a refusal leaves nothing behind.
func (s *Service) Post(ctx context.Context, author *accounts.User, in forum.NewThread) (*forum.Thread, error) {
	var t *forum.Thread
	var held *forum.Held
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		t, held = nil, nil // a rerun (db.WithTx) starts afresh
		var err error
		t, err = s.forum.CreateThread(ctx, author, in)
		if errors.As(err, &held) {
			return nil // saved for approval: keep it
		}
		return err
	})
	if held != nil && err == nil {
		return nil, held
	}
	return t, err
}
