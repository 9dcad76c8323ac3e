// Package throttle counts attempts in the database — log-ins, password
// checks, registrations — so that every instance sharing it sees the same
// counts, and turns the counts into a back-off: after a few free attempts
// each further one must wait longer, up to a ceiling. A refused attempt is
// never counted, so hammering a throttled key cannot extend its wait.
//
// Counters are aggregates (one row per scope, key and window), and rows
// past their window are deleted on every write: the table holds at most one
// row per key in use, however many requests arrive.
package throttle

import (
	"context"
	"fmt"
	"time"

	"entraide/internal/db"

	"gorm.io/gorm"
)

// Rule says how many attempts a key gets in a window before it must wait,
// and how that wait grows.
type Rule struct {
	Scope  string        // what is counted: "login-account", "register-ip"…
	Window time.Duration // counts start afresh at each window's start
	Free   int           // attempts allowed with no wait
	// Base is the wait after the first attempt past Free; each further
	// attempt doubles it, up to Max. Base 0 means no back-off: past Free,
	// the key waits for the next window.
	Base, Max time.Duration
}

// Store reads and writes the counters.
type Store struct {
	db  *db.DB
	now func() time.Time
}

// New returns a Store on d; now is the clock (time.Now outside tests).
func New(d *db.DB, now func() time.Time) *Store { return &Store{db: d, now: now} }

// Count is a key's attempts in the current window.
type Count struct {
	Hits int
	Last time.Time
}

// Wait is how long the key must wait before its next attempt under r, or 0.
func (r Rule) Wait(c Count, now time.Time) time.Duration {
	if c.Hits < r.Free {
		return 0
	}
	until := r.windowStart(now).Add(r.Window)
	if r.Base > 0 {
		delay := r.Max
		if n := c.Hits - r.Free; n < 30 {
			delay = min(r.Base<<n, r.Max)
		}
		until = c.Last.Add(delay)
	}
	if wait := until.Sub(now); wait > 0 {
		return wait
	}
	return 0
}

func (r Rule) windowStart(now time.Time) time.Time {
	w := int64(r.Window / time.Second)
	return time.Unix(now.Unix()/w*w, 0)
}

type row struct {
	Hits   int64
	LastAt int64
}

// Peek returns the key's count without changing it.
func (s *Store) Peek(ctx context.Context, r Rule, key string) (Count, error) {
	var rows []row
	err := s.db.Conn(ctx).Raw("SELECT hits, last_at FROM throttle_counters WHERE scope = ? AND key = ? AND window_start = ?",
		r.Scope, key, r.windowStart(s.now()).Unix()).Scan(&rows).Error
	if err != nil {
		return Count{}, fmt.Errorf("throttle: peek %s: %w", r.Scope, err)
	}
	if len(rows) == 0 {
		return Count{}, nil
	}
	return Count{Hits: int(rows[0].Hits), Last: time.Unix(rows[0].LastAt, 0)}, nil
}

// Take counts an attempt for key unless the key must wait: it returns the
// wait then, and counts nothing. Reading and counting are one transaction
// (SQLite's writer queue, a row lock on PostgreSQL), so attempts sent all at
// once each see the others. Expired rows are deleted on the way.
func (s *Store) Take(ctx context.Context, r Rule, key string) (time.Duration, error) {
	now := s.now()
	start := r.windowStart(now).Unix()
	var wait time.Duration
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM throttle_counters WHERE expires_at < ?", now.Unix()).Error; err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO throttle_counters (scope, key, window_start, hits, last_at, expires_at) VALUES (?, ?, ?, 0, 0, ?) "+
			"ON CONFLICT (scope, key, window_start) DO NOTHING", r.Scope, key, start, start+int64(r.Window/time.Second)).Error; err != nil {
			return err
		}
		lock := ""
		if s.db.Dialect == db.Postgres {
			lock = " FOR UPDATE"
		}
		var rows []row
		if err := tx.Raw("SELECT hits, last_at FROM throttle_counters WHERE scope = ? AND key = ? AND window_start = ?"+lock,
			r.Scope, key, start).Scan(&rows).Error; err != nil {
			return err
		}
		var c Count
		if len(rows) > 0 {
			c = Count{Hits: int(rows[0].Hits), Last: time.Unix(rows[0].LastAt, 0)}
		}
		if wait = r.Wait(c, now); wait > 0 {
			return nil
		}
		return tx.Exec("UPDATE throttle_counters SET hits = hits + 1, last_at = ? WHERE scope = ? AND key = ? AND window_start = ?",
			now.Unix(), r.Scope, key, start).Error
	})
	if err != nil {
		return 0, fmt.Errorf("throttle: take %s: %w", r.Scope, err)
	}
	return wait, nil
}

// Release gives back one attempt of the current window (one that turned
// out not to be a failure).
func (s *Store) Release(ctx context.Context, r Rule, key string) error {
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("UPDATE throttle_counters SET hits = hits - 1 WHERE scope = ? AND key = ? AND window_start = ? AND hits > 0",
			r.Scope, key, r.windowStart(s.now()).Unix()).Error
	})
	if err != nil {
		return fmt.Errorf("throttle: release %s: %w", r.Scope, err)
	}
	return nil
}

// Clear forgets every count of key under r's scope.
func (s *Store) Clear(ctx context.Context, r Rule, key string) error {
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM throttle_counters WHERE scope = ? AND key = ?", r.Scope, key).Error
	})
	if err != nil {
		return fmt.Errorf("throttle: clear %s: %w", r.Scope, err)
	}
	return nil
}
