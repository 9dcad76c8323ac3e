package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type adminPage struct {
	Layout
	Users       []MemberView
	AllSections []forum.Section
	Roles       []accounts.Role
	Search      string
}

func (s *Server) showAdmin(c echo.Context) error {
	page, err := s.adminPage(c, c.QueryParam("q"))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "admin/show", page)
}

// adminPage gathers the admin's page: the members matching search, the
// sections.
func (s *Server) adminPage(c echo.Context, search string) (*adminPage, error) {
	ctx := c.Request().Context()
	page := &adminPage{Layout: s.layout(c, "admin.title"), Roles: accounts.Roles, Search: search}
	users, err := s.accounts.List(ctx, search, 100)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	for i := range users {
		page.Users = append(page.Users, memberViewOf(&users[i], now))
	}
	if page.AllSections, err = s.forum.Sections(ctx, page.user); err != nil {
		return nil, err
	}
	return page, nil
}

func (s *Server) updateUserRole(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.accounts.SetRole(c.Request().Context(), currentUser(c), id, accounts.Role(c.FormValue("role"))); err != nil {
		// The list has no field to tie the message to: it shows as the
		// flash, with 422.
		form := formOf(struct{}{})
		page, pageErr := s.adminPage(c, "")
		if pageErr != nil {
			return pageErr
		}
		if form.fail(&page.Layout, err) {
			for _, msg := range form.Errors {
				page.Flash = msg
			}
			return s.render(c, http.StatusUnprocessableEntity, "admin/show", page)
		}
		return err
	}
	return redirect(c, "/admin", "flash.role_changed")
}

// sectionInput is the form of a section.
type sectionInput struct {
	Slug        string `form:"slug"`
	Name        string `form:"name"`
	Description string `form:"description"`
	Position    string `form:"position"`  // parsed by sectionFormFrom
	ReadRole    string `form:"read_role"` // who may read it
	Archived    string `form:"archived"`  // a checkbox: "" when unticked
}

type sectionFormPage struct {
	Layout
	Section *forum.Section // nil when creating
	Form    Form[sectionInput]
	Roles   []accounts.Role
}

func sectionFormFrom(c echo.Context) (Form[sectionInput], forum.SectionForm) {
	form := readForm[sectionInput](c)
	in := form.Input
	// A position that is not a number, or one beyond any column's range,
	// is out of range for the forum's check (Atoi gives the clamped value).
	pos, err := strconv.Atoi(strings.TrimSpace(in.Position))
	if err != nil && !errors.Is(err, strconv.ErrRange) && strings.TrimSpace(in.Position) != "" {
		pos = -1
	}
	return form, forum.SectionForm{Slug: in.Slug, Name: in.Name, Description: in.Description,
		Position: pos, Archived: in.Archived != "", ReadRole: accounts.Role(in.ReadRole)}
}

var readRoles = []accounts.Role{accounts.Visitor, accounts.Newcomer, accounts.Member, accounts.Moderator}

func (s *Server) newSection(c echo.Context) error {
	page := &sectionFormPage{Layout: s.layout(c, "admin.section.new"), Form: formOf(sectionInput{ReadRole: string(accounts.Visitor)}), Roles: readRoles}
	return s.render(c, http.StatusOK, "admin/section", page)
}

func (s *Server) createSection(c echo.Context) error {
	form, in := sectionFormFrom(c)
	if _, err := s.forum.CreateSection(c.Request().Context(), currentUser(c), in); err != nil {
		page := &sectionFormPage{Layout: s.layout(c, "admin.section.new"), Form: form, Roles: readRoles}
		return s.formAgain(c, err, form, &page.Layout, "admin/section", page)
	}
	return redirect(c, "/admin", "flash.section_saved")
}

func (s *Server) sectionByParam(c echo.Context) (*forum.Section, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	sections, err := s.forum.Sections(c.Request().Context(), currentUser(c))
	if err != nil {
		return nil, err
	}
	for i := range sections {
		if sections[i].ID == id {
			return &sections[i], nil
		}
	}
	return nil, errs.ErrNotFound
}

func (s *Server) editSection(c echo.Context) error {
	sec, err := s.sectionByParam(c)
	if err != nil {
		return err
	}
	form := formOf(sectionInput{Slug: sec.Slug, Name: sec.Name, Description: sec.Description,
		Position: strconv.Itoa(sec.Position), ReadRole: string(sec.ReadRole)})
	if sec.Archived {
		form.Input.Archived = "on"
	}
	page := &sectionFormPage{Layout: s.layout(c, "admin.section.edit"), Section: sec, Form: form, Roles: readRoles}
	return s.render(c, http.StatusOK, "admin/section", page)
}

func (s *Server) updateSection(c echo.Context) error {
	sec, err := s.sectionByParam(c)
	if err != nil {
		return err
	}
	form, in := sectionFormFrom(c)
	if _, err := s.forum.UpdateSection(c.Request().Context(), currentUser(c), sec.ID, in); err != nil {
		page := &sectionFormPage{Layout: s.layout(c, "admin.section.edit"), Section: sec, Form: form, Roles: readRoles}
		return s.formAgain(c, err, form, &page.Layout, "admin/section", page)
	}
	return redirect(c, "/admin", "flash.section_saved")
}

func (s *Server) makeNewcomersSection(c echo.Context) error {
	sec, err := s.sectionByParam(c)
	if err != nil {
		return err
	}
	if err := s.forum.SetNewcomersSection(c.Request().Context(), currentUser(c), sec.ID); err != nil {
		form := formOf(sectionInput{})
		page := &sectionFormPage{Layout: s.layout(c, "admin.section.edit"), Section: sec, Form: form, Roles: readRoles}
		return s.formAgain(c, err, form, &page.Layout, "admin/section", page)
	}
	return redirect(c, "/admin", "flash.section_saved")
}
