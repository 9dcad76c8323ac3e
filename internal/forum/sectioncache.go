package forum

import (
	"sync"
	"time"
)

// SectionsTTL is how long an instance lists the sections — names, order,
// read roles, counters — without reading them again. Every page lists them
// in its header, so the cache saves a query on every page; the price is
// that a change made through another instance sharing the database shows
// here up to a second later (docs/performance.md). Changes made through
// this instance's service show at once: every forum write ends the cache.
const SectionsTTL = time.Second

type sectionCache struct {
	mu   sync.Mutex
	ttl  time.Duration
	list []Section // every section, unfiltered
	at   time.Time
	gen  uint64 // moved by every write, so a read that raced one is not kept
}

// get returns the cached sections if fresh, and the generation to hand back
// to put after a read.
func (c *sectionCache) get(now time.Time) ([]Section, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && now.Sub(c.at) < c.ttl {
		return c.list, c.gen, true
	}
	return nil, c.gen, false
}

// put keeps list, read at now, unless a write happened since get.
func (c *sectionCache) put(list []Section, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.list, c.at = list, now
	}
}

// SetSectionsTTL replaces SectionsTTL; 0 reads the sections on every call,
// as tests counting a page's statements want.
func (s *Service) SetSectionsTTL(ttl time.Duration) {
	s.sections.mu.Lock()
	s.sections.ttl = ttl
	s.sections.mu.Unlock()
}

func (c *sectionCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list = nil
	c.gen++
}
