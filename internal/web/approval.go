package web

import (
	"errors"
	"net/http"
	"strconv"

	"entraide/internal/approval"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/search"

	"github.com/labstack/echo/v4"
)

// heldFor reports whether err says the post was saved for approval, with
// the waiting post's id.
func heldFor(err error) (int64, bool) {
	var held *forum.Held
	if errors.As(err, &held) {
		return held.PendingID, true
	}
	return 0, false
}

// pendingURL is where the author reads a waiting (or rejected) post.
func pendingURL(id int64) string { return "/pending/" + strconv.FormatInt(id, 10) }

type pendingPage struct {
	Layout
	Item *approval.Item
	Own  bool // the reader wrote it: a rejected post offers its text back
}

// showPending shows a held post to its author (and moderators): waiting,
// or rejected with the reason. Anyone else gets 404.
func (s *Server) showPending(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	it, err := s.approval.Get(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	if it.PostID != nil {
		return c.Redirect(http.StatusSeeOther, "/p/"+strconv.FormatInt(*it.PostID, 10))
	}
	return s.render(c, http.StatusOK, "approval/pending", &pendingPage{Layout: s.layout(c, "approval.pending.title"), Item: it,
		Own: it.AuthorID == currentUser(c).ID})
}

// queueLimit is how many waiting posts /mod/queue lists.
const queueLimit = 50

// The focused post's companions on /mod/queue.
const (
	otherPostsShown = 5
	similarShown    = 5
)

type queuePage struct {
	Layout
	Items   []approval.Item
	Focus   *approval.Item // the post examined, the oldest unless ?id= says
	Others  []approval.OtherPost
	Similar []search.Similar
	Reject  Form[rejectInput]
}

// rejectInput is the form refusing a waiting post with a reason.
type rejectInput struct {
	Reason string `form:"reason"`
	ID     int64  // the post refused, from the address: the queue shows it again
}

// showQueue lists the posts waiting for approval and shows one in full
// (the oldest, or ?id=), with its author's other posts and, for a new
// thread, the similar threads: one post examined at a time keeps the
// page's statements the same however long the queue.
func (s *Server) showQueue(c echo.Context) error {
	page, err := s.queuePageFor(c, formOf(rejectInput{}))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/queue", page)
}

func (s *Server) queuePageFor(c echo.Context, form Form[rejectInput]) (*queuePage, error) {
	ctx := c.Request().Context()
	page := &queuePage{Layout: s.layout(c, "approval.queue.title"), Reject: form}
	var err error
	if page.Items, err = s.approval.Waiting(ctx, queueLimit); err != nil || len(page.Items) == 0 {
		return page, err
	}
	page.Focus = &page.Items[0]
	want, _ := strconv.ParseInt(c.QueryParam("id"), 10, 64)
	if form.Input.ID != 0 {
		want = form.Input.ID
	}
	for i := range page.Items {
		if page.Items[i].ID == want {
			page.Focus = &page.Items[i]
		}
	}
	if page.Others, err = s.approval.OtherPosts(ctx, page.Focus.AuthorID, otherPostsShown); err != nil {
		return nil, err
	}
	if page.Focus.OpensThread() {
		sections, err := s.sections(c)
		if err != nil {
			return nil, err
		}
		ids := make([]int64, len(sections))
		for i, sec := range sections {
			ids[i] = sec.ID
		}
		if page.Similar, err = s.search.Similar(ctx, page.Focus.Title, page.Focus.Body, ids, 0, similarShown); err != nil {
			return nil, err
		}
	}
	return page, nil
}

// approvePost publishes a waiting post. A post already decided comes back
// as a message on the queue.
func (s *Server) approvePost(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	_, err = s.approval.Approve(c.Request().Context(), currentUser(c), id)
	return s.afterAction(c, err, "/mod/queue", "approval.flash.approved", nil)
}

// rejectPost refuses a waiting post with a reason; without one the queue
// comes back with the message and what was typed.
func (s *Server) rejectPost(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	form := readForm[rejectInput](c)
	form.Input.ID = id
	_, err = s.approval.Reject(c.Request().Context(), currentUser(c), id, form.Input.Reason)
	if err != nil {
		if _, ok := errs.AsInvalid(err); ok {
			page, perr := s.queuePageFor(c, form)
			if perr != nil {
				return perr
			}
			return s.formAgain(c, err, form, &page.Layout, "mod/queue", page)
		}
	}
	return s.afterAction(c, err, "/mod/queue", "approval.flash.rejected", nil)
}
