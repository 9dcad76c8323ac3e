package web

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"entraide/internal/markup"
	"entraide/internal/replies"

	"github.com/labstack/echo/v4"
)

// cannedListPage is /settings/replies: the member's canned replies and the
// team's, each with its uses.
type cannedListPage struct {
	Layout
	Personal []replies.Reply
	Team     []replies.Reply
	Bodies   map[int64]template.HTML // each body rendered as it would be posted
	Form     valuesForm
}

// CanEditTeam reports whether the reader keeps the team's set.
func (p *cannedListPage) CanEditTeam() bool { return p.user.ModeratesAt(time.Now()) }

// Body is reply id's body, rendered and sanitised by internal/markup.
func (p *cannedListPage) Body(id int64) template.HTML { return p.Bodies[id] }

// Placeholders lists the placeholders for the help text.
func (p *cannedListPage) Placeholders() []string { return replies.Placeholders }

func (s *Server) showReplies(c echo.Context) error {
	list, err := s.replies.Usable(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	page := &cannedListPage{Layout: s.layout(c, "replies.page_title"), Bodies: map[int64]template.HTML{}, Form: newForm(c)}
	for _, r := range list {
		if r.Team() {
			page.Team = append(page.Team, r)
		} else {
			page.Personal = append(page.Personal, r)
		}
		html, err := s.markup.Render(r.Body)
		if err != nil {
			return err
		}
		page.Bodies[r.ID] = html.Safe()
	}
	return s.render(c, http.StatusOK, "settings/replies", page)
}

// cannedFormPage is the form to write or change a canned reply.
type cannedFormPage struct {
	Layout
	Reply   *replies.Reply // nil when writing a new one
	Team    bool
	Form    valuesForm
	Preview markup.HTML
}

// previewCanned shows the form again with the body rendered as it would be
// posted: the editor's "Aperçu" without JavaScript.
func (s *Server) previewCanned(c echo.Context, page *cannedFormPage) error {
	var err error
	if page.Preview, err = s.markup.Render(page.Form.Get("body")); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "settings/reply", page)
}

// Placeholders lists the placeholders for the help text.
func (p *cannedFormPage) Placeholders() []string { return replies.Placeholders }

func (s *Server) newCannedReply(c echo.Context) error {
	team := c.QueryParam("team") != ""
	if team && !currentUser(c).ModeratesAt(time.Now()) {
		team = false
	}
	page := &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: newForm(c)}
	return s.render(c, http.StatusOK, "settings/reply", page)
}

func titleFor(team bool, r *replies.Reply) string {
	switch {
	case r != nil:
		return "replies.edit.title"
	case team:
		return "replies.new.team_title"
	}
	return "replies.new.title"
}

func (s *Server) createCannedReply(c echo.Context) error {
	form := newForm(c, "title", "body")
	team := c.FormValue("team") != ""
	if c.FormValue("preview") != "" {
		return s.previewCanned(c, &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: form})
	}
	if _, err := s.replies.Create(c.Request().Context(), currentUser(c), team, replies.Input{Title: form.Get("title"), Body: form.Get("body")}); err != nil {
		page := &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: form}
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "settings/reply", page)
		}
		return err
	}
	return redirect(c, "/settings/replies", "replies.flash.created")
}

func (s *Server) editableCanned(c echo.Context) (*replies.Reply, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	return s.replies.Editable(c.Request().Context(), currentUser(c), id)
}

func (s *Server) editCannedReply(c echo.Context) error {
	r, err := s.editableCanned(c)
	if err != nil {
		return err
	}
	form := newForm(c)
	form.Values["title"], form.Values["body"] = r.Title, r.Body
	page := &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form}
	return s.render(c, http.StatusOK, "settings/reply", page)
}

func (s *Server) updateCannedReply(c echo.Context) error {
	r, err := s.editableCanned(c)
	if err != nil {
		return err
	}
	form := newForm(c, "title", "body")
	if c.FormValue("preview") != "" {
		return s.previewCanned(c, &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form})
	}
	if _, err := s.replies.Update(c.Request().Context(), currentUser(c), r.ID, replies.Input{Title: form.Get("title"), Body: form.Get("body")}); err != nil {
		page := &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form}
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "settings/reply", page)
		}
		return err
	}
	return redirect(c, "/settings/replies", "replies.flash.updated")
}

func (s *Server) deleteCannedReply(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.replies.Delete(c.Request().Context(), currentUser(c), id); err != nil {
		return err
	}
	return redirect(c, "/settings/replies", "replies.flash.deleted")
}

func (s *Server) moveCannedReply(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	by := 1
	if c.FormValue("direction") == "up" {
		by = -1
	}
	if err := s.replies.Move(c.Request().Context(), currentUser(c), id, by); err != nil {
		return err
	}
	return redirect(c, "/settings/replies#reply-"+strconv.FormatInt(id, 10), "")
}
