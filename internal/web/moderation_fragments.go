package web

import (
	"html/template"

	"entraide/internal/forum"
	"entraide/internal/moderation"
)

// hiddenNotice tells the author and the moderators, above a hidden post
// they still read, that the others do not, and why.
func (p *threadPage) hiddenNotice(f *fragment, post *forum.PostView) {
	if post.HiddenAt == nil {
		return
	}
	f.raw(`<p class="notice hidden-notice" role="note">`)
	if post.HiddenBy == nil {
		f.text(p.T("moderation.hidden.by_flags"))
	} else {
		f.text(p.T("moderation.hidden.notice", post.HiddenReason))
	}
	f.raw("</p>\n")
}

// postModeration writes a post's flag link and, for moderators, hide or
// restore.
func (p *threadPage) postModeration(f *fragment, post *forum.PostView) {
	l := &p.Layout
	if moderation.CanFlag(p.user, &post.Post) && post.HiddenAt == nil {
		f.raw(` <a class="flag-link" href="/p/`)
		f.num(post.ID)
		f.raw(`/flag">`)
		f.text(l.T("moderation.flag.link"))
		f.raw(`</a>`)
	}
	if !p.CanModerate {
		return
	}
	if post.HiddenAt == nil {
		f.raw(` <a class="hide-link" href="/mod/p/`)
		f.num(post.ID)
		f.raw(`/hide">`)
		f.text(l.T("moderation.hide.link"))
		f.raw(`</a>`)
		return
	}
	f.raw(` <form class="inline" method="post" action="/mod/p/`)
	f.num(post.ID)
	f.raw(`/restore"><input type="hidden" name="csrf" value="`)
	f.text(l.CSRF)
	f.raw(`"><button type="submit" class="link">`)
	f.text(l.T("moderation.restore.button"))
	f.raw(`</button></form>`)
}

// statusBadge writes a thread row's closed or duplicate badge.
func statusBadge(f *fragment, l *Layout, t *forum.Thread) {
	switch {
	case t.DuplicateOf != nil:
		f.raw(`<span class="badge">`)
		f.text(l.T("moderation.badge.duplicate"))
		f.raw(`</span>`)
	case t.Closed:
		f.raw(`<span class="badge">`)
		f.text(l.T("moderation.badge.closed"))
		f.raw(`</span>`)
	}
}

// alsoAsked adds to a search result's snippet the duplicates closed onto
// its thread: "Aussi posée comme : …".
func (p *searchPage) alsoAsked(id int64, snippet template.HTML) template.HTML {
	also := p.AlsoAsked[id]
	if len(also) == 0 {
		return snippet
	}
	var f fragment
	f.snippet(snippet)
	f.raw(`</p><p class="also-asked">`)
	f.text(p.T("moderation.search.also_asked"))
	f.raw(` `)
	for i, t := range also {
		if i > 0 {
			f.raw(` · `)
		}
		f.raw(`<a href="`)
		f.text(threadURL(t.ID, t.Slug))
		f.raw(`">`)
		f.text(t.Title)
		f.raw(`</a>`)
	}
	return f.html()
}
