package web

import (
	"net/http"
	"strconv"
	"strings"

	"entraide/internal/rules"

	"github.com/labstack/echo/v4"
)

type rulesPage struct {
	Layout
	Rules []ruleLine
}

// ruleLine is a rule as the public page and the admin form show it.
type ruleLine struct {
	rules.Descriptor
	Value string
	// Sentence is the rule as the rules page states it, from its value.
	Sentence string
}

// IsNumber reports whether the rule's value is a whole number.
func (r ruleLine) IsNumber() bool { return r.Kind == rules.Number }

// ruleSentence states rule d with value v in the reader's language; a
// number's sentence takes the number and its plural.
func ruleSentence(l *Layout, d rules.Descriptor, v string) string {
	key := d.SentenceKey(v)
	if d.Kind != rules.Number || (d.ZeroOff && v == "0") {
		return l.T(key)
	}
	n, _ := strconv.Atoi(v)
	return l.N(key, n)
}

// ruleLines reads the rules' values, in the order of the catalog.
func (s *Server) ruleLines(c echo.Context, l *Layout) ([]ruleLine, error) {
	values, err := s.rules.Values(c.Request().Context())
	if err != nil {
		return nil, err
	}
	lines := make([]ruleLine, 0, len(s.rules.List()))
	for _, d := range s.rules.List() {
		lines = append(lines, ruleLine{Descriptor: d, Value: values[d.Name], Sentence: ruleSentence(l, d, values[d.Name])})
	}
	return lines, nil
}

// showRules is the public page of the forum's rules: one sentence per
// rule, from its current setting.
func (s *Server) showRules(c echo.Context) error {
	page := &rulesPage{Layout: s.layout(c, "rules.title")}
	var err error
	if page.Rules, err = s.ruleLines(c, &page.Layout); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "rules/show", page)
}

type adminRulesPage struct {
	Layout
	Rules []ruleLine
	// Form's input is a value by rule name: the rules come from their
	// catalog (rules.Book.List), not from a struct.
	Form Form[map[string]string]
}

// showAdminRules is the admin's form of every rule.
func (s *Server) showAdminRules(c echo.Context) error {
	page := &adminRulesPage{Layout: s.layout(c, "rules.admin.title"), Form: formOf(map[string]string{})}
	var err error
	if page.Rules, err = s.ruleLines(c, &page.Layout); err != nil {
		return err
	}
	for _, r := range page.Rules {
		page.Form.Input[r.Name] = r.Value
	}
	return s.render(c, http.StatusOK, "rules/admin", page)
}

// updateRules saves the admin's choice for every rule of the form; the
// domain checks every value before saving any (rules.Book.Save).
func (s *Server) updateRules(c echo.Context) error {
	params, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "errors.bad_request")
	}
	chosen := map[string]string{}
	form := formOf(map[string]string{})
	for _, d := range s.rules.List() {
		v, sent := params[d.Name]
		if !sent || len(v) == 0 {
			continue
		}
		chosen[d.Name] = strings.TrimSpace(v[0])
		form.Input[d.Name] = v[0]
	}
	if err := s.rules.Save(c.Request().Context(), currentUser(c), chosen); err != nil {
		page := &adminRulesPage{Layout: s.layout(c, "rules.admin.title"), Form: form}
		var rerr error
		if page.Rules, rerr = s.ruleLines(c, &page.Layout); rerr != nil {
			return rerr
		}
		return s.formAgain(c, err, form, &page.Layout, "rules/admin", page)
	}
	return redirect(c, "/admin/rules", "flash.rules_saved")
}
