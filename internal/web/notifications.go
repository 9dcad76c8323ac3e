package web

import (
	"net/http"
	"strconv"

	"entraide/internal/notify"

	"github.com/labstack/echo/v4"
)

type notificationsPage struct {
	Layout
	List *notify.Page
}

// Text is a notification's sentence in the reader's language: the catalog
// entry of its kind, with the count of grouped actors, the last actor's name
// and the subject's title. A kind added later brings its own entry and
// needs nothing here.
func (p *notificationsPage) Text(n notify.Notification) string {
	name := n.ActorName
	if name == "" {
		name = p.T("notify.someone")
	}
	return p.N("notify.kind."+string(n.Kind), n.ActorCount, name, n.Title)
}

// ThanksActions reports whether a notification offers Merci and the
// solution beside it: a single reply to the reader's question.
func (p *notificationsPage) ThanksActions(n notify.Notification) bool {
	return n.Kind == notify.KindReply && n.PostID != nil && n.ActorCount == 1
}

func (s *Server) showNotifications(c echo.Context) error {
	page := 1
	if raw := c.QueryParam("page"); raw != "" {
		var err error
		if page, err = strconv.Atoi(raw); err != nil || page < 1 {
			return echo.ErrNotFound
		}
	}
	list, err := s.notify.List(c.Request().Context(), currentUser(c).ID, page)
	if err != nil {
		return err
	}
	if page > 1 && len(list.Items) == 0 {
		return echo.ErrNotFound
	}
	return s.render(c, http.StatusOK, "notifications/show", &notificationsPage{Layout: s.layout(c, "notify.title"), List: list})
}

func (s *Server) markNotificationRead(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.notify.MarkRead(c.Request().Context(), currentUser(c).ID, id); err != nil {
		return err
	}
	if to := c.FormValue("open"); to != "" {
		return redirect(c, safeNext(to), "")
	}
	return redirect(c, safeNext(c.FormValue("next")), "")
}

func (s *Server) markAllNotificationsRead(c echo.Context) error {
	if err := s.notify.MarkAllRead(c.Request().Context(), currentUser(c).ID); err != nil {
		return err
	}
	return redirect(c, "/notifications", "notify.flash.all_read")
}
