package web

import (
	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/i18n"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
)

// state is what the middleware learns about a request once, for handlers
// and templates: who is asking, in which language, with which session.
type state struct {
	requestID string
	session   *sessions.Session
	user      *accounts.User
	tr        i18n.Translator
	// csrfChecked is set once the request's CSRF token was verified: only
	// then may an error page offer to send the same form again.
	csrfChecked bool
	// sections the reader may read, loaded once by Server.sections.
	sections       []forum.Section
	sectionsErr    error
	sectionsLoaded bool
}

const stateKey = "entraide.state"

func stateOf(c echo.Context) *state {
	if st, ok := c.Get(stateKey).(*state); ok {
		return st
	}
	return &state{}
}

// currentUser is the logged-in member, or nil for a visitor.
func currentUser(c echo.Context) *accounts.User { return stateOf(c).user }
