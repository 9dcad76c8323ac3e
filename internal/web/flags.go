package web

import (
	"net/http"

	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/moderation"
	"entraide/internal/search"

	"github.com/labstack/echo/v4"
)

// Flags: any logged-in person reports a post once; the moderators decide
// on /mod/flags, post by post.

// flagInput is the form reporting a post: its kind, a sentence, and for a
// duplicate the thread it repeats (proposed or typed, as in duplicateInput).
type flagInput struct {
	Kind      string `form:"kind"`
	Sentence  string `form:"sentence"`
	Ref       string `form:"ref"`
	Canonical string `form:"canonical"`
}

type flagPage struct {
	Layout
	Post  *forum.PostContext
	Form  Form[flagInput]
	Kinds []moderation.Kind
	// Similar are the threads closest to the post's, proposed for a
	// duplicate flag as the moderators' chooser proposes them.
	Similar []search.Similar
}

func (s *Server) flagPage(c echo.Context, pc *forum.PostContext, form Form[flagInput]) (*flagPage, error) {
	page := &flagPage{Layout: s.layout(c, "moderation.flag.title"), Post: pc, Form: form, Kinds: moderation.Kinds}
	sections, err := s.searchSections(c)
	if err != nil {
		return nil, err
	}
	page.Similar, err = s.search.Similar(c.Request().Context(), pc.Thread.Title, "", sectionIDs(sections), pc.Thread.ID, choiceLimit)
	return page, err
}

func (s *Server) showFlagPost(c echo.Context) error {
	pc, err := s.postParam(c)
	if err != nil {
		return err
	}
	page, err := s.flagPage(c, pc, readForm[flagInput](c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "posts/flag", page)
}

func (s *Server) flagPost(c echo.Context) error {
	pc, err := s.postParam(c)
	if err != nil {
		return err
	}
	form := readForm[flagInput](c)
	in := moderation.NewFlag{Kind: moderation.Kind(form.Input.Kind), Sentence: form.Input.Sentence}
	if in.Kind == moderation.Duplicate {
		in.Proposed = canonicalChoice(form.Input.Canonical, form.Input.Ref)
	}
	if err := s.moderation.Flag(c.Request().Context(), currentUser(c), pc.Post.ID, in); err != nil {
		if _, refused := errs.AsRefusal(err); refused {
			return redirect(c, postAddress(pc), refusalKey(err))
		}
		page, perr := s.flagPage(c, pc, form)
		if perr != nil {
			return perr
		}
		return s.formAgain(c, err, form, &page.Layout, "posts/flag", page)
	}
	return redirect(c, postAddress(pc), "moderation.flash.flagged")
}

type modFlagsPage struct {
	Layout
	Posts []moderation.FlaggedPost
}

// Excerpt is the first words of a flagged post.
func (p *modFlagsPage) Excerpt(f moderation.FlaggedPost) string {
	return forum.Excerpt(markup.PlainText(f.Excerpt), 240)
}

func (s *Server) showModFlags(c echo.Context) error {
	list, err := s.moderation.Pending(c.Request().Context())
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "mod/flags", &modFlagsPage{Layout: s.layout(c, "moderation.flags.title"), Posts: list})
}

// resolveFlags answers the one-click decisions of /mod/flags.
func (s *Server) resolveFlags(c echo.Context) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	r := moderation.Resolution(c.Param("resolution"))
	switch r {
	case moderation.ResolveHide, moderation.ResolveDismiss, moderation.ResolveDuplicate:
	default:
		return errs.ErrNotFound
	}
	err = s.moderation.Resolve(c.Request().Context(), currentUser(c), id, r, c.FormValue("reason"))
	if bad, ok := errs.AsInvalid(err); ok {
		for _, key := range bad {
			return redirect(c, "/mod/flags", key)
		}
	}
	return s.afterAction(c, err, "/mod/flags", "moderation.flash.resolved."+string(r), nil)
}
