package web

import (
	"errors"
	"net/http"

	"entraide/internal/accounts"
	"entraide/internal/i18n"

	"github.com/labstack/echo/v4"
)

// registerInput is the registration form; the log-in form is loginInput.
type registerInput struct {
	Username string `form:"username"`
	Email    string `form:"email"`
	Password string `form:"password"` // never shown again (the password partial)
	Confirm  string `form:"confirm"`
	Next     string `form:"next"`
}

type loginInput struct {
	Login    string `form:"login"` // a username or an email
	Password string `form:"password"`
	Next     string `form:"next"`
}

// accountPage is the registration page (I is registerInput) and the log-in
// page (loginInput).
type accountPage[I any] struct {
	Layout
	Form Form[I]
	Next string
}

func (s *Server) newRegistration(c echo.Context) error {
	page := &accountPage[registerInput]{Layout: s.layout(c, "register.title"), Form: formOf(registerInput{}), Next: safeNext(c.QueryParam("next"))}
	return s.render(c, http.StatusOK, "accounts/register", page)
}

func (s *Server) createRegistration(c echo.Context) error {
	form := readForm[registerInput](c)
	in := form.Input
	u, err := s.accounts.Register(c.Request().Context(), accounts.Registration{
		Username: in.Username, Email: in.Email, Password: in.Password, Confirm: in.Confirm,
		Locale: stateOf(c).tr.Locale, IP: c.RealIP(),
	})
	if err != nil {
		page := &accountPage[registerInput]{Layout: s.layout(c, "register.title"), Form: form, Next: safeNext(in.Next)}
		return busy(s.formAgain(c, err, form, &page.Layout, "accounts/register", page))
	}
	if err := logIn(c, u); err != nil {
		return err
	}
	return redirect(c, safeNext(in.Next), "flash.welcome")
}

func (s *Server) newLogin(c echo.Context) error {
	page := &accountPage[loginInput]{Layout: s.layout(c, "login.title"), Form: formOf(loginInput{}), Next: safeNext(c.QueryParam("next"))}
	return s.render(c, http.StatusOK, "accounts/login", page)
}

func (s *Server) createLogin(c echo.Context) error {
	form := readForm[loginInput](c)
	next := safeNext(form.Input.Next)
	u, err := s.accounts.LogIn(c.Request().Context(), accounts.LogIn{Login: form.Input.Login, Password: form.Input.Password,
		IP: c.RealIP(), Device: s.device(c)})
	if err != nil {
		page := &accountPage[loginInput]{Layout: s.layout(c, "login.title"), Form: form, Next: next}
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

type passwordInput struct {
	Current  string `form:"current"`
	Password string `form:"password"`
	Confirm  string `form:"confirm"`
}

type settingsPage struct {
	Layout
	Form Form[passwordInput]
}

func (s *Server) showSettings(c echo.Context) error {
	page := &settingsPage{Layout: s.layout(c, "settings.title"), Form: formOf(passwordInput{})}
	return s.render(c, http.StatusOK, "accounts/settings", page)
}

func (s *Server) updatePassword(c echo.Context) error {
	form := readForm[passwordInput](c)
	in := form.Input
	u, err := s.accounts.ChangePassword(c.Request().Context(), currentUser(c), in.Current, in.Password, in.Confirm)
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
