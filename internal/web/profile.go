package web

import (
	"net/http"

	"entraide/internal/accounts"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type profilePage struct {
	Layout
	Member  *accounts.User
	Threads []forum.ThreadSummary
}

func (s *Server) showProfile(c echo.Context) error {
	ctx := c.Request().Context()
	member, err := s.accounts.ByUsername(ctx, c.Param("username"))
	if err != nil {
		return err
	}
	page := &profilePage{Layout: s.layout(c, ""), Member: member}
	page.Title = member.Name()
	threads, err := s.forum.UserPosts(ctx, page.user, member.ID, 20)
	if err != nil {
		return err
	}
	page.Threads = threads
	return s.render(c, http.StatusOK, "users/show", page)
}
