package web

import (
	"net/http"

	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type sectionPage struct {
	Layout
	Section forum.Section
	Page    *forum.SectionPage
	CanOpen bool
}

func (s *Server) showSection(c echo.Context) error {
	ctx := c.Request().Context()
	sec, err := s.forum.SectionBySlug(ctx, currentUser(c), c.Param("section"))
	if err != nil {
		return err
	}
	var after, before *forum.Cursor
	if cur, ok := forum.ParseCursor(c.QueryParam("after")); ok {
		after = &cur
	} else if cur, ok := forum.ParseCursor(c.QueryParam("before")); ok {
		before = &cur
	}
	page := &sectionPage{Layout: s.layout(c, ""), Section: *sec}
	page.Title = sec.Name
	page.CanOpen = page.User != nil && !sec.Archived
	if page.Page, err = s.forum.SectionThreads(ctx, sec, after, before); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "sections/show", page)
}
