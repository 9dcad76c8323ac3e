// Package fresh keeps a value read from the database for a short while,
// per instance: the rules' values and the watched words, which every post
// checks. A change saved on this instance applies at once (Forget); one
// saved on another instance applies once the value is older than its TTL.
package fresh

import (
	"sync"
	"time"
)

// Value is one cached value of type T. gen counts the changes forgotten
// here, so that a read that started before one does not keep what it read.
type Value[T any] struct {
	mu    sync.Mutex
	v     T
	valid bool
	at    time.Time
	gen   uint64
	ttl   time.Duration
	now   func() time.Time
}

// New returns a value kept for ttl after each read.
func New[T any](ttl time.Duration) *Value[T] { return &Value[T]{ttl: ttl, now: time.Now} }

// Get returns the value when it is fresh, else what load reads (kept for
// the next callers unless a change was forgotten meanwhile). What it
// returns is shared: read it, never change it.
func (c *Value[T]) Get(load func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.valid && c.now().Sub(c.at) < c.ttl {
		v := c.v
		c.mu.Unlock()
		return v, nil
	}
	gen := c.gen
	c.mu.Unlock()
	v, err := load()
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	if c.gen == gen && c.ttl > 0 {
		c.v, c.valid, c.at = v, true, c.now()
	}
	c.mu.Unlock()
	return v, nil
}

// Forget drops the value, and any read under way: the next Get reads.
func (c *Value[T]) Forget() {
	c.mu.Lock()
	var zero T
	c.v, c.valid = zero, false
	c.gen++
	c.mu.Unlock()
}

// SetTTL changes how long the value is kept (0: read on every Get, for the
// tests that count statements).
func (c *Value[T]) SetTTL(d time.Duration) {
	c.mu.Lock()
	c.ttl = d
	c.mu.Unlock()
	c.Forget()
}

// SetClock replaces the clock the value ages by, for tests that let
// another instance's TTL pass.
func (c *Value[T]) SetClock(now func() time.Time) {
	c.mu.Lock()
	c.now = now
	c.mu.Unlock()
}
