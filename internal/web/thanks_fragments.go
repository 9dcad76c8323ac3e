package web

import (
	"strconv"

	"entraide/internal/forum"
	"entraide/internal/markup"
)

// The thank-you pieces of a post, written in Go as the post itself is (see
// fragments.go): markup only from constants, every value through f.text.

// thanksState is what the reader may do with one post's thank-you.
type thanksState struct {
	PostID  int64
	Count   int
	CanAct  bool // a logged-in reader who is not the author, on a visible post
	Thanked bool
	Next    string // where the form returns without JavaScript
}

// thanksControl writes the "Merci" button (or its withdrawal) and the
// count, which links to who thanked. It is the piece the in-place script
// replaces with the server's answer.
func thanksControl(f *fragment, l *Layout, st thanksState) {
	f.raw(`<div class="thanks" id="thanks-`)
	f.num(st.PostID)
	f.raw(`" data-thanks>`)
	if st.CanAct {
		if st.Thanked {
			f.raw(`<form class="thank-form inline" method="post" action="/p/`)
			f.num(st.PostID)
			f.raw(`/unthank">`)
		} else {
			f.raw(`<form class="thank-form inline" method="post" action="/p/`)
			f.num(st.PostID)
			f.raw(`/thank">`)
		}
		f.raw(`<input type="hidden" name="csrf" value="`)
		f.text(l.CSRF)
		f.raw(`"><input type="hidden" name="next" value="`)
		f.text(st.Next)
		f.raw(`">`)
		if st.Thanked {
			f.raw(`<span class="thanked">`)
			f.text(l.T("thanks.thanked"))
			f.raw(`</span> <button type="submit" class="link">`)
			f.text(l.T("thanks.withdraw"))
		} else {
			f.raw(`<button type="submit" class="thank">`)
			f.text(l.T("thanks.button"))
		}
		f.raw(`</button></form>`)
	}
	if st.Count > 0 {
		f.raw(` <a class="thank-count" href="/p/`)
		f.num(st.PostID)
		f.raw(`/thanks">`)
		f.text(l.N("thanks.count", st.Count))
		f.raw(`</a>`)
	}
	f.raw(`</div>`)
}

// actionForm writes a one-button form posting to action.
func actionForm(f *fragment, l *Layout, action, next, label, class string) {
	f.raw(`<form class="inline" method="post" action="`)
	f.text(action)
	f.raw(`"><input type="hidden" name="csrf" value="`)
	f.text(l.CSRF)
	f.raw(`"><input type="hidden" name="next" value="`)
	f.text(next)
	f.raw(`"><button type="submit" class="`)
	f.text(class)
	f.raw(`">`)
	f.text(label)
	f.raw(`</button></form>`)
}

// isSolution reports whether post is the thread's chosen reply.
func (p *threadPage) isSolution(post *forum.PostView) bool {
	t := &p.View.Thread
	return t.SolutionPostID != nil && *t.SolutionPostID == post.ID
}

// postNext is where a post's one-click forms come back to without
// JavaScript: the post on this page.
func (p *threadPage) postNext(post *forum.PostView) string {
	if p.here == "" {
		p.here = threadURL(p.View.Thread.ID, p.View.Thread.Slug)
		if p.Page > 1 {
			p.here += "?page=" + strconv.Itoa(p.Page)
		}
	}
	return p.here + "#p" + strconv.FormatInt(post.ID, 10)
}

// pending reports whether the reader, the thread's author, has yet to
// acknowledge this reply: neither thanked, nor chosen, nor "ne m'a pas aidé".
func (p *threadPage) pending(post *forum.PostView) bool {
	if !p.Asker || post.Position == 1 || post.DeletedAt != nil || post.AuthorID == p.user.ID || p.isSolution(post) {
		return false
	}
	return !post.Mark.Thanked && !post.Mark.NotHelpful
}

// postHead writes, in a post's header, the thank-yous its author received
// and the solution badge.
func (p *threadPage) postHead(f *fragment, post *forum.PostView) {
	l := &p.Layout
	if n := post.Author.ThanksReceived; n > 0 {
		f.raw(`<span class="author-thanks">`)
		f.text(l.N("thanks.author_received", n))
		f.raw(`</span>`)
	}
	if p.isSolution(post) {
		f.raw(`<span class="badge ok solution-badge">`)
		f.text(l.T("thanks.solution.badge"))
		f.raw(`</span>`)
	}
}

// postReminder writes, under a reply the asker has not acknowledged, the
// discreet reminder with its three actions.
func (p *threadPage) postReminder(f *fragment, post *forum.PostView) {
	if !p.pending(post) {
		return
	}
	l := &p.Layout
	id := strconv.FormatInt(post.ID, 10)
	next := p.postNext(post)
	f.raw(`<div class="reminder" role="note"><p>`)
	f.text(l.T("thanks.reminder.text"))
	f.raw(`</p><div class="reminder-actions">`)
	actionForm(f, l, "/p/"+id+"/thank", next, l.T("thanks.button"), "thank")
	actionForm(f, l, "/p/"+id+"/solution", next, l.T("thanks.solution.choose"), "")
	actionForm(f, l, "/p/"+id+"/not-helpful", next, l.T("thanks.not_helpful.button"), "link")
	f.raw(`</div></div>`)
}

// postThanks writes a post's footer actions of this feature: Merci and its
// count, and for the asker and moderators the choice of the solution.
func (p *threadPage) postThanks(f *fragment, post *forum.PostView) {
	l := &p.Layout
	if post.DeletedAt != nil {
		return
	}
	// A visitor's page carries no form: nothing to build for it (the
	// return address costs allocations on every post).
	st := thanksState{PostID: post.ID, Count: post.ThankCount, CanAct: p.user != nil && post.AuthorID != p.user.ID}
	if st.CanAct {
		st.Next, st.Thanked = p.postNext(post), post.Mark.Thanked
	}
	thanksControl(f, l, st)
	if post.Position == 1 || !p.CanChoose {
		return
	}
	next := st.Next
	if next == "" {
		next = p.postNext(post)
	}
	id := strconv.FormatInt(post.ID, 10)
	if p.isSolution(post) {
		actionForm(f, l, "/t/"+strconv.FormatInt(post.ThreadID, 10)+"/solution/remove", next, l.T("thanks.solution.remove"), "link")
	} else {
		// Also beside a reminder's own button: a Merci sent in place
		// removes the reminder, and the choice must stay at hand.
		actionForm(f, l, "/p/"+id+"/solution", next, l.T("thanks.solution.choose"), "link")
	}
	if p.Asker && post.Mark.NotHelpful {
		f.raw(`<form class="inline" method="post" action="/p/`)
		f.text(id)
		f.raw(`/not-helpful"><input type="hidden" name="csrf" value="`)
		f.text(l.CSRF)
		f.raw(`"><input type="hidden" name="undo" value="1"><input type="hidden" name="next" value="`)
		f.text(next)
		f.raw(`"><span class="private-mark">`)
		f.text(l.T("thanks.not_helpful.marked"))
		f.raw(`</span> <button type="submit" class="link">`)
		f.text(l.T("thanks.not_helpful.undo"))
		f.raw(`</button></form>`)
	}
}

// afterPost writes, under the question, what its author already read or
// tried (the ask flow's field) and the chosen reply: written here rather
// than tested for in the template, where an action per post cost a dozen
// allocations each.
func (p *threadPage) afterPost(f *fragment, post *forum.PostView) {
	if post.Position != 1 {
		return
	}
	if tried := p.View.Tried; tried != "" {
		f.raw(`<section class="tried" aria-labelledby="tried-title"><h2 id="tried-title">`)
		f.text(p.T("ask.write.tried"))
		f.raw(`</h2><p>`)
		f.text(tried)
		f.raw("</p></section>\n")
	}
	if p.Solution != nil {
		p.solutionBox(f)
	}
}

// solutionBox shows the chosen reply right under the question: who wrote
// it, its first lines, and a link to it in place.
func (p *threadPage) solutionBox(f *fragment) {
	sol := p.Solution
	l := &p.Layout
	f.raw("<aside class=\"solution-box\" aria-labelledby=\"solution-title\">\n<h2 id=\"solution-title\">")
	f.text(l.T("thanks.solution.heading"))
	f.raw("</h2>\n<p class=\"meta\">")
	f.text(l.T("thread.by"))
	f.raw(` <a href="`)
	f.text(userURL(sol.Author.Username))
	f.raw(`">`)
	f.text(sol.Author.Name())
	f.raw("</a></p>\n<p class=\"excerpt\">")
	f.text(forum.Excerpt(markup.PlainText(sol.Body), 280))
	f.raw("</p>\n<p><a href=\"")
	f.text(postURL(sol.ID))
	f.raw(`">`)
	f.text(l.T("thanks.solution.read"))
	f.raw("</a></p>\n</aside>")
}

// solvedBadge writes the "Résolu" badge of a thread list's row.
func solvedBadge(f *fragment, l *Layout, solved bool) {
	if solved {
		f.raw(`<span class="badge ok solved">`)
		f.text(l.T("badge.solved"))
		f.raw(`</span>`)
	}
}
