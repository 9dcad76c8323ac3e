package web

import (
	"net/http"
	"strconv"
	"strings"

	"entraide/internal/errs"
	"entraide/internal/settings"

	"github.com/labstack/echo/v4"
)

type siteSettingsPage struct {
	Layout
	Form valuesForm
}

func (s *Server) showSiteSettings(c echo.Context) error {
	site, err := s.site.Site(c.Request().Context())
	if err != nil {
		return err
	}
	page := &siteSettingsPage{Layout: s.layout(c, "admin.settings.title"), Form: newForm(c)}
	page.Form.Values = map[string]string{"registrations_per_address": strconv.Itoa(site.RegistrationsPerAddress),
		"registrations_per_hour": strconv.Itoa(site.RegistrationsPerHour), "external_images": site.ExternalImages}
	return s.render(c, http.StatusOK, "admin/settings", page)
}

func (s *Server) updateSiteSettings(c echo.Context) error {
	form := newForm(c, "registrations_per_address", "registrations_per_hour", "external_images")
	site := settings.Site{ExternalImages: form.Get("external_images")}
	bad := errs.Invalid{}
	// A number that does not parse (or overflows) is out of range.
	number := func(field string) int {
		n, err := strconv.Atoi(strings.TrimSpace(form.Get(field)))
		if err != nil {
			bad.Add(field, "settings.limit_range")
		}
		return n
	}
	site.RegistrationsPerAddress = number("registrations_per_address")
	site.RegistrationsPerHour = number("registrations_per_hour")
	err := bad.Err()
	if err == nil {
		err = s.site.SetSite(c.Request().Context(), site)
	}
	if err != nil {
		page := &siteSettingsPage{Layout: s.layout(c, "admin.settings.title"), Form: form}
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "admin/settings", page)
		}
		return err
	}
	return redirect(c, "/admin/settings", "flash.settings_saved")
}
