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

// logFilterInput is the log's filters (a GET form): people by username.
type logFilterInput struct {
	Moderator string `form:"moderator"`
	Person    string `form:"person"`
	Action    string `form:"action"`
}

type modLogPage struct {
	Layout
	Form    Form[logFilterInput]
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
	form := readForm[logFilterInput](c)
	page := &modLogPage{Layout: s.layout(c, "moderation.log.title"), Form: form, Page: 1, Actions: logActions, filter: url.Values{}}
	if raw := c.QueryParam("page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return errs.ErrNotFound
		}
		page.Page = n
	}
	f := modlog.Filter{Action: modlog.Action(form.Input.Action)}
	people := []struct {
		field, name string
		id          *int64
	}{{"moderator", form.Input.Moderator, &f.ActorID}, {"person", form.Input.Person, &f.UserID}}
	for _, p := range people {
		if p.name == "" {
			continue
		}
		page.filter.Set(p.field, p.name)
		u, err := s.accounts.ByUsername(ctx, p.name)
		if err == errs.ErrNotFound {
			form.Errors[p.field] = page.T("moderation.log.no_such_person")
			return s.render(c, http.StatusOK, "mod/log", page)
		}
		if err != nil {
			return err
		}
		*p.id = u.ID
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
