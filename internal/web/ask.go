package web

import (
	"net/http"
	"net/url"
	"strconv"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/rules"

	"github.com/labstack/echo/v4"
)

// The ask flow (/ask): step 1 is one sentence, step 2 what already answers
// it, step 3 the thread's form. Each step is a plain page and form; the
// session's token in the address carries the person from one to the next.

// askInput is step 1's form: the question in one sentence, and the session
// when rephrasing it.
type askInput struct {
	Q       string `form:"q"`
	Session string `form:"session"`
}

type askPage struct {
	Layout
	Form Form[askInput]
}

// showAsk is step 1: the question in one sentence.
func (s *Server) showAsk(c echo.Context) error {
	// Before a new question, earlier answers still waiting for a word
	// (the rule "acknowledge earlier answers before asking again").
	if done, err := s.acknowledgeFirst(c, "/ask"); done || err != nil {
		return err
	}
	form := formOf(askInput{Q: ask.CleanSentence(c.QueryParam("q"))})
	return s.render(c, http.StatusOK, "ask/show", &askPage{Layout: s.layout(c, "ask.title"), Form: form})
}

// startAsk finds what answers the sentence and shows it (step 2), in a new
// session or, when rephrasing, in the same one.
func (s *Server) startAsk(c echo.Context) error {
	form := readForm[askInput](c)
	sess, err := s.ask.Start(c.Request().Context(), currentUser(c), form.Input.Session, form.Input.Q)
	if err != nil {
		form.Input.Q = ask.CleanSentence(form.Input.Q)
		page := &askPage{Layout: s.layout(c, "ask.title"), Form: form}
		return s.formAgain(c, err, form, &page.Layout, "ask/show", page)
	}
	if currentUser(c) == nil {
		stateOf(c).session.Values[keyAsk] = sess.Token
		if err := saveSession(c); err != nil {
			return err
		}
	}
	return c.Redirect(http.StatusSeeOther, "/ask/"+sess.Token)
}

type askResultsPage struct {
	Layout
	Session *ask.Session
	Step    *ask.Step2
	Form    Form[askInput] // step 1's sentence, to rephrase it
	Over    bool           // the session ended or expired: step 3 needs a new one
}

// WriteURL is the address of step 3 for this session.
func (p *askResultsPage) WriteURL() string { return "/ask/" + p.Session.Token + "/write" }

// LoginURL and RegisterURL come back to step 3 afterwards.
func (p *askResultsPage) LoginURL() string { return "/login?next=" + url.QueryEscape(p.WriteURL()) }

// RegisterURL is the registration form that comes back to step 3.
func (p *askResultsPage) RegisterURL() string {
	return "/register?next=" + url.QueryEscape(p.WriteURL())
}

// OpenURL opens a result through the session, which records it.
func (p *askResultsPage) OpenURL(id int64) string {
	return "/ask/" + p.Session.Token + "/open/" + strconv.FormatInt(id, 10)
}

func (s *Server) askSession(c echo.Context) (*ask.Session, error) {
	return s.ask.Visible(c.Request().Context(), currentUser(c), c.Param("token"))
}

// showAskResults is step 2.
func (s *Server) showAskResults(c echo.Context) error {
	ctx := c.Request().Context()
	sess, err := s.askSession(c)
	if err != nil {
		return err
	}
	if err := s.ask.MarkShown(ctx, sess); err != nil {
		return err
	}
	page := &askResultsPage{Layout: s.layout(c, "ask.results.title"), Session: sess, Form: formOf(askInput{Q: sess.Query}),
		Over: sess.Outcome != ask.Open || sess.Expired(s.ask.Now())}
	if page.Step, err = s.ask.Results(ctx, currentUser(c), sess); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "ask/results", page)
}

// openAskResult records that a result was opened, then shows the thread.
func (s *Server) openAskResult(c echo.Context) error {
	sess, err := s.askSession(c)
	if err != nil {
		return err
	}
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.ask.RecordOpen(c.Request().Context(), sess, id); err != nil {
		return err
	}
	tv, err := s.forum.Thread(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, threadURL(tv.Thread.ID, tv.Thread.Slug))
}

// foundAnswer ends the session as found: the thread answered the question.
func (s *Server) foundAnswer(c echo.Context) error {
	sess, err := s.askSession(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.FormValue("thread"), 10, 64)
	if err != nil {
		return errs.ErrNotFound
	}
	tv, err := s.forum.Thread(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	ctx, u := c.Request().Context(), currentUser(c)
	if err := s.ask.Found(ctx, u, sess, id); err != nil {
		return err
	}
	// The answer that helped, with its Merci one click away: thanking is
	// what keeps members answering.
	if u != nil {
		best, err := s.forum.BestAnswers(ctx, []int64{id})
		if err != nil {
			return err
		}
		if b, ok := best[id]; ok && b.AuthorID != u.ID {
			return redirect(c, postAddress(&forum.PostContext{Thread: tv.Thread, Post: b}), "ask.flash.found_thank")
		}
	}
	return redirect(c, threadURL(tv.Thread.ID, tv.Thread.Slug), "ask.flash.found")
}

// askThreadInput is step 3's form: a new thread, with what was tried and
// the session it comes from.
type askThreadInput struct {
	Session string `form:"session"`
	Section string `form:"section"` // its id; parsed by createAskThread
	Title   string `form:"title"`
	Body    string `form:"body"`
	Tried   string `form:"tried"`
}

type askWritePage struct {
	Layout
	Token       string
	Form        Form[askThreadInput]
	Sections    []forum.Section // where a member may open the thread
	ToNewcomers bool            // the thread goes to the newcomers' section
	Guidance    bool            // the writer's first two threads
	Unseen      []ask.Result    // close to the final title, not shown before
	Refused     bool            // a rule stopped the thread: link back to step 1
	Preview     markup.HTML
}

// BackURL is step 1 again with the sentence (or title) typed so far.
func (p *askWritePage) BackURL() string { return "/ask?q=" + url.QueryEscape(p.Form.Input.Title) }

func (s *Server) askWriteForm(c echo.Context, token string, form Form[askThreadInput]) (*askWritePage, error) {
	u := currentUser(c)
	page := &askWritePage{Layout: s.layout(c, "ask.write.title"), Token: token, Form: form, Guidance: u.ThreadCount < 2}
	v, err := s.ask.Rules(c.Request().Context())
	if err != nil {
		return nil, err
	}
	page.ToNewcomers = !u.Can(accounts.Member) && v.On(rules.NewcomersSection)
	if !page.ToNewcomers {
		for _, sec := range page.Layout.Sections {
			if !sec.Archived {
				page.Sections = append(page.Sections, sec)
			}
		}
	}
	return page, nil
}

// showAskWrite is step 3, for a session whose results were shown. A
// visitor's session becomes theirs once they logged in or registered in
// the browser that started it.
func (s *Server) showAskWrite(c echo.Context) error {
	ctx := c.Request().Context()
	sess, err := s.askSession(c)
	if err != nil {
		return err
	}
	if sess.UserID == nil {
		if tok, _ := stateOf(c).session.Values[keyAsk].(string); tok != sess.Token {
			return errs.ErrNotFound
		}
		if err := s.ask.Claim(ctx, currentUser(c), sess); err != nil {
			return err
		}
	}
	if sess.ShownAt == nil {
		return c.Redirect(http.StatusSeeOther, "/ask/"+sess.Token)
	}
	if sess.Outcome != ask.Open || sess.Expired(s.ask.Now()) {
		return redirect(c, "/ask?q="+url.QueryEscape(sess.Query), "ask.flash.over")
	}
	form := formOf(askThreadInput{Title: sess.Query})
	page, err := s.askWriteForm(c, sess.Token, form)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "ask/write", page)
}

// createAskThread publishes step 3. The domain refuses a newcomer's thread
// without a valid session; the form comes back with the text kept. A final
// title close to threads not shown yet shows them once before publishing.
func (s *Server) createAskThread(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	form := readForm[askThreadInput](c)
	in := form.Input
	token := in.Session
	page, err := s.askWriteForm(c, token, form)
	if err != nil {
		return err
	}
	if c.FormValue("preview") != "" {
		if page.Preview, err = s.markup.Render(in.Body); err != nil {
			return err
		}
		return s.render(c, http.StatusOK, "ask/write", page)
	}
	if c.FormValue("reviewed") == "" {
		if sess, err := s.ask.Visible(ctx, u, token); err == nil && sess.UserID != nil && sess.Outcome == ask.Open {
			if page.Unseen, err = s.ask.Unseen(ctx, u, sess, in.Title, 3); err != nil {
				return err
			}
			if len(page.Unseen) > 0 {
				return s.render(c, http.StatusOK, "ask/write", page)
			}
		}
	}
	sectionID, _ := strconv.ParseInt(in.Section, 10, 64)
	t, err := s.ask.Post(ctx, u, forum.NewThread{SectionID: sectionID, Title: in.Title, Body: in.Body,
		Tried: in.Tried, AskSession: token})
	if id, ok := heldFor(err); ok {
		return redirect(c, pendingURL(id), "approval.flash.held")
	}
	if err != nil {
		_, page.Refused = errs.AsRefusal(err)
		return s.formAgain(c, err, form, &page.Layout, "ask/write", page)
	}
	flash := "flash.thread_created"
	if page.ToNewcomers {
		flash = "ask.flash.posted_newcomers"
	}
	return redirect(c, threadURL(t.ID, t.Slug), flash)
}
