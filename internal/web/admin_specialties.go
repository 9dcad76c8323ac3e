package web

import (
	"net/http"
	"strconv"

	"entraide/internal/accounts"

	"github.com/labstack/echo/v4"
)

// specialtiesPage is where admins keep the list of specialties members
// choose from.
type specialtiesPage struct {
	Layout
	Specialties []accounts.Specialty
	Form        valuesForm // the new entry's form
	Failed      int64      // the entry whose renaming failed, 0 for none
	FailedForm  valuesForm
}

func (s *Server) specialtiesPage(c echo.Context) (*specialtiesPage, error) {
	page := &specialtiesPage{Layout: s.layout(c, "members.specialties.admin"), Form: newForm(c), FailedForm: newForm(c)}
	var err error
	page.Specialties, err = s.profiles.Specialties(c.Request().Context())
	return page, err
}

func (s *Server) showSpecialties(c echo.Context) error {
	page, err := s.specialtiesPage(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "admin/specialties", page)
}

func (s *Server) createSpecialty(c echo.Context) error {
	form := newForm(c, "name")
	if err := s.profiles.AddSpecialty(c.Request().Context(), currentUser(c), form.Get("name")); err != nil {
		page, perr := s.specialtiesPage(c)
		if perr != nil {
			return perr
		}
		page.Form = form
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "admin/specialties", page)
		}
		return err
	}
	return redirect(c, "/admin/specialties", "members.flash.specialties_saved")
}

func (s *Server) updateSpecialty(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	form := newForm(c, "name", "position")
	pos, _ := strconv.Atoi(form.Get("position"))
	if err := s.profiles.RenameSpecialty(c.Request().Context(), currentUser(c), id, form.Get("name"), pos); err != nil {
		page, perr := s.specialtiesPage(c)
		if perr != nil {
			return perr
		}
		page.Failed, page.FailedForm = id, form
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "admin/specialties", page)
		}
		return err
	}
	return redirect(c, "/admin/specialties", "members.flash.specialties_saved")
}

func (s *Server) deleteSpecialty(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.profiles.DeleteSpecialty(c.Request().Context(), currentUser(c), id); err != nil {
		return err
	}
	return redirect(c, "/admin/specialties", "members.flash.specialties_saved")
}

// NameOf is what entry sp's name field shows: what was typed when its
// renaming failed, else its name.
func (p *specialtiesPage) NameOf(sp accounts.Specialty) string {
	if p.Failed == sp.ID {
		return p.FailedForm.Get("name")
	}
	return sp.Name
}

// ErrorOf is the message of entry sp's failed renaming.
func (p *specialtiesPage) ErrorOf(sp accounts.Specialty) string {
	if p.Failed == sp.ID {
		return p.FailedForm.Error("name")
	}
	return ""
}
