package web

import (
	"errors"
	"net/http"

	"entraide/internal/errs"

	"github.com/labstack/echo/v4"
)

type errorPage struct {
	Layout
	Status  int
	Message string
	Unsaved *unsavedForm // what the person was sending, given back
}

// unsavedForm is a post that could not be saved (database down, expired
// form), handed back so that nothing written is lost. Only a request whose
// CSRF token was verified may be offered again as a form (Resend): a
// refused cross-site post must never come back as a one-click form with a
// valid token. Otherwise the text alone is given back, to copy.
type unsavedForm struct {
	Resend bool
	Action string
	Body   string
	Hidden map[string]string // the other fields, sent again as they were
}

// secretFields are never echoed back into a page.
var secretFields = map[string]bool{"csrf": true, "password": true, "confirm": true, "current": true, "preview": true}

// unsaved returns the post being sent when it carried a message body.
func unsaved(c echo.Context, status int) *unsavedForm {
	if c.Request().Method != http.MethodPost || (status < 500 && status != http.StatusForbidden) {
		return nil
	}
	values, err := c.FormParams()
	if err != nil || values.Get("body") == "" {
		return nil
	}
	u := &unsavedForm{Resend: stateOf(c).csrfChecked, Action: c.Request().URL.Path, Body: values.Get("body"), Hidden: map[string]string{}}
	if !u.Resend {
		return u
	}
	for name := range values {
		if name != "body" && !secretFields[name] {
			u.Hidden[name] = values.Get(name)
		}
	}
	return u
}

// handleError turns any error into a page in the reader's language. Only
// catalog keys reach the page; an internal error's text goes to the log with
// the request id, never to the person.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if c.Request().Context().Err() != nil {
		// The person left before the answer: nobody reads a page, and it
		// is no server failure to alert on. The error is often not
		// context.Canceled: the driver may see the cancelled query's
		// connection closed under it ("bad connection").
		s.log.Info("request abandoned by the client", "id", stateOf(c).requestID, "path", c.Request().URL.Path, "err", err)
		c.Response().WriteHeader(statusClientClosed)
		return
	}
	status, key := http.StatusInternalServerError, "errors.internal"
	var he *echo.HTTPError
	switch {
	case errors.Is(err, errs.ErrNotFound):
		status, key = http.StatusNotFound, "errors.not_found"
	case errors.Is(err, errs.ErrForbidden):
		status, key = http.StatusForbidden, "errors.forbidden"
	case errors.As(err, &he):
		status = he.Code
		key = httpErrorKey(he)
	}
	if status >= 500 {
		s.log.Error("request failed", "id", stateOf(c).requestID, "path", c.Request().URL.Path, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	page := &errorPage{Layout: s.errorLayout(c), Status: status, Unsaved: unsaved(c, status)}
	page.Message = page.T(key)
	page.Title = page.T("errors.title." + statusClass(status))
	if rerr := s.render(c, status, "errors/show", page); rerr != nil {
		s.log.Error("error page failed", "id", stateOf(c).requestID, "err", rerr)
		_ = c.String(status, http.StatusText(status))
	}
}

// errorLayout builds the layout without touching the database, which may be
// what failed.
func (s *Server) errorLayout(c echo.Context) Layout {
	st := stateOf(c)
	if st.tr.Locale == "" {
		st.tr = s.i18n.For(s.cfg.Locale)
	}
	l := newLayout(st.user, st.tr)
	l.CSRF, l.Path, l.syntaxHelp = csrfToken(c), c.Request().URL.RequestURI(), s.pages.syntaxHelp[st.tr.Locale]
	return l
}

// statusClientClosed is nginx's code for a request the client abandoned:
// logs and metrics keep it apart from the server's own failures.
const statusClientClosed = 499

func httpErrorKey(he *echo.HTTPError) string {
	if msg, ok := he.Message.(string); ok && len(msg) > 7 && msg[:7] == "errors." {
		return msg
	}
	switch he.Code {
	case http.StatusNotFound:
		return "errors.not_found"
	case http.StatusMethodNotAllowed:
		return "errors.method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		return "errors.too_large"
	case http.StatusForbidden:
		return "errors.forbidden"
	case http.StatusUnauthorized:
		return "errors.login_required"
	case http.StatusBadRequest:
		return "errors.bad_request"
	case http.StatusTooManyRequests:
		return "errors.too_many"
	case http.StatusServiceUnavailable:
		return "errors.unavailable"
	}
	if he.Code >= 500 {
		return "errors.internal"
	}
	return "errors.bad_request"
}

func statusClass(status int) string {
	switch status {
	case http.StatusNotFound:
		return "not_found"
	case http.StatusForbidden, http.StatusUnauthorized:
		return "forbidden"
	}
	if status >= 500 {
		return "internal"
	}
	return "bad_request"
}
