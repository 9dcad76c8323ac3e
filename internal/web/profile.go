package web

import (
	"html/template"
	"net/http"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type profilePage struct {
	Layout
	Member  MemberView
	Profile *accounts.Profile
	Threads []forum.ThreadSummary
}

// Bio is the member's bio as internal/markup rendered and sanitised it when
// it was saved, as a post's body is.
func (p *profilePage) Bio() template.HTML { return p.Profile.BioHTML.Safe() }

// Own reports whether the reader is the member shown.
func (p *profilePage) Own() bool { return p.user != nil && p.user.ID == p.Member.ID }

func (s *Server) showProfile(c echo.Context) error {
	ctx := c.Request().Context()
	member, err := s.accounts.ByUsername(ctx, c.Param("username"))
	if err != nil {
		return err
	}
	page := &profilePage{Layout: s.layout(c, ""), Member: memberViewOf(member, time.Now())}
	page.Title = member.Name()
	if page.Profile, err = s.profiles.Of(ctx, member.ID); err != nil {
		return err
	}
	threads, err := s.forum.UserPosts(ctx, page.user, member.ID, 20)
	if err != nil {
		return err
	}
	page.Threads = threads
	return s.render(c, http.StatusOK, "users/show", page)
}
