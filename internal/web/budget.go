package web

import (
	"net/http"
	"sync"
	"time"

	"entraide/internal/accounts"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// Visitors' search budget. A search costs CPU (16 visitors sending costly
// similar-thread requests took the home page from 2 ms to 5.5 s), so each
// address gets a budget of searches that refills steadily; members, who
// are accountable, are not counted. The budget protects this instance's
// own CPU, so it lives in this instance's memory: unlike a log-in
// throttle, nothing is gained by sharing it, and a database write per
// search would cost more than it saves.
const (
	searchBurst      = 30               // searches an address may send at once
	searchRefill     = 2 * time.Second  // one more every two seconds
	maxTrackedBudget = 10000            // addresses remembered at most
	idleBudget       = 10 * time.Minute // an address unseen this long is forgotten
)

type searchBudget struct {
	mu       sync.Mutex
	byAddr   map[string]*budgetEntry
	overflow *rate.Limiter // shared by addresses beyond maxTrackedBudget
}

type budgetEntry struct {
	limiter *rate.Limiter
	seen    time.Time
}

func newSearchBudget() *searchBudget {
	return &searchBudget{byAddr: map[string]*budgetEntry{}, overflow: rate.NewLimiter(rate.Every(searchRefill), searchBurst)}
}

// allow spends one search of addr's budget, if any is left.
func (b *searchBudget) allow(addr string, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	e, ok := b.byAddr[addr]
	if !ok {
		if len(b.byAddr) >= maxTrackedBudget {
			for k, old := range b.byAddr {
				if now.Sub(old.seen) > idleBudget {
					delete(b.byAddr, k)
				}
			}
		}
		if len(b.byAddr) >= maxTrackedBudget {
			return b.overflow.AllowN(now, 1)
		}
		e = &budgetEntry{limiter: rate.NewLimiter(rate.Every(searchRefill), searchBurst)}
		b.byAddr[addr] = e
	}
	e.seen = now
	return e.limiter.AllowN(now, 1)
}

// visitorSearchBudget answers 429 to a visitor whose address spent its
// budget, with a message saying to wait or log in.
func (s *Server) visitorSearchBudget(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c) == nil && !s.budget.allow(accounts.AddressKey(c.RealIP()), time.Now()) {
			c.Response().Header().Set("Retry-After", "10")
			return echo.NewHTTPError(http.StatusTooManyRequests, "errors.search_budget")
		}
		return next(c)
	}
}
