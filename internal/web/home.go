package web

import (
	"net/http"

	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type homePage struct {
	Layout
	Latest []forum.ThreadSummary
}

func (s *Server) showHome(c echo.Context) error {
	page := &homePage{Layout: s.layout(c, "")}
	latest, err := s.forum.LatestThreads(c.Request().Context(), page.user, 20)
	if err != nil {
		return err
	}
	page.Latest = latest
	return s.render(c, http.StatusOK, "home/show", page)
}
