package web

import (
	"errors"
	"net/http"

	"entraide/internal/accounts"
	"entraide/internal/i18n"

	"github.com/labstack/echo/v4"
)

type accountPage struct {
	Layout
	Form valuesForm
	Next string
}

func (s *Server) newRegistration(c echo.Context) error {
	page := &accountPage{Layout: s.layout(c, "register.title"), Form: newForm(c), Next: safeNext(c.QueryParam("next"))}
	return s.render(c, http.StatusOK, "accounts/register", page)
}

func (s *Server) createRegistration(c echo.Context) error {
	form := newForm(c, "username", "email")
	u, err := s.accounts.Register(c.Request().Context(), accounts.Registration{
		Username: form.Get("username"), Email: form.Get("email"),
		Password: c.FormValue("password"), Confirm: c.FormValue("confirm"), Locale: stateOf(c).tr.Locale, IP: c.RealIP(),
	})
	if err != nil {
		page := &accountPage{Layout: s.layout(c, "register.title"), Form: form, Next: safeNext(c.FormValue("next"))}
		return busy(s.formAgain(c, err, form, &page.Layout, "accounts/register", page))
	}
	if err := logIn(c, u); err != nil {
		return err
	}
	return redirect(c, safeNext(c.FormValue("next")), "flash.welcome")
}

func (s *Server) newLogin(c echo.Context) error {
	page := &accountPage{Layout: s.layout(c, "login.title"), Form: newForm(c), Next: safeNext(c.QueryParam("next"))}
	return s.render(c, http.StatusOK, "accounts/login", page)
}

func (s *Server) createLogin(c echo.Context) error {
	form := newForm(c, "login")
	next := safeNext(c.FormValue("next"))
	u, err := s.accounts.LogIn(c.Request().Context(), accounts.LogIn{Login: form.Get("login"), Password: c.FormValue("password"),
		IP: c.RealIP(), Device: s.device(c)})
	if err != nil {
		page := &accountPage{Layout: s.layout(c, "login.title"), Form: form, Next: next}
		switch {
		case errors.Is(err, accounts.ErrBadCredentials):
			form.Errors[""] = page.T("login.bad_credentials")
		case errors.Is(err, accounts.ErrThrottled):
			form.Errors[""] = throttledMessage(&page.Layout, err)
			return s.render(c, http.StatusTooManyRequests, "accounts/login", page)
		default:
			return busy(err)
		}
		return s.render(c, http.StatusUnprocessableEntity, "accounts/login", page)
	}
	if err := logIn(c, u); err != nil {
		return err
	}
	s.rememberDevice(c, u)
	return redirect(c, next, "flash.logged_in")
}

// logout ends every session of the member, not only this cookie: a copied
// cookie must not outlive a log-out.
func (s *Server) logout(c echo.Context) error {
	if err := s.accounts.EndSessions(c.Request().Context(), currentUser(c).ID); err != nil {
		return err
	}
	if err := logOut(c); err != nil {
		return err
	}
	return redirect(c, "/", "flash.logged_out")
}

type settingsPage struct {
	Layout
	Form valuesForm
}

func (s *Server) showSettings(c echo.Context) error {
	page := &settingsPage{Layout: s.layout(c, "settings.title"), Form: newForm(c)}
	return s.render(c, http.StatusOK, "accounts/settings", page)
}

func (s *Server) updatePassword(c echo.Context) error {
	form := newForm(c)
	u, err := s.accounts.ChangePassword(c.Request().Context(), currentUser(c), c.FormValue("current"), c.FormValue("password"), c.FormValue("confirm"))
	if err != nil {
		page := &settingsPage{Layout: s.layout(c, "settings.title"), Form: form}
		return busy(s.formAgain(c, err, form, &page.Layout, "accounts/settings", page))
	}
	// This session lives on with the new version; every other one is dead.
	if err := logIn(c, u); err != nil {
		return err
	}
	return redirect(c, "/settings", "flash.password_changed")
}

// updateLocale switches the interface language: remembered on the account
// for members, in the session for visitors.
func (s *Server) updateLocale(c echo.Context) error {
	locale := c.FormValue("locale")
	if !i18n.Supported(locale) {
		return echo.NewHTTPError(http.StatusBadRequest, "errors.bad_request")
	}
	st := stateOf(c)
	if st.user != nil {
		if err := s.accounts.SetLocale(c.Request().Context(), st.user.ID, locale); err != nil {
			return err
		}
	}
	st.session.Values[keyLocale] = locale
	if err := saveSession(c); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, safeNext(c.FormValue("next")))
}
