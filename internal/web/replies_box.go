package web

import (
	"html/template"
	"net/http"
	"strconv"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/replies"

	"github.com/labstack/echo/v4"
)

// The reply box's canned replies and the authors' contact preferences, as
// the thread page and the reply page show them.

// cannedBox is what the reply box offers: the reader's usable canned
// replies and the one that seems to answer the question, if any.
type cannedBox struct {
	Thread    *forum.Thread
	Replies   []replies.Reply
	Suggested *replies.Reply
	Used      []int64 // canned replies already inserted (the reply page without JavaScript)
}

// mineAndTeam splits the list without copying it: her own replies come
// first, then the team's (replies.Usable's order).
func (b *cannedBox) mineAndTeam() (mine, team []replies.Reply) {
	n := 0
	for n < len(b.Replies) && !b.Replies[n].Team() {
		n++
	}
	return b.Replies[:n], b.Replies[n:]
}

// loadCannedBox reads the reader's canned replies (one statement) and, on a
// newcomer's question that the reader did not write, picks the one to
// suggest from the thread's title and opening post (firstBody, "" when not
// at hand).
func (s *Server) loadCannedBox(c echo.Context, tv *forum.ThreadView, firstBody string) (*cannedBox, error) {
	u := currentUser(c)
	if !replies.CanKeep(u) || !forum.CanReply(u, &tv.Section, &tv.Thread) {
		return nil, nil
	}
	// The bodies are read only where a suggestion is scored on them.
	suggest := tv.Section.IsNewcomers && tv.Thread.AuthorID != u.ID
	read := s.replies.Titles
	if suggest {
		read = s.replies.Usable
	}
	list, err := read(c.Request().Context(), u)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	box := &cannedBox{Thread: &tv.Thread, Replies: list}
	if suggest {
		box.Suggested = replies.Suggest(list, tv.Thread.Title, firstBody)
	}
	return box, nil
}

// contactLine writes the short line beside a post's author that says how
// she accepts to be contacted ("" when she never chose: the forum).
func (p *threadPage) contactLine(f *fragment, mode accounts.ContactMode) {
	if mode == "" {
		mode = accounts.ContactForum
	}
	f.raw(` <span class="contact-line">`)
	f.text(p.T("members.contact.line." + string(mode)))
	f.raw(`</span>`)
}

// cannedContext is what the placeholders of a canned reply are filled with
// in thread tv: the asker's name, the title and the newcomers' guides.
func (s *Server) cannedContext(c echo.Context, tv *forum.ThreadView) (replies.Context, error) {
	rc := replies.Context{Asker: tv.Author.Name(), Thread: tv.Thread.Title}
	sections, err := s.sections(c)
	if err != nil {
		return rc, err
	}
	for i := range sections {
		if !sections[i].IsNewcomers {
			continue
		}
		page, err := s.forum.SectionThreads(c.Request().Context(), &sections[i], nil, nil)
		if err != nil {
			return rc, err
		}
		for _, t := range page.Pinned {
			rc.Guides = append(rc.Guides, replies.Guide{Title: t.Title, URL: threadURL(t.ID, t.Slug)})
		}
	}
	return rc, nil
}

// fillCanned returns canned reply id filled in for thread tv, if the
// reader may use it.
func (s *Server) fillCanned(c echo.Context, tv *forum.ThreadView, id int64) (string, error) {
	r, err := s.replies.Get(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return "", err
	}
	rc, err := s.cannedContext(c, tv)
	if err != nil {
		return "", err
	}
	return replies.Fill(r.Body, rc), nil
}

// showCannedReply answers the reply box's script with a canned reply filled
// in for the thread, as plain text to insert at the cursor.
func (s *Server) showCannedReply(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	if !forum.CanReply(currentUser(c), &tv.Section, &tv.Thread) {
		return errs.ErrForbidden
	}
	id, err := paramID(c, "reply")
	if err != nil {
		return err
	}
	text, err := s.fillCanned(c, tv, id)
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "text/plain; charset=utf-8", []byte(text))
}

// cannedIDs reads the canned replies a reply form says were inserted.
func cannedIDs(c echo.Context) []int64 {
	params, err := c.FormParams()
	if err != nil {
		return nil
	}
	var ids []int64
	for _, raw := range params["canned"] {
		if id, err := strconv.ParseInt(raw, 10, 64); err == nil && id > 0 && len(ids) < 20 {
			ids = append(ids, id)
		}
	}
	return ids
}

// CannedBox writes the reply box's "Insérer une réponse type": the marks
// of canned replies already inserted, the suggestion, and a plain link per
// canned reply, which opens the reply page with the reply filled in (as
// quoting does); with JavaScript, static/js/canned.js asks the same reply
// as text (data-canned-url) and inserts it at the cursor. Written in Go as
// the posts are (fragments.go): a member's twelve canned replies through
// html/template cost the thread page a third more allocations.
func (l Layout) CannedBox(b *cannedBox) template.HTML {
	if b == nil {
		return ""
	}
	var f fragment
	f.Grow(300 + len(b.Replies)*200)
	thread := strconv.FormatInt(b.Thread.ID, 10)
	for _, id := range b.Used {
		f.raw(`<input type="hidden" name="canned" value="`)
		f.text(strconv.FormatInt(id, 10))
		f.raw("\">\n")
	}
	if r := b.Suggested; r != nil {
		f.raw(`<p class="canned-suggestion">`)
		f.text(l.T("replies.suggestion", r.Title))
		f.raw(` `)
		cannedLink(&f, thread, r.ID)
		f.text(l.T("replies.suggestion_insert"))
		f.raw(`<span class="visually-hidden"> « `)
		f.text(r.Title)
		f.raw(" »</span></a></p>\n")
	}
	f.raw("<details class=\"canned\">\n<summary>")
	f.text(l.T("replies.insert"))
	f.raw("</summary>\n")
	mine, team := b.mineAndTeam()
	for _, group := range [...]struct {
		key  string
		list []replies.Reply
	}{{"replies.mine", mine}, {"replies.team", team}} {
		if len(group.list) == 0 {
			continue
		}
		f.raw(`<h3 class="canned-group">`)
		f.text(l.T(group.key))
		f.raw("</h3>\n<ul class=\"canned-list\">")
		for i := range group.list {
			f.raw(`<li>`)
			cannedLink(&f, thread, group.list[i].ID)
			f.text(group.list[i].Title)
			f.raw(`</a></li>`)
		}
		f.raw("</ul>\n")
	}
	f.raw(`<p class="help"><a href="/settings/replies">`)
	f.text(l.T("replies.manage"))
	f.raw("</a></p>\n</details>\n", `<p class="canned-status visually-hidden" role="status" data-inserted="`)
	f.text(l.T("replies.inserted"))
	f.raw(`" data-failed="`)
	f.text(l.T("replies.insert_failed"))
	f.raw("\"></p>\n")
	return f.html()
}

// cannedLink opens the link to insert canned reply id in thread. Numbers
// go through text like every value: raw output is our own constants only.
func cannedLink(f *fragment, thread string, id int64) {
	reply := strconv.FormatInt(id, 10)
	f.raw(`<a href="/t/`)
	f.text(thread)
	f.raw(`/reply?canned=`)
	f.text(reply)
	f.raw(`" data-canned-url="/t/`)
	f.text(thread)
	f.raw(`/canned/`)
	f.text(reply)
	f.raw(`" data-canned-id="`)
	f.text(reply)
	f.raw(`">`)
}
