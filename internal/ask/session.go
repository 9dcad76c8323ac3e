// Package ask is the newcomers' ask flow: a question starts as one
// sentence, the forum shows what already answers it, and only then may a
// newcomer write a thread, filed in the newcomers' section. It records
// every pass (the sentence, the threads shown and opened, how it ended),
// enforces the two rules behind it as the forum's thread gate, and sums up
// the sessions for moderators.
package ask

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/rules"
	"entraide/internal/search"

	"gorm.io/gorm"
)

// How a session ended; Open while it runs.
const (
	Open      = "open"
	Found     = "found"
	Posted    = "posted"
	Abandoned = "abandoned"
)

// SessionTTL is how long a session may lead to a thread after it starts.
const SessionTTL = 2 * time.Hour

// MaxSentence bounds the sentence kept, in characters: a question in one
// sentence; a pasted page is cut, not refused.
const MaxSentence = 300

// Session is one pass through the ask flow.
type Session struct {
	ID       int64
	Token    string
	UserID   *int64
	Query    string
	Shown    string // space-separated thread ids
	Opened   string // space-separated thread ids
	Outcome  string
	ThreadID *int64
	// PendingID is the question waiting for approval that ended the
	// session (posted, its thread set once approved).
	PendingID     *int64
	FoundThreadID *int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
	ExpiresAt     time.Time
	ShownAt       *time.Time
	EndedAt       *time.Time
}

// TableName is the migration's table.
func (Session) TableName() string { return "ask_sessions" }

// ShownIDs returns the threads the session showed.
func (s *Session) ShownIDs() []int64 { return parseIDs(s.Shown) }

// OpenedIDs returns the threads opened from the session's results.
func (s *Session) OpenedIDs() []int64 { return parseIDs(s.Opened) }

// Expired reports whether the session can no longer lead to a thread.
func (s *Session) Expired(now time.Time) bool { return !now.Before(s.ExpiresAt) }

// OwnedBy reports whether the session belongs to u (nil: a visitor's).
func (s *Session) OwnedBy(u *accounts.User) bool {
	if u == nil {
		return s.UserID == nil
	}
	return s.UserID != nil && *s.UserID == u.ID
}

// Service runs the ask flow.
type Service struct {
	db     *db.DB
	forum  *forum.Service
	search *search.Searcher
	rules  *rules.Book
	now    func() time.Time
}

// New returns the ask service and installs it as the forum's thread gate.
func New(d *db.DB, f *forum.Service, s *search.Searcher, r *rules.Book) *Service {
	svc := &Service{db: d, forum: f, search: s, rules: r, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	f.SetGate(svc)
	return svc
}

// SetClock replaces the clock, for tests and the generator.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Rules returns the current values of the forum's rules.
func (s *Service) Rules(ctx context.Context) (rules.Values, error) { return s.rules.Values(ctx) }

// CleanSentence makes what was typed a sentence worth keeping: valid
// UTF-8, no control characters, one line, at most MaxSentence characters.
func CleanSentence(raw string) string {
	raw = strings.ToValidUTF8(raw, "")
	raw = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, raw)
	out := strings.Join(strings.Fields(raw), " ")
	if utf8.RuneCountInString(out) > MaxSentence {
		out = strings.TrimSpace(string([]rune(out)[:MaxSentence]))
	}
	return out
}

// Start begins a session for u (nil for a visitor) on sentence, or
// rephrases the open session token of the same person: the results of the
// new sentence are found and noted as shown.
func (s *Service) Start(ctx context.Context, u *accounts.User, token, sentence string) (*Session, error) {
	sentence = CleanSentence(sentence)
	if sentence == "" {
		return nil, errs.Invalid{"q": "ask.q.required"}
	}
	ids, err := s.find(ctx, u, sentence)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if token != "" {
		if sess, err := s.Session(ctx, token); err == nil && sess.OwnedBy(u) && sess.Outcome == Open && !sess.Expired(now) {
			sess.Query, sess.Shown, sess.UpdatedAt = sentence, joinIDs(union(sess.ShownIDs(), ids)), now
			err := s.db.Conn(ctx).Model(sess).Updates(map[string]any{"query": sess.Query, "shown": sess.Shown, "updated_at": now}).Error
			return sess, wrap("rephrase", err)
		}
	}
	sess := &Session{Token: newToken(), Query: sentence, Shown: joinIDs(ids), Outcome: Open,
		CreatedAt: now, UpdatedAt: now, ExpiresAt: now.Add(SessionTTL)}
	if u != nil {
		sess.UserID = &u.ID
	}
	if err := s.db.Conn(ctx).Create(sess).Error; err != nil {
		return nil, wrap("start", err)
	}
	return sess, nil
}

// Session returns the session with token, or errs.ErrNotFound.
func (s *Service) Session(ctx context.Context, token string) (*Session, error) {
	if token == "" || len(token) > 64 {
		return nil, errs.ErrNotFound
	}
	var sess Session
	err := s.db.Conn(ctx).Where("token = ?", token).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errs.ErrNotFound
	}
	if err != nil {
		return nil, wrap("session", err)
	}
	return &sess, nil
}

// Visible returns the session with token if u may see it: theirs, or a
// visitor's (the token is the secret; a visitor's session is claimed when
// its owner logs in, see Claim).
func (s *Service) Visible(ctx context.Context, u *accounts.User, token string) (*Session, error) {
	sess, err := s.Session(ctx, token)
	if err != nil {
		return nil, err
	}
	if sess.UserID != nil && !sess.OwnedBy(u) {
		return nil, errs.ErrNotFound
	}
	return sess, nil
}

// MarkShown notes that step 2 was shown; it is what lets step 3 through.
func (s *Service) MarkShown(ctx context.Context, sess *Session) error {
	if sess.ShownAt != nil {
		return nil
	}
	now := s.now()
	sess.ShownAt = &now
	return wrap("shown", s.db.Conn(ctx).Model(sess).Update("shown_at", now).Error)
}

// Claim gives a visitor's session to u, who just logged in or registered
// in the browser that started it.
func (s *Service) Claim(ctx context.Context, u *accounts.User, sess *Session) error {
	if u == nil || sess.UserID != nil {
		return nil
	}
	res := s.db.Conn(ctx).Model(&Session{}).Where("id = ? AND user_id IS NULL", sess.ID).Update("user_id", u.ID)
	if res.Error != nil {
		return wrap("claim", res.Error)
	}
	sess.UserID = &u.ID
	return nil
}

// RecordOpen records that a result of the session was opened.
func (s *Service) RecordOpen(ctx context.Context, sess *Session, threadID int64) error {
	if !slices.Contains(sess.ShownIDs(), threadID) || slices.Contains(sess.OpenedIDs(), threadID) {
		return nil
	}
	sess.Opened = joinIDs(append(sess.OpenedIDs(), threadID))
	return wrap("opened", s.db.Conn(ctx).Model(sess).Updates(map[string]any{"opened": sess.Opened, "updated_at": s.now()}).Error)
}

// Found ends the session: thread threadID, one of its results, answered
// the question.
func (s *Service) Found(ctx context.Context, u *accounts.User, sess *Session, threadID int64) error {
	if !sess.OwnedBy(u) && sess.UserID != nil {
		return errs.ErrNotFound
	}
	if !slices.Contains(sess.ShownIDs(), threadID) {
		return errs.ErrNotFound
	}
	if sess.Outcome != Open {
		return nil // a second click changes nothing
	}
	now := s.now()
	res := s.db.Conn(ctx).Model(&Session{}).Where("id = ? AND outcome = ?", sess.ID, Open).
		Updates(map[string]any{"outcome": Found, "found_thread_id": threadID, "ended_at": now, "updated_at": now})
	if res.Error != nil {
		return wrap("found", res.Error)
	}
	sess.Outcome, sess.FoundThreadID, sess.EndedAt = Found, &threadID, &now
	return nil
}

// ExpireSessions records as abandoned every open session past its end.
func (s *Service) ExpireSessions(ctx context.Context) error {
	now := s.now()
	err := s.db.Conn(ctx).Exec("UPDATE ask_sessions SET outcome = ?, ended_at = expires_at, updated_at = ? WHERE outcome = ? AND expires_at <= ?",
		Abandoned, now, Open, now).Error
	return wrap("expire", err)
}

func newToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func parseIDs(s string) []int64 {
	var out []int64
	for _, f := range strings.Fields(s) {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, " ")
}

func union(a, b []int64) []int64 {
	out := slices.Clone(a)
	for _, id := range b {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("ask: %s: %w", op, err)
}

// Now is the service's clock, for pages that say whether a session ended.
func (s *Service) Now() time.Time { return s.now() }

// Walk does steps 1 and 2 for u at once — the sentence, its results found
// and shown — as the demo, the generator and tests do before Post.
func (s *Service) Walk(ctx context.Context, u *accounts.User, sentence string) (*Session, error) {
	sess, err := s.Start(ctx, u, "", sentence)
	if err != nil {
		return nil, err
	}
	return sess, s.MarkShown(ctx, sess)
}

// DB is the database the service writes to, for tests' checks.
func (s *Service) DB() *db.DB { return s.db }
