package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"entraide/internal/forum"
	"entraide/internal/markup"

	"github.com/labstack/echo/v4"
)

// ackPage lists, before a newcomer's new question, the replies to their
// earlier questions they have not acknowledged yet (the rule
// "acknowledge earlier answers before asking again").
type ackPage struct {
	Layout
	Check *forum.AckCheck
	Skip  string // the address that skips the list, under nudge
}

// Replies writes the pending replies, each with Merci, the solution and
// "ne m'a pas aidé", coming back to the list.
func (p *ackPage) Replies() template.HTML {
	l := &p.Layout
	var f fragment
	f.raw("<ol class=\"pending-replies\">\n")
	for i := range p.Check.Pending {
		r := &p.Check.Pending[i]
		id := strconv.FormatInt(r.ID, 10)
		f.raw(`<li class="pending-reply" id="pending-`)
		f.text(id)
		f.raw("\">\n<p class=\"meta\"><a href=\"")
		f.text(postURL(r.ID))
		f.raw(`">`)
		f.text(r.ThreadTitle)
		f.raw(`</a> · `)
		f.text(l.T("thread.by"))
		f.raw(` `)
		f.text(r.Author.Name())
		f.raw(` · `)
		f.when(l, r.CreatedAt)
		f.raw("</p>\n<p class=\"excerpt\">")
		f.text(forum.Excerpt(markup.PlainText(r.Body), 240))
		f.raw("</p>\n<div class=\"reminder-actions\">")
		actionForm(&f, l, "/p/"+id+"/thank", "/new", l.T("thanks.button"), "thank")
		actionForm(&f, l, "/p/"+id+"/solution", "/new", l.T("thanks.solution.choose"), "")
		actionForm(&f, l, "/p/"+id+"/not-helpful", "/new", l.T("thanks.not_helpful.button"), "link")
		f.raw("</div>\n</li>\n")
	}
	f.raw("</ol>")
	return f.html()
}

// acknowledgeFirst shows the pending replies instead of the new-thread
// form (or the ask flow's first step, at skipTo) when the rule asks for it;
// done reports that it answered. Under nudge, ?ack=skip goes straight on.
func (s *Server) acknowledgeFirst(c echo.Context, skipTo string) (done bool, err error) {
	check, err := s.forum.AcknowledgeFirst(c.Request().Context(), currentUser(c))
	if err != nil || !check.Show() || (check.MaySkip() && c.QueryParam("ack") == "skip") {
		return false, err
	}
	page := &ackPage{Layout: s.layout(c, "thanks.ack.title"), Check: check, Skip: skipTo + "?ack=skip"}
	if sec := c.QueryParam("section"); sec != "" {
		page.Skip += "&section=" + url.QueryEscape(sec)
	}
	return true, s.render(c, http.StatusOK, "threads/acknowledge", page)
}
