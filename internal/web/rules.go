package web

import (
	"net/http"

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
}

// ruleLines reads the rules' values, in the order of the catalog.
func (s *Server) ruleLines(c echo.Context) ([]ruleLine, error) {
	values, err := s.rules.Values(c.Request().Context())
	if err != nil {
		return nil, err
	}
	lines := make([]ruleLine, 0, len(s.rules.List()))
	for _, d := range s.rules.List() {
		lines = append(lines, ruleLine{Descriptor: d, Value: values[d.Name]})
	}
	return lines, nil
}

// showRules is the public page of the forum's rules: one sentence per
// rule, from its current setting.
func (s *Server) showRules(c echo.Context) error {
	page := &rulesPage{Layout: s.layout(c, "rules.title")}
	var err error
	if page.Rules, err = s.ruleLines(c); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "rules/show", page)
}

// updateRules saves the admin's choice for every rule of the form.
func (s *Server) updateRules(c echo.Context) error {
	ctx := c.Request().Context()
	for _, d := range s.rules.List() {
		v := c.FormValue(d.Name)
		if v == "" {
			continue
		}
		if err := s.rules.Set(ctx, d.Name, v); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "errors.bad_request")
		}
	}
	return redirect(c, "/admin#rules", "flash.rules_saved")
}
