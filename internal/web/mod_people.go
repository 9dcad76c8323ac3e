package web

import (
	"net/http"
	"strconv"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/moderation"

	"github.com/labstack/echo/v4"
)

// The moderators' page about one person: suspend with a reason and an
// end, lift the suspension, promote a newcomer.

// suspendInput is the form suspending a member.
type suspendInput struct {
	Days   string `form:"days"` // parsed by suspendUser
	Reason string `form:"reason"`
}

type modUserPage struct {
	Layout
	Member MemberView
	Form   Form[suspendInput]
	CanAct bool // the reader may act on this person
}

// Suspended reports whether the member is suspended now.
func (p *modUserPage) Suspended() bool { return p.Member.SuspendedUntil != nil }

func (s *Server) memberParam(c echo.Context) (*accounts.User, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	return s.accounts.ByID(c.Request().Context(), id)
}

func (s *Server) modUserPage(c echo.Context, m *accounts.User, form Form[suspendInput]) *modUserPage {
	page := &modUserPage{Layout: s.layout(c, "moderation.user.title", m.Name()), Member: memberViewOf(m, time.Now()), Form: form}
	page.CanAct = moderation.CanActOn(page.user, m)
	return page
}

func (s *Server) showModUser(c echo.Context) error {
	m, err := s.memberParam(c)
	if err != nil {
		return err
	}
	form := readForm[suspendInput](c)
	form.Input.Days = "7"
	return s.render(c, http.StatusOK, "mod/user", s.modUserPage(c, m, form))
}

func modUserURL(id int64) string { return "/mod/users/" + strconv.FormatInt(id, 10) }

func (s *Server) suspendUser(c echo.Context) error {
	m, err := s.memberParam(c)
	if err != nil {
		return err
	}
	form := readForm[suspendInput](c)
	days, _ := strconv.Atoi(form.Input.Days)
	if err := s.moderation.Suspend(c.Request().Context(), currentUser(c), m.ID, days, form.Input.Reason); err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return redirect(c, modUserURL(m.ID), refusalKey(err))
		}
		page := s.modUserPage(c, m, form)
		return s.formAgain(c, err, form, &page.Layout, "mod/user", page)
	}
	return redirect(c, modUserURL(m.ID), "moderation.flash.suspended")
}

func (s *Server) liftSuspension(c echo.Context) error {
	m, err := s.memberParam(c)
	if err != nil {
		return err
	}
	err = s.moderation.Lift(c.Request().Context(), currentUser(c), m.ID)
	return s.afterAction(c, err, modUserURL(m.ID), "moderation.flash.lifted", nil)
}

func (s *Server) promoteUser(c echo.Context) error {
	m, err := s.memberParam(c)
	if err != nil {
		return err
	}
	err = s.moderation.Promote(c.Request().Context(), currentUser(c), m.ID)
	return s.afterAction(c, err, modUserURL(m.ID), "moderation.flash.promoted", nil)
}
