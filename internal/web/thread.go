package web

import (
	"entraide/internal/approval"
	"html/template"
	"net/http"
	"strconv"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/rules"

	"github.com/labstack/echo/v4"
)

type threadPage struct {
	Layout
	View     *forum.ThreadView
	Posts    []forum.PostView
	Page     int
	Pages    int
	CanReply bool
	// Thank-yous and the solution (thanks.go); what the reader did with
	// each post comes with it (PostView.Mark).
	Solution  *forum.PostView // the chosen reply, under the question
	Asker     bool            // the reader opened the thread
	CanChoose bool            // the reader may choose the solution
	Pending   int             // replies on this page the asker has yet to acknowledge
	// Held is the reader's own replies waiting for approval (or rejected),
	// shown after the last page's posts.
	Held []approval.Item
	// Canned is the reply box's canned replies (nil: none to offer); the
	// authors' contact preferences come with their posts (PostView.Contact).
	Canned *cannedBox
	// editor is the reply box's empty editor in the reader's language,
	// rendered at start (pages.replyEditor).
	editor template.HTML
	here   string // the page's address, for the one-click forms' return
	// Moderation: the canonical thread of a duplicate and its solution
	// (the banner), and what the reader may do.
	Canonical         *forum.ThreadView
	CanonicalSolution *forum.PostView
	CanModerate       bool
	Suspended         bool
}

// Excerpt is the first lines of a post's Markdown, as plain text.
func (p *threadPage) Excerpt(body string) string { return forum.Excerpt(markup.PlainText(body), 280) }

// CanEdit reports whether the reader may edit post p (shown as a link).
func (p *threadPage) CanEdit(post *forum.Post) bool {
	return forum.CanEditPost(p.user, &p.View.Section, &p.View.Thread, post)
}

// CanSeeHistory reports whether the reader may open post p's history.
func (p *threadPage) CanSeeHistory(post *forum.Post) bool {
	return forum.CanSeeHistory(p.user, post)
}

// threadParam loads the thread named by the route's :id, if the reader may
// read it.
func (s *Server) threadParam(c echo.Context) (*forum.ThreadView, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	return s.forum.Thread(c.Request().Context(), currentUser(c), id)
}

func (s *Server) redirectThread(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	to := threadURL(tv.Thread.ID, tv.Thread.Slug)
	if q := c.Request().URL.RawQuery; q != "" { // ?page=N stays on its page
		to += "?" + q
	}
	return c.Redirect(http.StatusMovedPermanently, to)
}

func (s *Server) showThread(c echo.Context) error {
	ctx := c.Request().Context()
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	pageNo := 1
	if raw := c.QueryParam("page"); raw != "" {
		if pageNo, err = strconv.Atoi(raw); err != nil || pageNo < 1 {
			return errs.ErrNotFound
		}
	}
	if c.Param("slug") != tv.Thread.Slug {
		to := threadURL(tv.Thread.ID, tv.Thread.Slug)
		if pageNo > 1 {
			to += "?page=" + strconv.Itoa(pageNo)
		}
		return c.Redirect(http.StatusMovedPermanently, to)
	}
	page := &threadPage{Layout: s.layout(c, ""), View: tv, Page: pageNo, Pages: tv.Thread.Pages()}
	page.editor = s.pages.replyEditor[page.Locale]
	page.Title = tv.Thread.Title
	page.CanReply = forum.CanReply(page.user, &tv.Section, &tv.Thread)
	page.CanModerate = forum.CanModerate(page.user)
	page.Suspended = page.Viewer != nil && page.Viewer.SuspendedUntil != nil
	if page.Canonical, page.CanonicalSolution, err = s.forum.Canonical(ctx, page.user, &tv.Thread); err != nil {
		return err
	}
	posts, solution, err := s.forum.PostsAndSolution(ctx, page.user, &tv.Thread, pageNo)
	if err != nil {
		return err
	}
	page.Posts = posts
	if pageNo == 1 {
		page.Solution = solution
	}
	if s.externalImagesAsLinks(c) {
		for i := range page.Posts {
			page.Posts[i].BodyHTML = markup.ExternalImagesAsLinks(page.Posts[i].BodyHTML)
		}
		if page.Solution != nil {
			page.Solution.BodyHTML = markup.ExternalImagesAsLinks(page.Solution.BodyHTML)
		}
	}
	s.threadThanks(page)
	// Read on every page (shown on the last), so that the page's
	// statements do not depend on which page it is.
	if currentUser(c) != nil {
		if page.Held, err = s.approval.InThread(c.Request().Context(), currentUser(c), tv.Thread.ID); err != nil {
			return err
		}
	}
	if page.CanReply {
		first := ""
		if len(posts) > 0 && posts[0].Position == 1 && posts[0].DeletedAt == nil {
			first = posts[0].Body
		}
		if page.Canned, err = s.loadCannedBox(c, tv, first); err != nil {
			return err
		}
	}
	return s.render(c, http.StatusOK, "threads/show", page)
}

// redirectPost sends /p/{id} to the page of its thread that shows it.
func (s *Server) redirectPost(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	pc, err := s.forum.Post(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, postAddress(pc))
}

func postAddress(pc *forum.PostContext) string {
	to := threadURL(pc.Thread.ID, pc.Thread.Slug)
	if page := forum.PageOf(pc.Post.Position); page > 1 {
		to += "?page=" + strconv.Itoa(page)
	}
	return to + "#p" + strconv.FormatInt(pc.Post.ID, 10)
}

// threadInput is the form of a new thread.
type threadInput struct {
	Section string `form:"section"` // its id; parsed by createThread
	Title   string `form:"title"`
	Body    string `form:"body"`
}

type newThreadPage struct {
	Layout
	Form     Form[threadInput]
	Sections []forum.Section // where the reader may open a thread
	Newcomer bool            // newcomers' threads always go to the newcomers' section
	Refused  bool            // a rule stopped the thread: link to the ask flow
	Preview  markup.HTML
}

func (s *Server) threadFormPage(c echo.Context, form Form[threadInput]) (*newThreadPage, error) {
	page := &newThreadPage{Layout: s.layout(c, "thread.new.title"), Form: form}
	if !page.user.Can(accounts.Member) {
		v, err := s.ask.Rules(c.Request().Context())
		if err != nil {
			return nil, err
		}
		page.Newcomer = v.On(rules.NewcomersSection)
	}
	for _, sec := range page.Layout.Sections {
		if !sec.Archived {
			page.Sections = append(page.Sections, sec)
		}
	}
	return page, nil
}

func (s *Server) newThread(c echo.Context) error {
	if !currentUser(c).Can(accounts.Member) {
		// Newcomers ask through the ask flow when the search-first rule
		// holds; the flow asks them first to acknowledge earlier answers.
		v, err := s.ask.Rules(c.Request().Context())
		if err != nil {
			return err
		}
		if v.On(rules.SearchFirst) {
			return c.Redirect(http.StatusSeeOther, "/ask")
		}
	}
	if done, err := s.acknowledgeFirst(c, "/new"); done || err != nil {
		return err
	}
	// The address may prefill the title and body, and names the section
	// by its slug.
	form := formOf(threadInput{Title: c.QueryParam("title"), Body: c.QueryParam("body")})
	if slug := c.QueryParam("section"); slug != "" {
		if sec, err := s.forum.SectionBySlug(c.Request().Context(), currentUser(c), slug); err == nil {
			form.Input.Section = strconv.FormatInt(sec.ID, 10)
		}
	}
	page, err := s.threadFormPage(c, form)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "threads/new", page)
}

func (s *Server) createThread(c echo.Context) error {
	form := readForm[threadInput](c)
	sectionID, _ := strconv.ParseInt(form.Input.Section, 10, 64)
	if c.FormValue("preview") != "" {
		return s.previewThread(c, form)
	}
	t, err := s.forum.CreateThread(c.Request().Context(), currentUser(c), forum.NewThread{SectionID: sectionID, Title: form.Input.Title, Body: form.Input.Body})
	if id, ok := heldFor(err); ok {
		return redirect(c, pendingURL(id), "approval.flash.held")
	}
	if err != nil {
		page, perr := s.threadFormPage(c, form)
		if perr != nil {
			return perr
		}
		_, page.Refused = errs.AsRefusal(err)
		return s.formAgain(c, err, form, &page.Layout, "threads/new", page)
	}
	return redirect(c, threadURL(t.ID, t.Slug), "flash.thread_created")
}

func (s *Server) previewThread(c echo.Context, form Form[threadInput]) error {
	page, err := s.threadFormPage(c, form)
	if err != nil {
		return err
	}
	if page.Preview, err = s.markup.Render(form.Input.Body); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "threads/new", page)
}
