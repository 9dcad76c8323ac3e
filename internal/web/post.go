package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/replies"

	"github.com/labstack/echo/v4"
)

// replyInput is the reply form.
type replyInput struct {
	Body string `form:"body"`
}

type replyPage struct {
	Layout
	View    *forum.ThreadView
	Form    Form[replyInput]
	Preview markup.HTML
	Canned  *cannedBox
}

// replyFormPage is the reply page with the reader's canned replies; used
// lists those already inserted, counted when the reply is published.
func (s *Server) replyFormPage(c echo.Context, tv *forum.ThreadView, form Form[replyInput], used []int64) (*replyPage, error) {
	page := &replyPage{Layout: s.layout(c, "reply.title", tv.Thread.Title), View: tv, Form: form}
	first := ""
	if tv.Section.IsNewcomers && replies.CanKeep(page.user) && tv.Thread.AuthorID != page.user.ID {
		if posts, err := s.forum.Posts(c.Request().Context(), &tv.Thread, 1); err == nil && len(posts) > 0 && posts[0].DeletedAt == nil {
			first = posts[0].Body
		}
	}
	var err error
	if page.Canned, err = s.loadCannedBox(c, tv, first); err != nil {
		return nil, err
	}
	if page.Canned != nil {
		page.Canned.Used = used
	}
	return page, nil
}

// newReply shows the reply form alone, prefilled with a quote when asked:
// quoting works without JavaScript.
func (s *Server) newReply(c echo.Context) error {
	ctx := c.Request().Context()
	tv, err := s.threadParam(c)
	if err != nil {
		return err
	}
	if !forum.CanReply(currentUser(c), &tv.Section, &tv.Thread) {
		return errs.ErrForbidden // a locked thread or an archived section
	}
	form := readForm[replyInput](c)
	if q, err := strconv.ParseInt(c.QueryParam("quote"), 10, 64); err == nil {
		if pc, err := s.forum.Post(ctx, currentUser(c), q); err == nil && pc.Thread.ID == tv.Thread.ID && pc.Post.DeletedAt == nil {
			form.Input.Body = markup.Quote(pc.Post.Author.Username, pc.Post.Body)
		}
	}
	// A rejected reply of the reader's own, taken up again to rework it.
	if id, err := strconv.ParseInt(c.QueryParam("rework"), 10, 64); err == nil {
		if it, err := s.approval.Get(ctx, currentUser(c), id); err == nil && it.AuthorID == currentUser(c).ID &&
			!it.Waiting() && it.ThreadID != nil && *it.ThreadID == tv.Thread.ID {
			form.Input.Body = it.Body
		}
	}
	// A canned reply, filled in for this thread, after the quote if any: the
	// reply box's list works without JavaScript this way.
	var used []int64
	if id, err := strconv.ParseInt(c.QueryParam("canned"), 10, 64); err == nil && replies.CanKeep(currentUser(c)) {
		text, err := s.fillCanned(c, tv, id)
		if err != nil && !errors.Is(err, errs.ErrNotFound) {
			return err
		}
		if err == nil {
			if body := form.Input.Body; body != "" {
				text = body + "\n\n" + text
			}
			form.Input.Body, used = text, []int64{id}
		}
	}
	page, err := s.replyFormPage(c, tv, form, used)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "posts/reply", page)
}

func (s *Server) createReply(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	form := readForm[replyInput](c)
	used := cannedIDs(c)
	if c.FormValue("preview") != "" {
		tv, err := s.threadParam(c)
		if err != nil {
			return err
		}
		page, err := s.replyFormPage(c, tv, form, used)
		if err != nil {
			return err
		}
		if page.Preview, err = s.markup.Render(form.Input.Body); err != nil {
			return err
		}
		return s.render(c, http.StatusOK, "posts/reply", page)
	}
	// The reply and the use counts of the canned replies it was made with
	// are written together.
	var post *forum.Post
	var thread *forum.Thread
	var held int64
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		post, thread, held = nil, nil, 0 // a rerun (db.WithTx) starts afresh
		var err error
		post, thread, err = s.forum.ReplyIn(ctx, currentUser(c), id, form.Input.Body)
		if heldID, ok := heldFor(err); ok {
			held = heldID // saved for approval: the transaction keeps it
		} else if err != nil {
			return err
		}
		return s.replies.CountUses(ctx, currentUser(c), used)
	})
	if err != nil {
		tv, terr := s.threadParam(c)
		if terr != nil {
			return terr
		}
		page, perr := s.replyFormPage(c, tv, form, used)
		if perr != nil {
			return perr
		}
		return s.formAgain(c, err, form, &page.Layout, "posts/reply", page)
	}
	if held != 0 {
		return redirect(c, pendingURL(held), "approval.flash.held")
	}
	// The address comes from what the reply returned: no statement more.
	return redirect(c, postAddress(&forum.PostContext{Post: forum.PostView{Post: *post}, Thread: *thread}), "flash.reply_created")
}

// editInput is the form editing a post, and the thread's title with its
// first post.
type editInput struct {
	Title string `form:"title"`
	Body  string `form:"body"`
}

type editPostPage struct {
	Layout
	Post    *forum.PostContext
	Form    Form[editInput]
	First   bool // the post opens its thread: its title is edited too
	Preview markup.HTML
}

func (s *Server) loadEditablePost(c echo.Context) (*forum.PostContext, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	pc, err := s.forum.Post(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return nil, err
	}
	if !forum.CanEditPost(currentUser(c), &pc.Section, &pc.Thread, &pc.Post.Post) {
		return nil, errs.ErrForbidden
	}
	return pc, nil
}

func (s *Server) editPost(c echo.Context) error {
	pc, err := s.loadEditablePost(c)
	if err != nil {
		return err
	}
	form := formOf(editInput{Title: pc.Thread.Title, Body: pc.Post.Body})
	page := &editPostPage{Layout: s.layout(c, "post.edit.title"), Post: pc, Form: form, First: pc.Post.Position == 1}
	return s.render(c, http.StatusOK, "posts/edit", page)
}

func (s *Server) updatePost(c echo.Context) error {
	pc, err := s.loadEditablePost(c)
	if err != nil {
		return err
	}
	form := readForm[editInput](c)
	page := &editPostPage{Layout: s.layout(c, "post.edit.title"), Post: pc, Form: form, First: pc.Post.Position == 1}
	if c.FormValue("preview") != "" {
		if page.Preview, err = s.markup.Render(form.Input.Body); err != nil {
			return err
		}
		return s.render(c, http.StatusOK, "posts/edit", page)
	}
	updated, err := s.forum.EditPost(c.Request().Context(), currentUser(c), pc.Post.ID, forum.Edit{Title: form.Input.Title, Body: form.Input.Body})
	if err != nil {
		return s.formAgain(c, err, form, &page.Layout, "posts/edit", page)
	}
	return redirect(c, postAddress(updated), "flash.post_updated")
}

type deletePostPage struct {
	Layout
	Post  *forum.PostContext
	First bool
	Form  Form[struct{}] // a confirmation: nothing typed, a refusal to show
}

func (s *Server) confirmDeletePost(c echo.Context) error {
	pc, err := s.loadEditablePost(c)
	if err != nil {
		return err
	}
	page := &deletePostPage{Layout: s.layout(c, "post.delete.title"), Post: pc, First: pc.Post.Position == 1, Form: formOf(struct{}{})}
	return s.render(c, http.StatusOK, "posts/delete", page)
}

func (s *Server) deletePost(c echo.Context) error {
	pc, err := s.loadEditablePost(c)
	if err != nil {
		return err
	}
	if _, err := s.forum.DeletePost(c.Request().Context(), currentUser(c), pc.Post.ID); err != nil {
		page := &deletePostPage{Layout: s.layout(c, "post.delete.title"), Post: pc, First: pc.Post.Position == 1, Form: formOf(struct{}{})}
		return s.formAgain(c, err, page.Form, &page.Layout, "posts/delete", page)
	}
	if pc.Post.Position == 1 {
		return redirect(c, "/s/"+pc.Section.Slug, "flash.thread_deleted")
	}
	return redirect(c, threadURL(pc.Thread.ID, pc.Thread.Slug)+"?page="+strconv.Itoa(forum.PageOf(pc.Post.Position)), "flash.post_deleted")
}

type historyPage struct {
	Layout
	Post      *forum.PostContext
	Revisions []forum.Revision
}

func (s *Server) showPostHistory(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	pc, err := s.forum.Post(ctx, currentUser(c), id)
	if err != nil {
		return err
	}
	revs, err := s.forum.Revisions(ctx, currentUser(c), pc)
	if err != nil {
		return err
	}
	page := &historyPage{Layout: s.layout(c, "post.history.title"), Post: pc, Revisions: revs}
	return s.render(c, http.StatusOK, "posts/history", page)
}
