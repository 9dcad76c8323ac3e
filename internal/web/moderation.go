package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/search"

	"github.com/labstack/echo/v4"
)

// The moderators' actions on a thread and its posts (the forms on the
// thread page, the duplicate chooser) and the asker's answers to a
// duplicate's closing. The domain checks every action
// (forum.CanModerate); the routes admit moderators and admins only.

// modWaiting is the number the header's moderators' link shows: what
// waits for a moderator. Features with a queue add their count here.
func (s *Server) modWaiting(ctx context.Context) int {
	n, err := s.moderation.Waiting(ctx)
	if err != nil {
		s.log.Warn("moderators' waiting count", "err", err)
	}
	// Posts waiting for approval (internal/approval).
	q, err := s.approval.Count(ctx)
	if err != nil {
		s.log.Warn("approval queue's count", "err", err)
	}
	return n + int(q)
}

// moderateThread answers the one-click thread actions: close, reopen,
// lock, unlock, pin, unpin.
func (s *Server) moderateThread(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	a, ok := forum.ParseThreadAction(c.Param("action"))
	if !ok {
		return errs.ErrNotFound
	}
	if done, err := s.forum.ModerateThread(c.Request().Context(), currentUser(c), tv.Thread.ID, a, c.FormValue("reason")); err == nil {
		tv = done
	} else {
		return s.afterModeration(c, err, tv, tv.Thread.ID, "")
	}
	return s.afterModeration(c, nil, tv, tv.Thread.ID, "moderation.flash."+string(a))
}

// afterModeration goes back to the thread with a flash saying what
// happened, or why not; invalid input also comes back as a flash, since
// these are one-click forms.
func (s *Server) afterModeration(c echo.Context, err error, tv *forum.ThreadView, id int64, doneKey string) error {
	next := "/t/" + strconv.FormatInt(id, 10)
	if tv != nil {
		next = threadURL(tv.Thread.ID, tv.Thread.Slug)
	}
	if bad, ok := errs.AsInvalid(err); ok {
		for _, key := range bad {
			return redirect(c, next, key)
		}
	}
	return s.afterAction(c, err, next, doneKey, nil)
}

// modThreadInput is the moderators' two forms on a thread: move it to
// section, retitle it; each with its reason.
type modThreadInput struct {
	Section string `form:"section"` // its id
	Title   string `form:"title"`
	Reason  string `form:"reason"`
}

type modThreadPage struct {
	Layout
	View     *forum.ThreadView
	Form     Form[modThreadInput]
	Sections []forum.Section
}

// editThreadModeration shows the forms to move and retitle a thread.
func (s *Server) editThreadModeration(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	form := formOf(modThreadInput{Title: tv.Thread.Title, Section: strconv.FormatInt(tv.Section.ID, 10)})
	return s.render(c, http.StatusOK, "mod/thread", s.modThreadPage(c, tv, form))
}

func (s *Server) modThreadPage(c echo.Context, tv *forum.ThreadView, form Form[modThreadInput]) *modThreadPage {
	page := &modThreadPage{Layout: s.layout(c, "moderation.thread.title"), View: tv, Form: form}
	for _, sec := range page.Layout.Sections {
		if !sec.Archived {
			page.Sections = append(page.Sections, sec)
		}
	}
	return page
}

func (s *Server) moveThread(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	form := readForm[modThreadInput](c)
	form.Input.Title = tv.Thread.Title // the other form shows the title as it is
	to, _ := strconv.ParseInt(form.Input.Section, 10, 64)
	moved, err := s.forum.MoveThread(c.Request().Context(), currentUser(c), tv.Thread.ID, to, form.Input.Reason)
	if err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return s.afterModeration(c, err, tv, tv.Thread.ID, "")
		}
		page := s.modThreadPage(c, tv, form)
		return s.formAgain(c, err, form, &page.Layout, "mod/thread", page)
	}
	return redirect(c, threadURL(moved.Thread.ID, moved.Thread.Slug), "moderation.flash.moved")
}

func (s *Server) retitleThread(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	form := readForm[modThreadInput](c)
	form.Input.Section = strconv.FormatInt(tv.Section.ID, 10) // the other form shows the section as it is
	done, err := s.forum.RetitleThread(c.Request().Context(), currentUser(c), tv.Thread.ID, form.Input.Title, form.Input.Reason)
	if err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return s.afterModeration(c, err, tv, tv.Thread.ID, "")
		}
		page := s.modThreadPage(c, tv, form)
		return s.formAgain(c, err, form, &page.Layout, "mod/thread", page)
	}
	return redirect(c, threadURL(done.Thread.ID, done.Thread.Slug), "moderation.flash.retitled")
}

// duplicateInput is the form closing a thread as a duplicate: the thread
// chosen among those proposed (canonical) or typed (ref), the search box
// inside the form (q), the message to the asker.
type duplicateInput struct {
	Q         string `form:"q"`
	Canonical string `form:"canonical"`
	Ref       string `form:"ref"`
	Message   string `form:"message"`
}

type duplicatePage struct {
	Layout
	View *forum.ThreadView
	Form Form[duplicateInput]
	// Similar are the closest threads, proposed first; Found answers the
	// search box inside the form.
	Similar []search.Similar
	Found   []search.Similar
	Action  string // where the form posts: the moderators' or a member's flag
}

// choiceLimit is how many threads the chooser proposes in each list.
const choiceLimit = 8

// duplicateChooser fills the chooser: the threads closest to the one
// being closed, and those the search box found.
func (s *Server) duplicateChooser(c echo.Context, page *duplicatePage) error {
	sections, err := s.searchSections(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	ids := sectionIDs(sections)
	first := ""
	if posts, err := s.forum.Posts(ctx, &page.View.Thread, 1); err == nil && len(posts) > 0 && posts[0].DeletedAt == nil {
		first = posts[0].Body
	}
	if page.Similar, err = s.search.Similar(ctx, page.View.Thread.Title, first, ids, page.View.Thread.ID, choiceLimit); err != nil {
		return err
	}
	if q := strings.TrimSpace(page.Form.Input.Q); q != "" {
		if page.Found, err = s.search.Similar(ctx, q, "", ids, page.View.Thread.ID, choiceLimit); err != nil {
			return err
		}
	}
	return nil
}

// showDuplicateChooser is the "Fermer comme doublon" form.
func (s *Server) showDuplicateChooser(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	page := &duplicatePage{Layout: s.layout(c, "moderation.duplicate.title"), View: tv, Form: readForm[duplicateInput](c),
		Action: "/mod/t/" + strconv.FormatInt(tv.Thread.ID, 10) + "/duplicate"}
	if err := s.duplicateChooser(c, page); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/duplicate", page)
}

// canonicalChoice reads the chosen thread: a proposed one, or a thread's
// number or address typed in the field.
func canonicalChoice(canonical, ref string) int64 {
	v := strings.TrimSpace(canonical)
	if v == "" || v == "0" {
		v = strings.TrimSpace(ref)
	}
	if i := strings.Index(v, "/t/"); i >= 0 {
		v = v[i+3:]
		if j := strings.IndexByte(v, '/'); j >= 0 {
			v = v[:j]
		}
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(v, "#"), 10, 64)
	return id
}

func (s *Server) closeAsDuplicate(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	form := readForm[duplicateInput](c)
	page := &duplicatePage{Layout: s.layout(c, "moderation.duplicate.title"), View: tv, Form: form,
		Action: "/mod/t/" + strconv.FormatInt(tv.Thread.ID, 10) + "/duplicate"}
	if c.FormValue("search") != "" { // the search box inside the form
		if err := s.duplicateChooser(c, page); err != nil {
			return err
		}
		return s.render(c, http.StatusOK, "mod/duplicate", page)
	}
	done, err := s.forum.CloseAsDuplicate(c.Request().Context(), currentUser(c), tv.Thread.ID, canonicalChoice(form.Input.Canonical, form.Input.Ref), form.Input.Message)
	if err != nil {
		if _, ok := errs.AsInvalid(err); !ok {
			if _, refused := errs.AsRefusal(err); !refused {
				return err
			}
		}
		if cerr := s.duplicateChooser(c, page); cerr != nil {
			return cerr
		}
		return s.formAgain(c, err, form, &page.Layout, "mod/duplicate", page)
	}
	return redirect(c, threadURL(done.Thread.ID, done.Thread.Slug), "moderation.flash.duplicate")
}

// reasonInput is a form asking only why: hiding a post.
type reasonInput struct {
	Reason string `form:"reason"`
}

type hidePage struct {
	Layout
	Post *forum.PostContext
	Form Form[reasonInput]
}

func (s *Server) postParam(c echo.Context) (*forum.PostContext, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	return s.forum.Post(c.Request().Context(), currentUser(c), id)
}

// showHidePost asks the moderator for the reason of hiding a post.
func (s *Server) showHidePost(c echo.Context) error {
	pc, err := s.postParam(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/hide", &hidePage{Layout: s.layout(c, "moderation.hide.title"), Post: pc, Form: readForm[reasonInput](c)})
}

func (s *Server) hidePost(c echo.Context) error {
	pc, err := s.postParam(c)
	if err != nil {
		return err
	}
	form := readForm[reasonInput](c)
	if _, err := s.forum.HidePost(c.Request().Context(), currentUser(c), pc.Post.ID, form.Input.Reason); err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return redirect(c, postAddress(pc), refusalKey(err))
		}
		page := &hidePage{Layout: s.layout(c, "moderation.hide.title"), Post: pc, Form: form}
		return s.formAgain(c, err, form, &page.Layout, "mod/hide", page)
	}
	return redirect(c, postAddress(pc), "moderation.flash.hidden")
}

func (s *Server) restorePost(c echo.Context) error {
	pc, err := s.postParam(c)
	if err != nil {
		return err
	}
	_, err = s.forum.RestorePost(c.Request().Context(), currentUser(c), pc.Post.ID, c.FormValue("reason"))
	if bad, ok := errs.AsInvalid(err); ok {
		for _, key := range bad {
			return redirect(c, postAddress(pc), key)
		}
	}
	return s.afterAction(c, err, postAddress(pc), "moderation.flash.restored", nil)
}

func refusalKey(err error) string {
	if r, ok := errs.AsRefusal(err); ok {
		return r.Key
	}
	return ""
}

// answerDuplicateYes is the asker's "Oui, cela répond à ma question".
func (s *Server) answerDuplicateYes(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	err = s.moderation.AnswerDuplicate(c.Request().Context(), currentUser(c), tv.Thread.ID, true, "")
	return s.afterModeration(c, err, tv, tv.Thread.ID, "moderation.flash.answered_yes")
}

// differentInput is the asker's sentence saying how their question differs.
type differentInput struct {
	Sentence string `form:"sentence"`
}

type differentPage struct {
	Layout
	View *forum.ThreadView
	Form Form[differentInput]
}

// showDuplicateDifferent is the asker's "Non, ma question est différente"
// form: one sentence for the moderators.
func (s *Server) showDuplicateDifferent(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	if tv.Thread.AuthorID != currentUser(c).ID || tv.Thread.DuplicateOf == nil {
		return errs.ErrNotFound
	}
	page := &differentPage{Layout: s.layout(c, "moderation.different.title"), View: tv, Form: readForm[differentInput](c)}
	return s.render(c, http.StatusOK, "threads/different", page)
}

func (s *Server) answerDuplicateNo(c echo.Context) error {
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	form := readForm[differentInput](c)
	err = s.moderation.AnswerDuplicate(c.Request().Context(), currentUser(c), tv.Thread.ID, false, form.Input.Sentence)
	if err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return s.afterModeration(c, err, tv, tv.Thread.ID, "")
		}
		page := &differentPage{Layout: s.layout(c, "moderation.different.title"), View: tv, Form: form}
		return s.formAgain(c, err, form, &page.Layout, "threads/different", page)
	}
	return redirect(c, threadURL(tv.Thread.ID, tv.Thread.Slug), "moderation.flash.answered_no")
}
