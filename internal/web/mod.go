package web

import (
	"net/http"

	"entraide/internal/ask"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type modPage struct {
	Layout
	Flags int // reported posts waiting for a decision
	Queue int // posts waiting for approval
}

// showMod is the moderators' area: its home lists what they can look at,
// with what waits in each queue (the header's link shows the sum).
func (s *Server) showMod(c echo.Context) error {
	ctx := c.Request().Context()
	page := &modPage{Layout: s.layout(c, "mod.title")}
	var err error
	if page.Flags, err = s.moderation.Waiting(ctx); err != nil {
		return err
	}
	queued, err := s.approval.Count(ctx)
	if err != nil {
		return err
	}
	page.Queue = int(queued)
	return s.render(c, http.StatusOK, "mod/show", page)
}

type modAskPage struct {
	Layout
	Periods    []*ask.Figures
	Unanswered []forum.ThreadSummary
}

// unansweredLimit is how many unanswered questions /mod/ask lists.
const unansweredLimit = 30

// showModAsk shows what the ask flow answered: for the last 7 and 30 days,
// how sessions ended, the sentences that became threads (missing guides),
// the guides that answered, and the newcomers' questions left unanswered.
func (s *Server) showModAsk(c echo.Context) error {
	ctx := c.Request().Context()
	page := &modAskPage{Layout: s.layout(c, "mod.ask.title")}
	for _, days := range []int{7, 30} {
		f, err := s.ask.Figures(ctx, days)
		if err != nil {
			return err
		}
		page.Periods = append(page.Periods, f)
	}
	var err error
	if page.Unanswered, err = s.ask.Unanswered(ctx, unansweredLimit); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/ask", page)
}
