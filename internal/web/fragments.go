package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/markup"
)

// The pieces of markup a page repeats most — a post of a thread page, a row
// of a thread list, the home page's sections and the header's links to
// them — are written here in Go rather than as templates: html/template
// spends 0.6–0.8 µs of reflection and escaping on every action, and twenty
// posts or thirty rows of some twenty-five actions were most of a page's
// CPU (docs/performance.md, "Why the misses"). The rest of each page stays
// in templates/, which call these as methods of the page data.
//
// Escaping is the only thing that compiles: raw takes markup of type
// trusted, which a string constant becomes on its own and a string variable
// does not; every value goes through text (text and quoted attribute values
// alike), numbers through num, times through when and iso, and a post's
// sanitised body through body, which takes only markup.HTML.
// TestTrustedComesFromConstants keeps explicit conversions out; the
// fragments' tests check the escaping with hostile names and titles.

// trusted is markup written by us. Only constants become one.
type trusted string

// fragment is a piece of HTML being written.
type fragment struct{ strings.Builder }

// raw writes markup of our own.
func (f *fragment) raw(parts ...trusted) {
	for _, s := range parts {
		f.WriteString(string(s))
	}
}

// text writes a value escaped for text or a quoted attribute value.
func (f *fragment) text(s string) { f.WriteString(template.HTMLEscapeString(s)) }

// num writes a number, without a string allocated for it.
func (f *fragment) num(n int64) {
	var buf [20]byte
	f.Write(strconv.AppendInt(buf[:0], n, 10))
}

// iso writes t as a datetime attribute value.
func (f *fragment) iso(t time.Time) { f.WriteString(iso(t)) }

// body writes a post's sanitised HTML.
func (f *fragment) body(h markup.HTML) { f.WriteString(string(h)) }

// piece writes markup another fragment or a template made.
func (f *fragment) piece(h template.HTML) { f.WriteString(string(h)) }

// snippet writes a search snippet, escaped by search.Snippet but its marks.
func (f *fragment) snippet(h template.HTML) { f.WriteString(string(h)) }

func (f *fragment) html() template.HTML { return template.HTML(f.String()) }

// role writes the badge of a member's role.
func (f *fragment) role(l *Layout, r accounts.Role) {
	f.raw(`<span class="role role-`)
	f.text(string(r))
	f.raw(`">`)
	f.text(l.RoleName(r))
	f.raw(`</span>`)
}

// when writes how long ago t was, with the full date as its tooltip.
func (f *fragment) when(l *Layout, t time.Time) {
	f.raw(`<time datetime="`)
	f.iso(t)
	f.raw(`" title="`)
	f.text(l.DateTime(t))
	f.raw(`">`)
	f.text(l.Ago(t))
	f.raw(`</time>`)
}

// PostList shows the thread page's posts, written in one piece: a range
// over them in the template paid reflection for every post (a copy of each
// post, the method looked up and called).
func (p *threadPage) PostList() template.HTML {
	var f fragment
	size := 0
	for i := range p.Posts {
		size += len(p.Posts[i].BodyHTML) + 1200
	}
	f.Grow(size)
	for i := range p.Posts {
		p.post(&f, &p.Posts[i])
	}
	return f.html()
}

// post writes one post of the thread page, with the links the reader may
// follow: quote, edit and delete, history.
func (p *threadPage) post(f *fragment, post *forum.PostView) {
	l := &p.Layout
	f.raw(`<article class="post`)
	if post.Position == 1 {
		f.raw(` first`)
	}
	f.raw(`" id="p`)
	f.num(post.ID)
	f.raw(`" aria-labelledby="p`)
	f.num(post.ID)
	f.raw("-author\">\n")
	if post.DeletedAt != nil {
		f.raw(`<p class="deleted">`)
		f.text(l.T("post.deleted"))
		f.raw("</p>\n</article>")
		return
	}
	if post.HiddenAt != nil && !forum.CanSeeHidden(p.user, &post.Post) {
		f.raw(`<p class="deleted hidden-post">`)
		f.text(l.T("moderation.hidden.placeholder"))
		f.raw("</p>\n</article>")
		return
	}
	f.raw("\n<header class=\"post-head\">\n", `<a id="p`)
	f.num(post.ID)
	f.raw(`-author" class="author" href="`)
	f.text(userURL(post.Author.Username))
	f.raw(`">`)
	f.text(post.Author.Name())
	f.raw("</a>\n")
	f.role(l, post.Author.Role)
	p.contactLine(f, post.Contact)
	f.raw("\n", `<a class="when" href="`)
	f.text(postURL(post.ID))
	f.raw(`">`)
	f.when(l, post.CreatedAt)
	f.raw("</a>\n")
	if post.EditedAt != nil {
		f.raw(`<span class="edited">`)
		if p.CanSeeHistory(&post.Post) {
			f.raw(`<a href="/p/`)
			f.num(post.ID)
			f.raw(`/history">`)
			f.text(l.T("post.edited"))
			f.raw(`</a>`)
		} else {
			f.text(l.T("post.edited"))
		}
		f.raw("</span>")
	}
	p.postHead(f, post)
	f.raw("\n</header>\n")
	p.hiddenNotice(f, post)
	f.raw(`<div class="post-body">`)
	f.body(post.BodyHTML)
	f.raw("</div>\n")
	p.postReminder(f, post)
	f.raw("<footer class=\"post-actions\">\n")
	p.postThanks(f, post)
	if p.CanReply {
		f.raw(`<a href="/t/`)
		f.num(post.ThreadID)
		f.raw(`/reply?quote=`)
		f.num(post.ID)
		f.raw(`">`)
		f.text(l.T("post.quote"))
		f.raw(`</a>`)
	}
	f.raw("\n")
	if p.CanEdit(&post.Post) {
		f.raw(`<a href="/p/`)
		f.num(post.ID)
		f.raw(`/edit">`)
		f.text(l.T("post.edit"))
		f.raw(`</a> <a href="/p/`)
		f.num(post.ID)
		f.raw(`/delete">`)
		f.text(l.T("post.delete"))
		f.raw(`</a>`)
	}
	p.postModeration(f, post)
	f.raw("\n</footer>\n</article>")
	p.afterPost(f, post)
}

// ThreadList shows threads as the section page, the home page and a
// profile list them; withSection names each thread's section.
func (l Layout) ThreadList(threads []forum.ThreadSummary, withSection bool) template.HTML {
	var f fragment
	f.Grow(len(threads)*700 + 40)
	f.raw("<ol class=\"thread-list\">\n")
	for i := range threads {
		f.threadRow(&l, &threads[i], withSection, "")
	}
	f.raw("\n</ol>")
	return f.html()
}

// threadRow is one thread of a list: the lists' and search results' row,
// the latter with a snippet of the matching text.
func (f *fragment) threadRow(l *Layout, t *forum.ThreadSummary, withSection bool, snippet template.HTML) {
	f.raw(`<li class="thread-item`)
	if t.Pinned {
		f.raw(` pinned`)
	}
	f.raw("\">\n<div class=\"thread-main\">\n", `<a class="thread-title" href="`)
	if t.DuplicateOf != nil && (l.Viewer == nil || l.Viewer.ID != t.AuthorID) {
		// Readers go straight to the answer; the asker to their question,
		// whose banner leads there and takes their reply.
		f.text("/t/" + strconv.FormatInt(*t.DuplicateOf, 10))
	} else {
		f.text(threadURL(t.ID, t.Slug))
	}
	f.raw(`">`)
	f.text(t.Title)
	f.raw("</a>\n", `<span class="badges">`)
	threadBadges(f, l, &t.Thread)
	f.raw("</span>\n", `<p class="meta">`)
	if withSection {
		f.raw(`<a href="`)
		f.text(sectionURL(t.SectionSlug))
		f.raw(`">`)
		f.text(t.SectionName)
		f.raw(`</a> · `)
	}
	f.text(l.T("thread.by"))
	f.raw(` <a href="`)
	f.text(userURL(t.Author.Username))
	f.raw(`">`)
	f.text(t.Author.Name())
	f.raw(`</a>`)
	if t.Author.Role != accounts.Member {
		f.raw(` `)
		f.role(l, t.Author.Role)
	}
	f.raw(` · `)
	f.when(l, t.CreatedAt)
	f.raw("</p>\n")
	if snippet != "" {
		f.raw(`<p class="snippet">`)
		f.snippet(snippet)
		f.raw("</p>\n")
	}
	f.raw("</div>\n", `<p class="thread-stats"><span class="count">`)
	f.text(l.N("thread.replies", t.ReplyCount))
	f.raw("</span>\n", `<span class="last">`)
	f.text(l.T("thread.last_by"))
	f.raw(` `)
	f.text(t.LastAuthor.Name())
	f.raw(`, `)
	f.when(l, t.LastPostAt)
	f.raw("</span></p>\n</li>")
}

// ResultList shows the threads found, each with a snippet of the matching
// text, as the lists show threads.
func (p *searchPage) ResultList() template.HTML {
	var f fragment
	f.Grow(len(p.Items)*900 + 60)
	full := len(p.Items) - p.Results.Partial
	if full > 0 {
		f.raw("<ol class=\"thread-list search-results\">\n")
		for i := range p.Items[:full] {
			f.threadRow(&p.Layout, &p.Items[i].Thread, true, p.alsoAsked(p.Items[i].Thread.ID, p.Items[i].Snippet))
		}
		f.raw("\n</ol>")
	}
	if full < len(p.Items) {
		// Threads matching most of the words, each with what it lacks
		// struck through, as the big engines show it.
		f.raw("\n<h3 id=\"partial-title\">")
		f.text(p.T("search.partial.title"))
		f.raw("</h3>\n<ol class=\"thread-list search-results partial\" aria-labelledby=\"partial-title\">\n")
		for i := range p.Items[full:] {
			it := &p.Items[full+i]
			var lacks fragment
			lacks.raw(`<span class="lacks">`)
			lacks.text(p.T("search.partial.lacks"))
			for _, w := range it.Lacks {
				lacks.raw(` <s><span class="visually-hidden">`)
				lacks.text(p.T("search.partial.missing"))
				lacks.raw(` </span>`)
				lacks.text(w)
				lacks.raw(`</s>`)
			}
			lacks.raw(`</span> `)
			f.threadRow(&p.Layout, &it.Thread, true, p.alsoAsked(it.Thread.ID, lacks.html()+it.Snippet))
		}
		f.raw("\n</ol>")
	}
	return f.html()
}

// SectionList shows the home page's sections, but the archived ones, with
// their counts and last activity.
func (p *homePage) SectionList() template.HTML {
	l := &p.Layout
	var f fragment
	f.Grow(len(l.Sections) * 400)
	for i := range l.Sections {
		s := &l.Sections[i]
		if s.Archived {
			continue
		}
		f.raw(`<li class="section-item`)
		if s.IsNewcomers {
			f.raw(` newcomers`)
		}
		f.raw("\">\n<h3><a href=\"")
		f.text(sectionURL(s.Slug))
		f.raw(`">`)
		f.text(s.Name)
		f.raw("</a></h3>\n<p>")
		f.text(s.Description)
		f.raw("</p>\n", `<p class="meta">`)
		f.text(l.N("section.threads", s.ThreadCount))
		f.raw(` · `)
		f.text(l.N("section.posts", s.PostCount))
		if s.LastPostAt != nil {
			f.raw(` · `)
			f.text(l.T("section.last_activity"))
			f.raw(` <time datetime="`)
			f.iso(*s.LastPostAt)
			f.raw(`">`)
			f.text(l.Ago(*s.LastPostAt))
			f.raw(`</time>`)
		}
		f.raw("</p>\n</li>")
	}
	return f.html()
}

// sectionLinks lists the header's links to the sections, but the archived
// ones.
func (l *Layout) sectionLinks(f *fragment) {
	for i := range l.Sections {
		s := &l.Sections[i]
		if s.Archived {
			continue
		}
		f.raw(`<li><a href="`)
		f.text(sectionURL(s.Slug))
		f.raw(`">`)
		f.text(s.Name)
		f.raw(`</a></li>`)
	}
}

// SiteHeader writes the header every page shows: the search box, the
// reader's links (her notifications, profile, settings, the team's pages
// — not while a moderator is suspended —, logging out) or a visitor's, and
// the sections. favicon is the brand's
// image, from the template's asset function. Written in Go for its thirty
// values, which html/template paid some ten allocations each on every page.
func (l Layout) SiteHeader(favicon string) template.HTML {
	var f fragment
	f.Grow(2500 + len(l.Sections)*80)
	f.raw("<header class=\"site-header\">\n<div class=\"bar\">\n<a class=\"brand\" href=\"/\"><img src=\"")
	f.text(favicon)
	f.raw(`" alt="" width="28" height="28">`)
	f.text(l.T("site.name"))
	f.raw("</a>\n<form class=\"search-box\" role=\"search\" aria-label=\"")
	f.text(l.T("search.label"))
	f.raw("\" action=\"/search\" method=\"get\">\n<label for=\"site-search\" class=\"visually-hidden\">")
	f.text(l.T("search.label"))
	f.raw("</label>\n<input id=\"site-search\" type=\"search\" name=\"q\" value=\"")
	f.text(l.Query)
	f.raw(`" placeholder="`)
	f.text(l.T("search.placeholder"))
	f.raw("\">\n<button type=\"submit\">")
	f.text(l.T("search.submit"))
	f.raw("</button>\n</form>\n<nav class=\"account\" aria-label=\"")
	f.text(l.T("nav.account"))
	f.raw("\">\n")
	if v := l.Viewer; v != nil {
		f.raw("\n<a class=\"bell")
		if v.UnreadNotifications != 0 {
			f.raw(` has-unread`)
		}
		f.raw(`" href="/notifications"><svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg><span class="visually-hidden">`)
		f.text(l.T("notify.title"))
		f.raw(`</span>`)
		if n := v.UnreadNotifications; n != 0 {
			f.raw(` <span class="unread-count">`)
			f.num(int64(n))
			f.raw(`</span><span class="visually-hidden"> `)
			f.text(l.N("notify.unread_count", n))
			f.raw(`</span>`)
		}
		f.raw("</a>\n<a href=\"")
		f.text(userURL(v.Username))
		f.raw(`">`)
		f.text(v.Name)
		f.raw("</a>\n<a href=\"/settings\">")
		f.text(l.T("nav.settings"))
		f.raw("</a>\n")
		if v.Moderates() {
			f.raw(`<a class="mod-link" href="/mod">`)
			f.text(l.T("nav.mod"))
			if n := v.ModWaiting; n != 0 {
				f.raw(` <span class="unread-count" aria-hidden="true">`)
				f.num(int64(n))
				f.raw(`</span><span class="visually-hidden"> `)
				f.text(l.N("moderation.waiting", n))
				f.raw(`</span>`)
			}
			f.raw(`</a>`)
		}
		f.raw("\n")
		if v.Can(accounts.Admin) {
			f.raw(`<a href="/admin">`)
			f.text(l.T("nav.admin"))
			f.raw(`</a>`)
		}
		f.raw("\n<form action=\"/logout\" method=\"post\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"")
		f.text(l.CSRF)
		f.raw(`"><button type="submit" class="link">`)
		f.text(l.T("nav.logout"))
		f.raw("</button></form>\n")
	} else {
		f.raw("\n<a href=\"/login?next=")
		f.text(queryEscape(l.Path))
		f.raw(`">`)
		f.text(l.T("nav.login"))
		f.raw("</a>\n<a href=\"/register\">")
		f.text(l.T("nav.register"))
		f.raw("</a>\n")
	}
	f.raw("\n</nav>\n</div>\n<div class=\"subbar\">\n")
	if len(l.Sections) > 0 {
		f.raw(`<nav class="sections" aria-label="`)
		f.text(l.T("nav.sections"))
		f.raw("\"><ul>\n")
		l.sectionLinks(&f)
		f.raw("\n</ul></nav>")
	}
	f.raw("\n<a class=\"button primary ask\" href=\"/ask\">")
	f.text(l.T("nav.ask"))
	f.raw("</a>\n</div>\n</header>")
	return f.html()
}

// threadBadges writes a thread's badges — pinned, locked, closed or
// duplicate, solved — the same in lists, search results and its own page.
func threadBadges(f *fragment, l *Layout, t *forum.Thread) {
	if t.Pinned {
		f.raw(`<span class="badge ok">`)
		f.text(l.T("badge.pinned"))
		f.raw(`</span>`)
	}
	if t.Locked {
		f.raw(`<span class="badge">`)
		f.text(l.T("badge.locked"))
		f.raw(`</span>`)
	}
	statusBadge(f, l, t)
	solvedBadge(f, l, t.Solved())
}
