package web

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/i18n"

	"github.com/labstack/echo/v4"
)

// requestLog gives each request an id and writes one structured line for it.
// The id is ours, never taken from the client, so logs cannot be forged.
func (s *Server) requestLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := &state{requestID: randomToken()[:16]}
		c.Set(stateKey, st)
		c.Response().Header().Set(echo.HeaderXRequestID, st.requestID)
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		attrs := []any{"id", st.requestID, "method", c.Request().Method, "path", c.Request().URL.Path,
			"status", c.Response().Status, "duration", time.Since(start), "ip", c.RealIP()}
		if st.user != nil {
			attrs = append(attrs, "user", st.user.ID)
		}
		s.log.Info("request", attrs...)
		return nil
	}
}

// securityHeaders forbids inline script, framing and content sniffing.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		// Pages carry a person's name and CSRF token: no shared cache may
		// keep them. Static assets set their own, public, caching.
		h.Set("Cache-Control", "private, no-cache")
		return next(c)
	}
}

// sessionless are the addresses served without a session: assets a shared
// cache may keep, and the probes of a load balancer. No cookie is set there.
func sessionless(path string) bool {
	return strings.HasPrefix(path, "/static/") || path == "/healthz" || path == "/readyz"
}

// loadSession reads the cookie and makes sure it carries a CSRF token. It
// touches no database, so the CSRF check that follows runs even when the
// database is down. A visitor's new session is saved on a safe request
// only: a cross-site POST arrives without the (SameSite=Lax) cookie, and
// answering it with a new one would log the person out.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := stateOf(c)
		if sessionless(c.Request().URL.Path) {
			st.tr = s.i18n.For(s.cfg.Locale)
			return next(c)
		}
		sess, err := s.sessions.Get(c.Request(), sessionName)
		if err != nil {
			// A cookie from an older key or tampered with: start afresh.
			sess, _ = s.sessions.New(c.Request(), sessionName)
			sess.Values = map[any]any{}
		}
		st.session = sess
		_, rewrite := sess.Values[keyRewrite] // a cookie gob wrote (session_codec.go)
		delete(sess.Values, keyRewrite)
		if safeMethod(c.Request().Method) {
			_, hasToken := sess.Values[keyCSRF].(string)
			if !hasToken {
				sess.Values[keyCSRF] = randomToken()
			}
			if !hasToken || rewrite {
				if err := sess.Save(c.Request(), c.Response()); err != nil {
					return err
				}
			}
		}
		choice, _ := sess.Values[keyLocale].(string)
		st.tr = s.i18n.For(i18n.Negotiate(choice, c.Request().Header.Get("Accept-Language"), s.cfg.Locale))
		return next(c)
	}
}

// loadUser loads the member of the session, if the session's version still
// matches theirs, and switches to the member's own language.
func (s *Server) loadUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st := stateOf(c)
		if st.session == nil {
			return next(c)
		}
		uid, ok := st.session.Values[keyUserID].(int64)
		if !ok {
			return next(c)
		}
		u, err := s.accounts.ByID(c.Request().Context(), uid)
		switch {
		case err == nil && st.session.Values[keyVersion] == u.SessionVersion:
			st.user = u
		case err == nil || errors.Is(err, errs.ErrNotFound):
			// Logged out elsewhere, password changed or account gone:
			// this copy of the cookie is dead.
			if err := logOut(c); err != nil {
				return err
			}
		default:
			return err
		}
		if st.user != nil && st.user.Locale != "" {
			st.tr = s.i18n.For(st.user.Locale)
		}
		return next(c)
	}
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// checkCSRF refuses a state-changing request whose token does not match the
// session's, and one sent from another site.
func checkCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if safeMethod(c.Request().Method) || sessionless(c.Request().URL.Path) {
			return next(c)
		}
		if origin := c.Request().Header.Get("Origin"); origin != "" && origin != "null" {
			if u, err := url.Parse(origin); err != nil || u.Host != c.Request().Host {
				return errCSRF
			}
		}
		sent := c.Request().Header.Get("X-CSRF-Token")
		if sent == "" {
			sent = c.FormValue("csrf")
		}
		want := csrfToken(c)
		if want == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(want)) != 1 {
			return errCSRF
		}
		stateOf(c).csrfChecked = true
		return next(c)
	}
}

var errCSRF = echo.NewHTTPError(http.StatusForbidden, "errors.csrf")

// requireUser sends visitors to the log-in page, and back afterwards.
func requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c) == nil {
			if c.Request().Method == http.MethodGet {
				return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
			}
			return echo.NewHTTPError(http.StatusUnauthorized, "errors.login_required")
		}
		return next(c)
	}
}

// requireRole answers 403 to anyone below role.
func requireRole(role accounts.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return requireUser(func(c echo.Context) error {
			if !currentUser(c).Can(role) {
				return errs.ErrForbidden
			}
			return next(c)
		})
	}
}

// requireModerator admits moderators and admins to the moderators' tools,
// unless a suspension runs: the page then says why instead of "forbidden".
func requireModerator(next echo.HandlerFunc) echo.HandlerFunc {
	return requireRole(accounts.Moderator)(func(c echo.Context) error {
		if !currentUser(c).ModeratesAt(time.Now()) {
			return echo.NewHTTPError(http.StatusForbidden, "errors.moderator_suspended")
		}
		return next(c)
	})
}

// guestOnly sends logged-in members away from the log-in and register pages.
func guestOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c) != nil {
			return c.Redirect(http.StatusSeeOther, "/")
		}
		return next(c)
	}
}
