package web

import (
	"net/http"

	"entraide/internal/errs"
	"entraide/internal/forum"

	"github.com/labstack/echo/v4"
)

// threadThanks adds to the thread page the asker's reminders; what the
// reader did with each post and the chosen reply came with the posts
// (forum.PostsAndSolution).
func (s *Server) threadThanks(page *threadPage) {
	t := &page.View.Thread
	u := page.user
	page.Asker = u != nil && u.ID == t.AuthorID
	page.CanChoose = forum.CanChooseSolution(u, t)
	for i := range page.Posts {
		if page.pending(&page.Posts[i]) {
			page.Pending++
		}
	}
}

// inPlace reports whether the request comes from the in-place script,
// which wants a piece of page back rather than a redirect.
func inPlace(c echo.Context) bool { return c.Request().Header.Get("X-Requested-With") == "entraide" }

// afterAction answers a one-click action: the script gets the new thanks
// control (or the message of a refusal, 422); a plain form goes back where
// it came from with a flash saying what happened — never an error page for
// a rule that said no.
func (s *Server) afterAction(c echo.Context, err error, next, doneKey string, control *thanksState) error {
	if err != nil {
		r, refused := errs.AsRefusal(err)
		if !refused {
			return err
		}
		if inPlace(c) {
			l := s.fragmentLayout(c)
			var f fragment
			f.raw(`<p class="action-error" role="alert">`)
			f.text(l.T(r.Key))
			f.raw(`</p>`)
			return c.HTMLBlob(http.StatusUnprocessableEntity, []byte(f.String()))
		}
		return redirect(c, next, r.Key)
	}
	if inPlace(c) && control != nil {
		l := s.fragmentLayout(c)
		l.CSRF = csrfToken(c)
		var f fragment
		thanksControl(&f, &l, *control)
		return c.HTMLBlob(http.StatusOK, []byte(f.String()))
	}
	return redirect(c, next, doneKey)
}

// actionNext is where a one-click form returns: the local address it
// names, else the post.
func (s *Server) actionNext(c echo.Context, postID int64) string {
	if next := c.FormValue("next"); next != "" {
		return safeNext(next)
	}
	return postURL(postID)
}

func (s *Server) thankPost(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	count, err := s.forum.Thank(c.Request().Context(), currentUser(c), id)
	next := s.actionNext(c, id)
	return s.afterAction(c, err, next, "thanks.flash.thanked", &thanksState{PostID: id, Count: count, CanAct: true, Thanked: true, Next: next})
}

func (s *Server) unthankPost(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	count, err := s.forum.Unthank(c.Request().Context(), currentUser(c), id)
	next := s.actionNext(c, id)
	return s.afterAction(c, err, next, "thanks.flash.withdrawn", &thanksState{PostID: id, Count: count, CanAct: true, Next: next})
}

func (s *Server) chooseSolution(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	_, err = s.forum.ChooseSolution(c.Request().Context(), currentUser(c), id)
	return s.afterAction(c, err, s.actionNext(c, id), "thanks.flash.solution", nil)
}

func (s *Server) removeSolution(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	tv, err := s.forum.RemoveSolution(c.Request().Context(), currentUser(c), id)
	next := c.FormValue("next")
	if next == "" && tv != nil {
		next = threadURL(tv.Thread.ID, tv.Thread.Slug)
	}
	return s.afterAction(c, err, safeNext(next), "thanks.flash.solution_removed", nil)
}

func (s *Server) markNotHelpful(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	undo := c.FormValue("undo") != ""
	_, err = s.forum.MarkNotHelpful(c.Request().Context(), currentUser(c), id, undo)
	key := "thanks.flash.not_helpful"
	if undo {
		key = "thanks.flash.not_helpful_undone"
	}
	return s.afterAction(c, err, s.actionNext(c, id), key, nil)
}

type thankersPage struct {
	Layout
	Post     *forum.PostContext
	Thankers []forum.Author
}

// showThankers lists who thanked a post.
func (s *Server) showThankers(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	pc, list, err := s.forum.Thankers(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	page := &thankersPage{Layout: s.layout(c, "thanks.who.title", pc.Thread.Title), Post: pc, Thankers: list}
	return s.render(c, http.StatusOK, "posts/thanks", page)
}
