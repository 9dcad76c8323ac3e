package web

import (
	"cmp"
	"net/http"
	"reflect"
	"strconv"

	"entraide/internal/errs"
	"entraide/internal/markup"

	"github.com/labstack/echo/v4"
)

// Form is a page's form: what a person typed, read into the form's own
// struct T, and the problems found, each message already translated and tied
// to its field. A new form is a struct of string fields tagged with the names
// the browser sends (`form:"title"`), read by readForm; the template reads
// .Form.Input.Title and hands .Form to the field and editor partials for
// the messages.
type Form[T any] struct {
	Input  T
	Errors map[string]string // field → translated message; "" is for the whole form
}

// formOf is a form showing in, with no problem yet: a page shown for the
// first time, or filled from what is stored.
func formOf[T any](in T) Form[T] { return Form[T]{Input: in, Errors: map[string]string{}} }

// readForm reads T from the request: each field tagged form:"name" gets
// c.FormValue(name), as typed (the body, or the query of a GET). Fields stay
// strings so that a handler parses numbers itself and words its own message
// for bad input; a field of another type is a mistake that panics at the
// first request of any test.
func readForm[T any](c echo.Context) Form[T] {
	var in T
	v := reflect.ValueOf(&in).Elem()
	for i := range v.NumField() {
		if name := v.Type().Field(i).Tag.Get("form"); name != "" {
			v.Field(i).SetString(c.FormValue(name))
		}
	}
	return formOf(in)
}

// Error returns the message for field, or "".
func (f Form[T]) Error(field string) string { return f.Errors[field] }

// HasErrors reports whether any message is set.
func (f Form[T]) HasErrors() bool { return len(f.Errors) > 0 }

// problems is what the field and editor partials need of any Form: the
// message for one field.
type problems interface{ Error(field string) string }

// fieldArgs is the argument of the field partial (a labelled input with its
// error and help), built by the template function field (or password) and
// the options after it, so that a page names each piece rather than
// filling a map.
type fieldArgs struct {
	L        Layout
	Name     string // the input's name, as the browser sends it
	Label    string // catalog key of the label
	Value    string // what was typed, shown again when Keep
	Keep     bool   // false for a password: never sent back
	Error    string // the field's message, translated; "" for none
	Type     string // the input's type; "" is text
	Auto     string // autocomplete
	Help     string // catalog key of the help under the label; "" for none
	Required bool
	Max      int // maxlength; 0 for none
}

// fieldOption sets one of the field's optional pieces: the template
// functions required, help, maxlen, kind and auto.
type fieldOption func(*fieldArgs)

// fieldOf is the template function field: the input name of form f, showing
// value, labelled by the catalog key label.
func fieldOf(l Layout, f problems, name, value, label string, opts ...fieldOption) fieldArgs {
	a := fieldArgs{L: l, Name: name, Label: label, Value: value, Keep: true, Error: f.Error(name)}
	for _, o := range opts {
		o(&a)
	}
	return a
}

// passwordOf is the template function password: a password input, whose
// value is never sent back to the page.
func passwordOf(l Layout, f problems, name, label string, opts ...fieldOption) fieldArgs {
	a := fieldArgs{L: l, Name: name, Label: label, Type: "password", Error: f.Error(name)}
	for _, o := range opts {
		o(&a)
	}
	return a
}

func fieldRequired() fieldOption         { return func(a *fieldArgs) { a.Required = true } }
func fieldHelp(key string) fieldOption   { return func(a *fieldArgs) { a.Help = key } }
func fieldMaxLen(n int) fieldOption      { return func(a *fieldArgs) { a.Max = n } }
func fieldKind(t string) fieldOption     { return func(a *fieldArgs) { a.Type = t } }
func fieldAutofill(v string) fieldOption { return func(a *fieldArgs) { a.Auto = v } }

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

// editorOf is the template function editor: the editor of form f's body
// field showing body, rows high (10 when 0), with an optional preview.
func editorOf(l Layout, f problems, body, label string, rows int, preview ...markup.HTML) editorArgs {
	e := editorArgs{L: l, Label: label, Body: body, Error: f.Error("body"), Rows: cmp.Or(rows, 10)}
	if len(preview) > 0 {
		e.Preview = preview[0]
	}
	return e
}

// fail records err on the form in the reader's language, and reports whether
// err was a problem with the input (to show the form again with 422) rather
// than a failure to pass on.
func (f Form[T]) fail(l *Layout, err error) bool {
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

// anyForm is a Form[T] of any T, for formAgain.
type anyForm interface{ fail(*Layout, error) bool }

// formAgain answers a form whose input the domain refused (errs.Invalid,
// or a rule's refusal): the page shows it again with 422, what was typed
// kept and each message by its field. Any other error is passed on to the
// error handler.
func (s *Server) formAgain(c echo.Context, err error, form anyForm, l *Layout, name string, page any) error {
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
