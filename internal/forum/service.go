package forum

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entraide/internal/db"
	"entraide/internal/markup"
	"entraide/internal/settings"

	"gorm.io/gorm"
)

// Renderer turns a post's Markdown into sanitised HTML (internal/markup).
type Renderer interface {
	Render(markdown string) (markup.HTML, error)
}

// Indexer keeps another store in step with posts, inside the same
// transaction as the write (search implements it). Nil means none.
type Indexer interface {
	PostSaved(tx *gorm.DB, t *Thread, p *Post) error
	PostRemoved(tx *gorm.DB, t *Thread, p *Post) error
	ThreadChanged(tx *gorm.DB, t *Thread) error
}

// Members keeps the members' own counters (internal/accounts owns the
// users table); its methods join the transaction the context carries.
type Members interface {
	AddPostCounts(ctx context.Context, userID int64, threads, replies int) error
	AddThankCounts(ctx context.Context, userID int64, received, given, solutions int) error
}

// Service is the forum domain.
type Service struct {
	db      *db.DB
	members Members
	render  Renderer
	index   Indexer
	notes   Notifier        // thanks.go
	rules   *settings.Store // acknowledge.go
	gate    ThreadGate
	// postRules checks every new post in its transaction (postrules.go).
	postRules PostRules
	promoter  Promoter // postrules.go
	holder    Holder   // postrules.go
	modlog    ModLog   // moderation.go
	now       func() time.Time
	// sections caches the section list for a second (sectioncache.go).
	sections sectionCache
}

// New returns the forum service. index may be nil.
func New(d *db.DB, members Members, render Renderer, index Indexer) *Service {
	return &Service{db: d, members: members, render: render, index: index, now: func() time.Time {
		return time.Now().UTC().Truncate(time.Microsecond)
	}, sections: sectionCache{ttl: SectionsTTL}}
}

// SetClock replaces the clock, for tests and the data generator.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

func notFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("forum: %s: %w", op, err)
}

// tx runs every forum write; each may change a section's counters, so the
// section list is read afresh afterwards.
func (s *Service) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	defer s.sections.invalidate()
	return s.db.WithTx(ctx, fn)
}
