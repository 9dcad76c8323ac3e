package replies

import (
	"sync"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/fresh"
)

// titleCache keeps the reply box's titles per instance, so that a member's
// thread page reads no statement for them. A member's own titles are kept
// under her CannedRev, which every change to them moves in its
// transaction: the page reads her row anyway, so a kept list is never
// older than the row it is checked against. The team's set is kept for a
// second, like the rules (a change made here is seen at once, one made on
// another instance within a second).
type titleCache struct {
	mu   sync.RWMutex
	mine map[int64]ownTitles // by member id
	team *fresh.Value[[]Reply]
}

type ownTitles struct {
	rev  int
	list []Reply
}

// maxKept bounds the members whose titles are kept: a few hundred bytes
// each, so a few MB at most. When full, the whole map is dropped: the
// members reading now fill it again, one statement each.
const maxKept = 20000

func newTitleCache() *titleCache {
	return &titleCache{mine: map[int64]ownTitles{}, team: fresh.New[[]Reply](time.Second)}
}

// get returns u's titles then the team's. When hers are not kept, both are
// read in one statement (readBoth); else the team's come from their own
// cache (readTeam).
func (c *titleCache) get(u *accounts.User, readBoth, readTeam func() ([]Reply, error)) ([]Reply, error) {
	c.mu.RLock()
	own, ok := c.mine[u.ID]
	c.mu.RUnlock()
	if !ok || own.rev != u.CannedRev {
		list, err := readBoth()
		if err != nil {
			return nil, err
		}
		n := 0
		for n < len(list) && !list[n].Team() {
			n++
		}
		c.mu.Lock()
		if len(c.mine) >= maxKept {
			clear(c.mine)
		}
		c.mine[u.ID] = ownTitles{rev: u.CannedRev, list: list[:n:n]}
		c.mu.Unlock()
		return list, nil
	}
	team, err := c.team.Get(readTeam)
	if err != nil {
		return nil, err
	}
	if len(own.list) == 0 {
		return team, nil
	}
	return append(own.list[:len(own.list):len(own.list)], team...), nil
}

// SetTeamTTL changes how long the team's titles are kept (0 for the tests
// that count statements).
func (s *Service) SetTeamTTL(d time.Duration) { s.titles.team.SetTTL(d) }
