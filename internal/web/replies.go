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
	page := &cannedListPage{Layout: s.layout(c, "replies.page_title"), Bodies: map[int64]template.HTML{}}
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

// cannedInput is the form of a canned reply.
type cannedInput struct {
	Title string `form:"title"`
	Body  string `form:"body"`
	Team  string `form:"team"` // set: a new reply for the team's set
}

// cannedFormPage is the form to write or change a canned reply.
type cannedFormPage struct {
	Layout
	Reply   *replies.Reply // nil when writing a new one
	Team    bool
	Form    Form[cannedInput]
	Preview markup.HTML
}

// previewCanned shows the form again with the body rendered as it would be
// posted: the editor's "Aperçu" without JavaScript.
func (s *Server) previewCanned(c echo.Context, page *cannedFormPage) error {
	var err error
	if page.Preview, err = s.markup.Render(page.Form.Input.Body); err != nil {
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
	page := &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: formOf(cannedInput{})}
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
	form := readForm[cannedInput](c)
	team := form.Input.Team != ""
	if c.FormValue("preview") != "" {
		return s.previewCanned(c, &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: form})
	}
	if _, err := s.replies.Create(c.Request().Context(), currentUser(c), team, replies.Input{Title: form.Input.Title, Body: form.Input.Body}); err != nil {
		page := &cannedFormPage{Layout: s.layout(c, titleFor(team, nil)), Team: team, Form: form}
		return s.formAgain(c, err, form, &page.Layout, "settings/reply", page)
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
	form := formOf(cannedInput{Title: r.Title, Body: r.Body})
	page := &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form}
	return s.render(c, http.StatusOK, "settings/reply", page)
}

func (s *Server) updateCannedReply(c echo.Context) error {
	r, err := s.editableCanned(c)
	if err != nil {
		return err
	}
	form := readForm[cannedInput](c)
	if c.FormValue("preview") != "" {
		return s.previewCanned(c, &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form})
	}
	if _, err := s.replies.Update(c.Request().Context(), currentUser(c), r.ID, replies.Input{Title: form.Input.Title, Body: form.Input.Body}); err != nil {
		page := &cannedFormPage{Layout: s.layout(c, titleFor(r.Team(), r)), Reply: r, Team: r.Team(), Form: form}
		return s.formAgain(c, err, form, &page.Layout, "settings/reply", page)
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
