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
	// DirectOpen: members open threads directly; newcomers go through /ask.
	DirectOpen bool
}

func (s *Server) showSection(c echo.Context) error {
	ctx := c.Request().Context()
	sec, err := s.sectionBySlug(c, c.Param("section"))
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
	page.CanOpen = page.user != nil && !sec.Archived
	page.DirectOpen = forum.CanOpenThreadIn(page.user, sec)
	list, err := s.forum.SectionThreads(ctx, sec, after, before)
	if err != nil {
		return err
	}
	if before != nil && list.Newer == nil {
		// Back at the top: the first page, with its pinned threads, has
		// one address.
		return c.Redirect(http.StatusSeeOther, "/s/"+sec.Slug)
	}
	page.Page = list
	return s.render(c, http.StatusOK, "sections/show", page)
}

// sectionBySlug finds the section among those the reader may read, which
// the layout loads anyway; the forum is asked only when it is not there, to
// tell a missing section from a failure.
func (s *Server) sectionBySlug(c echo.Context, slug string) (*forum.Section, error) {
	if sections, err := s.sections(c); err == nil {
		for i := range sections {
			if sections[i].Slug == slug {
				sec := sections[i]
				return &sec, nil
			}
		}
	}
	return s.forum.SectionBySlug(c.Request().Context(), currentUser(c), slug)
}
