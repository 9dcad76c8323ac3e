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
	Form        Form[specialtyInput] // the new entry's form
	Failed      int64                // the entry whose renaming failed, 0 for none
	FailedForm  Form[specialtyInput]
}

// specialtyInput is the form of a new entry (name) and of an entry's
// renaming (name and position).
type specialtyInput struct {
	Name     string `form:"name"`
	Position string `form:"position"`
}

func (s *Server) specialtiesPage(c echo.Context) (*specialtiesPage, error) {
	page := &specialtiesPage{Layout: s.layout(c, "members.specialties.admin"), Form: formOf(specialtyInput{}), FailedForm: formOf(specialtyInput{})}
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
	form := readForm[specialtyInput](c)
	if err := s.profiles.AddSpecialty(c.Request().Context(), currentUser(c), form.Input.Name); err != nil {
		page, perr := s.specialtiesPage(c)
		if perr != nil {
			return perr
		}
		page.Form = form
		return s.formAgain(c, err, form, &page.Layout, "admin/specialties", page)
	}
	return redirect(c, "/admin/specialties", "members.flash.specialties_saved")
}

func (s *Server) updateSpecialty(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	form := readForm[specialtyInput](c)
	pos, _ := strconv.Atoi(form.Input.Position)
	if err := s.profiles.RenameSpecialty(c.Request().Context(), currentUser(c), id, form.Input.Name, pos); err != nil {
		page, perr := s.specialtiesPage(c)
		if perr != nil {
			return perr
		}
		page.Failed, page.FailedForm = id, form
		return s.formAgain(c, err, form, &page.Layout, "admin/specialties", page)
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
		return p.FailedForm.Input.Name
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
