package web

import (
	"net/http"
	"net/url"
	"strconv"

	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/moderation"
	"entraide/internal/modlog"

	"github.com/labstack/echo/v4"
)

// logActions are the actions /mod/log filters on, in its menu's order.
var logActions = []modlog.Action{forum.ActClose, forum.ActReopen, forum.ActDuplicate, forum.ActLock, forum.ActUnlock, forum.ActPin, forum.ActUnpin,
	forum.ActMove, forum.ActRetitle, forum.ActHide, forum.ActRestore, moderation.ActFlagsDismiss, moderation.ActSuspend, moderation.ActLift,
	moderation.ActPromote}

type modLogPage struct {
	Layout
	Form    valuesForm
	Lines   []modlog.Line
	Page    int
	More    bool
	Actions []modlog.Action
	filter  url.Values
}

// ActionName is the text of an action.
func (p *modLogPage) ActionName(a modlog.Action) string { return p.T("modlog.action." + string(a)) }

// PageURL is the address of page n with the same filters.
func (p *modLogPage) PageURL(n int) string {
	q := url.Values{}
	for k, v := range p.filter {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(n))
	return "/mod/log?" + q.Encode()
}

// showModLog lists the moderation log, filtered by moderator, person and
// action (the people by username).
func (s *Server) showModLog(c echo.Context) error {
	ctx := c.Request().Context()
	form := newForm(c, "moderator", "person", "action")
	page := &modLogPage{Layout: s.layout(c, "moderation.log.title"), Form: form, Page: 1, Actions: logActions, filter: url.Values{}}
	if raw := c.QueryParam("page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return errs.ErrNotFound
		}
		page.Page = n
	}
	f := modlog.Filter{Action: modlog.Action(form.Get("action"))}
	for field, dest := range map[string]*int64{"moderator": &f.ActorID, "person": &f.UserID} {
		name := form.Get(field)
		if name == "" {
			continue
		}
		page.filter.Set(field, name)
		u, err := s.accounts.ByUsername(ctx, name)
		if err == errs.ErrNotFound {
			form.Errors[field] = page.T("moderation.log.no_such_person")
			return s.render(c, http.StatusOK, "mod/log", page)
		}
		if err != nil {
			return err
		}
		*dest = u.ID
	}
	if f.Action != "" {
		page.filter.Set("action", string(f.Action))
	}
	var err error
	if page.Lines, page.More, err = s.modlog.List(ctx, f, page.Page); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/log", page)
}
