package web

import (
	"net/http"
	"strconv"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

type threadPage struct {
	Layout
	View     *forum.ThreadView
	Posts    []postItem
	Page     int
	Pages    int
	CanReply bool
	Reply    Form
	// Contacts holds the contact preference of the page's authors who chose
	// one; Canned is the reply box's canned replies (nil: none to offer).
	Contacts map[int64]accounts.ContactMode
	Canned   *cannedBox
}

// CanEdit reports whether the reader may edit post p (shown as a link).
func (p *threadPage) CanEdit(post postItem) bool {
	return forum.CanEditPost(p.User, &p.View.Section, &p.View.Thread, post.post())
}

// CanSeeHistory reports whether the reader may open post p's history.
func (p *threadPage) CanSeeHistory(post postItem) bool {
	return forum.CanSeeHistory(p.User, post.post())
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
	return c.Redirect(http.StatusMovedPermanently, threadURL(tv.Thread.ID, tv.Thread.Slug))
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
	page := &threadPage{Layout: s.layout(c, ""), View: tv, Page: pageNo, Pages: tv.Thread.Pages(), Reply: newForm(c)}
	page.Title = tv.Thread.Title
	page.CanReply = forum.CanReply(page.User, &tv.Section, &tv.Thread)
	posts, err := s.forum.Posts(ctx, &tv.Thread, pageNo)
	if err != nil {
		return err
	}
	page.Posts = postItems(posts)
	if page.Contacts, err = s.contactModes(c, posts); err != nil {
		return err
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

type newThreadPage struct {
	Layout
	Form     Form
	Sections []forum.Section // where the reader may open a thread
	Newcomer bool            // newcomers' threads always go to the newcomers' section
	Preview  string
}

func (s *Server) threadFormPage(c echo.Context, form Form) (*newThreadPage, error) {
	page := &newThreadPage{Layout: s.layout(c, "thread.new.title"), Form: form}
	page.Newcomer = !page.User.Can(accounts.Member)
	for _, sec := range page.Layout.Sections {
		if forum.CanOpenThreadIn(page.User, &sec) {
			page.Sections = append(page.Sections, sec)
		}
	}
	return page, nil
}

func (s *Server) newThread(c echo.Context) error {
	form := newForm(c, "title", "body")
	if slug := c.QueryParam("section"); slug != "" {
		if sec, err := s.forum.SectionBySlug(c.Request().Context(), currentUser(c), slug); err == nil {
			form.Values["section"] = strconv.FormatInt(sec.ID, 10)
		}
	}
	page, err := s.threadFormPage(c, form)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "threads/new", page)
}

func (s *Server) createThread(c echo.Context) error {
	form := newForm(c, "section", "title", "body")
	sectionID, _ := strconv.ParseInt(form.Get("section"), 10, 64)
	if c.FormValue("preview") != "" {
		return s.previewThread(c, form)
	}
	t, err := s.forum.CreateThread(c.Request().Context(), currentUser(c), forum.NewThread{SectionID: sectionID, Title: form.Get("title"), Body: form.Get("body")})
	if err != nil {
		page, perr := s.threadFormPage(c, form)
		if perr != nil {
			return perr
		}
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "threads/new", page)
		}
		return err
	}
	return redirect(c, threadURL(t.ID, t.Slug), "flash.thread_created")
}

func (s *Server) previewThread(c echo.Context, form Form) error {
	page, err := s.threadFormPage(c, form)
	if err != nil {
		return err
	}
	if page.Preview, err = s.markup.Render(form.Get("body")); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "threads/new", page)
}
