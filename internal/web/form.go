package web

import (
	"cmp"
	"net/http"
	"strconv"

	"entraide/internal/errs"
	"entraide/internal/markup"

	"github.com/labstack/echo/v4"
)

// Form carries what a person typed back to the page with the problems
// found, each message already translated and tied to its field.
type Form struct {
	Values map[string]string
	Errors map[string]string // field → translated message; "" is for the whole form
}

func newForm(c echo.Context, fields ...string) Form {
	f := Form{Values: map[string]string{}, Errors: map[string]string{}}
	for _, name := range fields {
		f.Values[name] = c.FormValue(name)
	}
	return f
}

// Get returns the value typed in field.
func (f Form) Get(field string) string { return f.Values[field] }

// Error returns the message for field, or "".
func (f Form) Error(field string) string { return f.Errors[field] }

// HasErrors reports whether any message is set.
func (f Form) HasErrors() bool { return len(f.Errors) > 0 }

// editorArgs is the argument of the editor partial (the Markdown text
// area, its syntax help and its preview), built by the template function
// editor so that a page names each piece rather than filling a map.
type editorArgs struct {
	L       Layout
	Label   string // catalog key of the label
	Body    string // what was typed
	Error   string // the body's message, translated; "" for none
	Rows    int
	Preview markup.HTML // the server-rendered preview; "" for none
}

// editorOf is the template function editor: the editor of form's body
// field, rows high (10 when 0), with an optional preview.
func editorOf(l Layout, form Form, label string, rows int, preview ...markup.HTML) editorArgs {
	e := editorArgs{L: l, Label: label, Body: form.Get("body"), Error: form.Error("body"), Rows: cmp.Or(rows, 10)}
	if len(preview) > 0 {
		e.Preview = preview[0]
	}
	return e
}

// fail records err on the form in the reader's language, and reports whether
// err was a problem with the input (to show the form again with 422) rather
// than a failure to pass on.
func (f Form) fail(l *Layout, err error) bool {
	if bad, ok := errs.AsInvalid(err); ok {
		for field, key := range bad {
			f.Errors[field] = l.T(key)
		}
		return true
	}
	if r, ok := errs.AsRefusal(err); ok {
		f.Errors[""] = refusalText(l, r)
		return true
	}
	return false
}

// refusalText is a rule's message to the person it stopped.
func refusalText(l *Layout, r *errs.Refusal) string {
	if n, ok := firstInt(r.Args); r.Plural && ok {
		return l.N(r.Key, n, r.Args[1:]...)
	}
	return l.T(r.Key, r.Args...)
}

func firstInt(args []any) (int, bool) {
	if len(args) == 0 {
		return 0, false
	}
	n, ok := args[0].(int)
	return n, ok
}

// formAgain answers a form whose input the domain refused (errs.Invalid,
// or a rule's refusal): the page shows it again with 422, what was typed
// kept and each message by its field. Any other error is passed on to the
// error handler.
func (s *Server) formAgain(c echo.Context, err error, form Form, l *Layout, name string, page any) error {
	if form.fail(l, err) {
		return s.render(c, http.StatusUnprocessableEntity, name, page)
	}
	return err
}

// paramID reads a numeric id from the route, answering 404 to anything else.
func paramID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.ErrNotFound
	}
	return id, nil
}

// redirect answers a successful form with 303 See Other, leaving a flash.
func redirect(c echo.Context, to, flashKey string) error {
	if flashKey != "" {
		if err := setFlash(c, flashKey); err != nil {
			return err
		}
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// safeNext accepts only a local path for "come back after logging in", so
// the log-in form cannot be turned into an open redirect.
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return "/"
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	return next
}
