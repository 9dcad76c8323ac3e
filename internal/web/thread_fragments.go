package web

import (
	"html/template"
	"strings"
)

// The thread page around its posts, written in Go as the posts are
// (fragments.go): its badges, banners, pending posts, pager, the notice in
// place of the reply box and the moderators' tools cost, through
// html/template, some ten allocations an action — more than the posts.
// The reply box stays in the template, which shares the editor with the
// other forms.

// ThreadArticle writes the thread: breadcrumb, title and badges, the
// duplicate's banner, the reminder, the posts, the reader's held replies
// (on the last page) and the pager.
func (p *threadPage) ThreadArticle() template.HTML {
	l := &p.Layout
	t := &p.View.Thread
	var f fragment
	size := 4000
	for i := range p.Posts {
		size += len(p.Posts[i].BodyHTML) + 1200
	}
	f.Grow(size)
	f.raw(`<nav class="breadcrumb" aria-label="`)
	f.text(l.T("nav.breadcrumb"))
	f.raw(`"><a href="/">`)
	f.text(l.T("nav.home"))
	f.raw(`</a> › <a href="`)
	f.text(sectionURL(p.View.Section.Slug))
	f.raw(`">`)
	f.text(p.View.Section.Name)
	f.raw("</a></nav>\n<article class=\"thread\">\n<header class=\"page-head\">\n<h1>")
	f.text(t.Title)
	f.raw("</h1>\n<span class=\"badges\">")
	threadBadges(&f, l, t)
	f.raw("</span>\n</header>\n<p class=\"meta\">")
	f.text(l.N("thread.replies", t.ReplyCount))
	if p.Pages > 1 {
		f.raw(` · `)
		f.text(l.T("thread.page_of", p.Page, p.Pages))
	}
	f.raw("</p>\n")
	if p.View.Section.IsNewcomers {
		f.raw(`<p class="notice newcomers-reminder">`)
		f.text(l.T("members.newcomers.reminder"))
		f.raw(`</p>`)
	}
	f.raw("\n")
	p.duplicateBanner(&f)
	f.raw("\n")
	if p.Pending > 0 {
		f.raw(`<p class="notice reminder-banner" role="note">`)
		f.text(l.N("thanks.reminder.banner", p.Pending))
		f.raw(`</p>`)
	}
	f.raw("\n")
	for i := range p.Posts {
		p.post(&f, &p.Posts[i])
	}
	f.raw("\n")
	if p.Page == p.Pages {
		p.heldPosts(&f)
	}
	f.raw("\n")
	p.pager(&f)
	f.raw("\n</article>")
	return f.html()
}

// duplicateBanner tells, on a thread closed as a duplicate, where the
// answer is and asks its asker whether it answers her question.
func (p *threadPage) duplicateBanner(f *fragment) {
	canon := p.Canonical
	if canon == nil {
		return
	}
	l := &p.Layout
	t := &p.View.Thread
	f.raw("<aside class=\"duplicate-banner\" aria-labelledby=\"duplicate-title\">\n<h2 id=\"duplicate-title\">")
	f.text(l.T("moderation.banner.heading"))
	f.raw("</h2>\n<p>")
	f.text(l.T("moderation.banner.answered_there"))
	f.raw(` <a class="canonical-link" href="`)
	f.text(threadURL(canon.Thread.ID, canon.Thread.Slug))
	f.raw(`">`)
	f.text(canon.Thread.Title)
	f.raw("</a></p>\n")
	if sol := p.CanonicalSolution; sol != nil {
		f.raw(`<p class="meta">`)
		f.text(l.T("moderation.banner.solution_by", sol.Author.Name()))
		f.raw(`</p><blockquote class="excerpt">`)
		f.text(p.Excerpt(sol.Body))
		f.raw(`</blockquote>`)
	}
	f.raw("\n")
	if p.Asker {
		switch t.DuplicateAnswer {
		case "yes":
			f.raw(`<p class="duplicate-answered">`)
			f.text(l.T("moderation.banner.answered_yes"))
			f.raw(`</p>`)
		case "no":
			f.raw(`<p class="duplicate-answered">`)
			f.text(l.T("moderation.banner.answered_no"))
			f.raw(`</p>`)
		default:
			f.raw(`<p>`)
			f.text(l.T("moderation.banner.asker"))
			f.raw("</p>\n<div class=\"actions\"><form action=\"/t/")
			f.num(t.ID)
			f.raw(`/duplicate/yes" method="post" class="inline"><input type="hidden" name="csrf" value="`)
			f.text(l.CSRF)
			f.raw(`"><button type="submit" class="primary">`)
			f.text(l.T("moderation.banner.yes"))
			f.raw("</button></form>\n<a class=\"button\" href=\"/t/")
			f.num(t.ID)
			f.raw(`/duplicate/no">`)
			f.text(l.T("moderation.banner.no"))
			f.raw(`</a></div>`)
		}
	}
	f.raw("\n</aside>")
}

// heldPosts shows the reader her replies waiting for approval, or
// rejected with the reason.
func (p *threadPage) heldPosts(f *fragment) {
	l := &p.Layout
	for i := range p.Held {
		it := &p.Held[i]
		f.raw(`<article class="post pending-post" id="pending-`)
		f.num(it.ID)
		f.raw(`"><p class="meta">`)
		f.text(it.AuthorName)
		f.raw(` · <time datetime="`)
		f.iso(it.CreatedAt)
		f.raw(`">`)
		f.text(l.Ago(it.CreatedAt))
		f.raw(`</time> · <span class="badge">`)
		if it.Waiting() {
			f.text(l.T("approval.badge.pending"))
		} else {
			f.text(l.T("approval.badge.rejected"))
		}
		f.raw("</span></p>\n")
		if !it.Waiting() {
			f.raw(`<p class="rejection-reason">`)
			f.text(l.T("approval.pending.reason"))
			f.raw(` `)
			f.text(it.DecisionReason)
			f.raw(`</p>`)
		}
		f.raw("\n<div class=\"post-body\">")
		f.body(it.BodyHTML)
		f.raw(`</div></article>`)
	}
}

// pager links to the thread's other pages: 1 … 4 5 [6] 7 8 … 20.
func (p *threadPage) pager(f *fragment) {
	if p.Pages <= 1 {
		return
	}
	l := &p.Layout
	t := &p.View.Thread
	base := threadURL(t.ID, t.Slug)
	f.raw(`<nav class="pager" aria-label="`)
	f.text(l.T("nav.pages"))
	f.raw("\"><ul>\n")
	for _, n := range pageRange(p.Page, p.Pages) {
		switch n {
		case 0:
			f.raw(`<li aria-hidden="true">…</li>`)
		case p.Page:
			f.raw(`<li><span aria-current="page">`)
			f.num(int64(n))
			f.raw(`</span></li>`)
		default:
			f.raw(`<li><a href="`)
			f.text(base)
			if n > 1 {
				f.raw(`?page=`)
				f.num(int64(n))
			}
			f.raw(`" aria-label="`)
			f.text(l.T("nav.page_n", n))
			f.raw(`">`)
			f.num(int64(n))
			f.raw(`</a></li>`)
		}
	}
	f.raw("\n</ul></nav>")
}

// ReplyBox writes the reply form under the thread, with the reader's
// canned replies and the editor rendered at start; where the reader cannot
// reply, the notice that says why.
func (p *threadPage) ReplyBox() template.HTML {
	if !p.CanReply {
		return p.ReplyNotice()
	}
	l := &p.Layout
	var f fragment
	f.Grow(len(p.editor) + 2000)
	f.raw("<section class=\"reply\" aria-labelledby=\"reply-title\">\n<h2 id=\"reply-title\">")
	f.text(l.T("reply.heading"))
	f.raw("</h2>\n<form action=\"/t/")
	f.num(p.View.Thread.ID)
	f.raw("/reply\" method=\"post\" class=\"post-form\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
	f.text(l.CSRF)
	f.raw("\">\n")
	f.piece(l.CannedBox(p.Canned))
	f.raw("\n")
	f.piece(p.editor)
	f.raw("\n<div class=\"actions\"><button type=\"submit\" class=\"primary\">")
	f.text(l.T("reply.submit"))
	f.raw(`</button> <button type="submit" name="preview" value="1">`)
	f.text(l.T("editor.preview_button"))
	f.raw("</button></div>\n</form>\n</section>")
	return f.html()
}

// ReplyNotice says, where the reader cannot reply, why: log in, the thread
// is closed, she is suspended, or it is locked.
func (p *threadPage) ReplyNotice() template.HTML {
	l := &p.Layout
	t := &p.View.Thread
	key := ""
	switch {
	case p.Viewer == nil:
		var f fragment
		f.raw(`<p class="notice"><a href="/login?next=`)
		f.text(queryEscape(l.Path))
		f.raw(`">`)
		f.text(l.T("reply.login_to_reply"))
		f.raw(`</a></p>`)
		return f.html()
	case t.Closed || t.DuplicateOf != nil:
		key = "moderation.reply.closed"
	case p.Suspended:
		key = "moderation.suspended.refused"
	case t.Locked:
		key = "forum.reply.locked"
	default:
		return ""
	}
	var f fragment
	f.raw(`<p class="notice">`)
	f.text(l.T(key))
	f.raw(`</p>`)
	return f.html()
}

// queryEscape escapes s for a query parameter as html/template does: every
// byte but the unreserved ones as %xx, in lower case.
func queryEscape(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) * 3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// ModTools writes the moderators' tools under the thread: close or reopen,
// lock, pin, close as a duplicate, edit, and the author's page.
func (p *threadPage) ModTools() template.HTML {
	if !p.CanModerate {
		return ""
	}
	l := &p.Layout
	t := &p.View.Thread
	var f fragment
	f.raw("<section class=\"mod-tools\" aria-labelledby=\"mod-tools-title\">\n<h2 id=\"mod-tools-title\">")
	f.text(l.T("moderation.tools.heading"))
	f.raw("</h2>\n<div class=\"actions\">\n")
	pick := func(on bool, yes, no string) string {
		if on {
			return yes
		}
		return no
	}
	for _, action := range []string{
		pick(t.Closed || t.DuplicateOf != nil, "reopen", "close"),
		pick(t.Locked, "unlock", "lock"),
		pick(t.Pinned, "unpin", "pin"),
	} {
		f.raw(`<form action="/mod/t/`)
		f.num(t.ID)
		f.raw(`/do/`)
		f.text(action)
		f.raw(`" method="post" class="inline"><input type="hidden" name="csrf" value="`)
		f.text(l.CSRF)
		f.raw(`"><button type="submit">`)
		f.text(l.T("moderation.tools." + action))
		f.raw("</button></form>\n\n")
	}
	if t.DuplicateOf == nil {
		f.raw(`<a class="button" href="/mod/t/`)
		f.num(t.ID)
		f.raw(`/duplicate">`)
		f.text(l.T("moderation.tools.duplicate"))
		f.raw(`</a>`)
	}
	f.raw("\n<a class=\"button\" href=\"/mod/t/")
	f.num(t.ID)
	f.raw(`/edit">`)
	f.text(l.T("moderation.tools.edit"))
	f.raw("</a>\n<a class=\"button\" href=\"/mod/users/")
	f.num(t.AuthorID)
	f.raw(`">`)
	f.text(l.T("moderation.tools.author"))
	f.raw("</a>\n</div>\n</section>")
	return f.html()
}
