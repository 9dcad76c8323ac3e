package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"entraide/internal/forum"
	"entraide/internal/markup"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// previewBodyLimit bounds what POST /preview reads: the longest post the
// forum accepts (50,000 characters, up to 4 bytes each) with room for the
// form's encoding; the global limit is for whole forms.
var previewBodyLimit = middleware.BodyLimit("512K")

type previewFragment struct {
	Layout
	HTML    markup.HTML
	Empty   bool
	Problem string // why there is no preview, in the reader's language
}

// createPreview renders a draft the way the forum will show it — the same
// Markdown and sanitiser as a saved post — for the editor's script, which
// shows the answer in place. Nothing is saved. Without JavaScript, the
// forms' "Aperçu" button gets the same preview on the whole page.
func (s *Server) createPreview(c echo.Context) error {
	body := c.FormValue("body")
	page := &previewFragment{Layout: s.fragmentLayout(c)}
	c.Response().Header().Set("Cache-Control", "no-store")
	switch {
	case strings.TrimSpace(body) == "":
		page.Empty = true
	case utf8.RuneCountInString(body) > forum.MaxBodyLength:
		page.Problem = page.T("forum.body.too_long")
		return s.renderFragment(c, http.StatusUnprocessableEntity, "posts/preview", "preview", page)
	default:
		html, err := s.markup.Render(body)
		if err != nil {
			return err
		}
		if s.externalImagesAsLinks(c) {
			html = markup.ExternalImagesAsLinks(html)
		}
		page.HTML = html
	}
	return s.renderFragment(c, http.StatusOK, "posts/preview", "preview", page)
}
