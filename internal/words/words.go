// Package words keeps the watched words: words or phrases, with "*" as a
// wildcard inside a word, that moderators watch for in posts and titles,
// whatever their accents and case. Each either blocks the post or masks the
// word. Moderators and admins are not subject to them (internal/limits
// applies them).
package words

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/fresh"
)

// Action is what a watched word does to a post.
type Action string

// The actions.
const (
	Block   Action = "block"
	Masking Action = "mask"
	// Queue lets the post through to the approval queue (internal/approval).
	Queue Action = "queue"
)

// Actions lists them, in the order of the form.
var Actions = []Action{Block, Queue, Masking}

// MaxPattern bounds a pattern's length.
const MaxPattern = 100

// Word is a watched word.
type Word struct {
	ID         int64
	Pattern    string
	PatternKey string
	Action     Action
	CreatedBy  *int64
	CreatedAt  time.Time
}

// TableName is the words' table.
func (Word) TableName() string { return "watched_words" }

// Service stores the watched words.
type Service struct {
	db    *db.DB
	now   func() time.Time
	cache *fresh.Value[[]Word]
}

// CacheFor is how long an instance keeps the list Check reads: every post
// is checked against it. A change made on this instance applies at once
// (Add and Delete forget the list); one made on another instance applies
// within CacheFor.
const CacheFor = time.Second

// New returns the service on d.
func New(d *db.DB) *Service {
	return &Service{db: d, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		cache: fresh.New[[]Word](CacheFor)}
}

// SetCacheTTL changes how long Check keeps the list (0: read on every
// post, for the tests that count statements).
func (s *Service) SetCacheTTL(d time.Duration) { s.cache.SetTTL(d) }

// SetClock replaces the clock the cache ages by, for tests that let
// another instance's second pass.
func (s *Service) SetClock(now func() time.Time) { s.cache.SetClock(now) }

// watched returns the list for Check: cached when fresh, else read (in
// the transaction ctx carries, if any). The slice is shared: never change
// it.
func (s *Service) watched(ctx context.Context) ([]Word, error) {
	return s.cache.Get(func() ([]Word, error) { return s.List(ctx) })
}

// CanManage reports whether u may edit the list: moderators and admins
// who are not suspended.
func CanManage(u *accounts.User) bool { return u.ModeratesAt(time.Now()) }

// List returns every watched word, in the order of their patterns. It joins
// the transaction ctx carries.
func (s *Service) List(ctx context.Context) ([]Word, error) {
	var list []Word
	if err := s.db.Conn(ctx).Order("pattern_key").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("words: list: %w", err)
	}
	return list, nil
}

// Add watches pattern with action, for actor (a moderator).
func (s *Service) Add(ctx context.Context, actor *accounts.User, pattern string, action Action) (*Word, error) {
	if !CanManage(actor) {
		return nil, errs.ErrForbidden
	}
	pattern = strings.TrimSpace(cleantext.Line(pattern))
	key := Key(pattern)
	bad := errs.Invalid{}
	switch {
	case key == "":
		bad.Add("pattern", "words.pattern.required")
	case utf8.RuneCountInString(pattern) > MaxPattern:
		bad.Add("pattern", "words.pattern.too_long")
	case utf8.RuneCountInString(strings.NewReplacer("*", "", " ", "").Replace(key)) < 2:
		bad.Add("pattern", "words.pattern.too_short")
	}
	if action != Block && action != Masking && action != Queue {
		bad.Add("action", "words.action.invalid")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	w := &Word{Pattern: pattern, PatternKey: key, Action: action, CreatedBy: &actor.ID, CreatedAt: s.now()}
	if err := s.db.Conn(ctx).Create(w).Error; err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Invalid{"pattern": "words.pattern.taken"}
		}
		return nil, fmt.Errorf("words: add: %w", err)
	}
	s.cache.Forget()
	return w, nil
}

// Delete stops watching word id.
func (s *Service) Delete(ctx context.Context, actor *accounts.User, id int64) error {
	if !CanManage(actor) {
		return errs.ErrForbidden
	}
	res := s.db.Conn(ctx).Where("id = ?", id).Delete(&Word{})
	if res.Error != nil {
		return fmt.Errorf("words: delete: %w", res.Error)
	}
	s.cache.Forget()
	if res.RowsAffected == 0 {
		return errs.ErrNotFound
	}
	return nil
}

// Verdict is what the watched words say of a post.
type Verdict struct {
	Blocked *Word  // the first blocking word found, if any
	Queued  *Word  // the first word that sends the post to the approval queue
	Masked  []Word // the masking words found
	Title   string // the title and body with masked words replaced
	Body    string
}

// Check matches title and body against the list: cached for CacheFor,
// else one statement (in the transaction ctx carries).
func (s *Service) Check(ctx context.Context, title, body string) (Verdict, error) {
	v := Verdict{Title: title, Body: body}
	list, err := s.watched(ctx)
	if err != nil || len(list) == 0 {
		return v, err
	}
	tt, bt := tokens(title), tokens(body)
	for i := range list {
		w := list[i] // a copy: the cached list is shared
		ts, bs := find(tt, w.PatternKey), find(bt, w.PatternKey)
		if len(ts)+len(bs) == 0 {
			continue
		}
		if w.Action == Block {
			if v.Blocked == nil {
				v.Blocked = &w
			}
			continue
		}
		if w.Action == Queue {
			if v.Queued == nil {
				v.Queued = &w
			}
			continue
		}
		v.Masked = append(v.Masked, w)
	}
	if v.Blocked != nil || len(v.Masked) == 0 {
		return v, nil
	}
	// Mask one word at a time, re-reading the text each time: spans of
	// different words may overlap.
	for _, w := range v.Masked {
		v.Title = mask(v.Title, find(tokens(v.Title), w.PatternKey))
		v.Body = mask(v.Body, find(tokens(v.Body), w.PatternKey))
	}
	return v, nil
}
