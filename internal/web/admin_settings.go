package web

import (
	"net/http"
	"strconv"
	"strings"

	"entraide/internal/errs"
	"entraide/internal/settings"

	"github.com/labstack/echo/v4"
)

// siteInput is the site's settings form.
type siteInput struct {
	RegistrationsPerAddress string `form:"registrations_per_address"` // numbers, parsed by updateSiteSettings
	RegistrationsPerHour    string `form:"registrations_per_hour"`
	ExternalImages          string `form:"external_images"`
}

type siteSettingsPage struct {
	Layout
	Form Form[siteInput]
}

func (s *Server) showSiteSettings(c echo.Context) error {
	site, err := s.site.Site(c.Request().Context())
	if err != nil {
		return err
	}
	page := &siteSettingsPage{Layout: s.layout(c, "admin.settings.title"), Form: formOf(siteInput{
		RegistrationsPerAddress: strconv.Itoa(site.RegistrationsPerAddress),
		RegistrationsPerHour:    strconv.Itoa(site.RegistrationsPerHour), ExternalImages: site.ExternalImages})}
	return s.render(c, http.StatusOK, "admin/settings", page)
}

func (s *Server) updateSiteSettings(c echo.Context) error {
	form := readForm[siteInput](c)
	site := settings.Site{ExternalImages: form.Input.ExternalImages}
	bad := errs.Invalid{}
	// A number that does not parse (or overflows) is out of range.
	number := func(field, typed string) int {
		n, err := strconv.Atoi(strings.TrimSpace(typed))
		if err != nil {
			bad.Add(field, "settings.limit_range")
		}
		return n
	}
	site.RegistrationsPerAddress = number("registrations_per_address", form.Input.RegistrationsPerAddress)
	site.RegistrationsPerHour = number("registrations_per_hour", form.Input.RegistrationsPerHour)
	err := bad.Err()
	if err == nil {
		err = s.site.SetSite(c.Request().Context(), site)
	}
	if err != nil {
		page := &siteSettingsPage{Layout: s.layout(c, "admin.settings.title"), Form: form}
		return s.formAgain(c, err, form, &page.Layout, "admin/settings", page)
	}
	return redirect(c, "/admin/settings", "flash.settings_saved")
}
