package web

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/internal/markup"
	"entraide/static"
	"entraide/templates"
)

// benchReaders are the two readers the rendering benchmarks compare: the
// member's pages add the account links, and the thread page the editor.
var benchReaders = []struct {
	name string
	user *accounts.User
}{{"visitor", nil}, {"member", &accounts.User{ID: 3, Username: "anne", Role: accounts.Member}}}

// benchSetup loads the templates and catalogs once, with six sections for
// the header.
func benchSetup(b *testing.B) (*pages, *i18n.Bundle, []forum.Section, time.Time) {
	b.Helper()
	a, err := newAssets(static.FS)
	if err != nil {
		b.Fatal(err)
	}
	p, err := loadPages(templates.FS, a)
	if err != nil {
		b.Fatal(err)
	}
	bundle, err := i18n.Load()
	if err != nil {
		b.Fatal(err)
	}
	if err := p.renderSyntaxHelp(bundle); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	sections := make([]forum.Section, 6)
	for i := range sections {
		last := now.Add(-time.Duration(i) * 5 * time.Hour)
		sections[i] = forum.Section{ID: int64(i + 1), Slug: "section-" + string(rune('a'+i)), Name: "Section de test", ReadRole: accounts.Visitor,
			Description: "Une rubrique pour parler de tout ce qui touche au métier.", ThreadCount: 1200 + i, PostCount: 15000 + i, LastPostAt: &last}
	}
	return p, bundle, sections, now
}

// benchThreads is a list of n thread summaries as the section and home
// pages show them: two authors, two dates, a reply count each.
func benchThreads(n int, now time.Time) []forum.ThreadSummary {
	list := make([]forum.ThreadSummary, n)
	for i := range list {
		list[i] = forum.ThreadSummary{Thread: forum.Thread{ID: int64(500 + i), SectionID: 2, Title: "Quel tarif pour la permanence téléphonique ?",
			Slug: "quel-tarif-pour-la-permanence-telephonique", PostSeq: 12, ReplyCount: 11 + i,
			CreatedAt: now.Add(-time.Duration(i) * 29 * time.Hour), LastPostAt: now.Add(-time.Duration(i) * 3 * time.Hour)},
			SectionSlug: "section-b", SectionName: "Section de test",
			Author:     forum.Author{ID: int64(i), Username: "claire.martin", DisplayName: "Claire M.", Role: accounts.Member},
			LastAuthor: forum.Author{ID: int64(i + 1), Username: "paul", DisplayName: "Paul D.", Role: accounts.Moderator}}
	}
	return list
}

func benchRender(b *testing.B, p *pages, name string, data any) {
	set := p.sets[name]
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := set.ExecuteTemplate(&buf, "layout", data); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkRenderThreadPage executes the thread page's templates alone —
// twenty posts of 650 bytes of HTML, no database — which is most of what a
// thread page costs (docs/performance.md).
func BenchmarkRenderThreadPage(b *testing.B) {
	p, bundle, sections, now := benchSetup(b)
	body, err := markup.New().Render(strings.Repeat("Une phrase de réponse assez ordinaire. ", 16))
	if err != nil {
		b.Fatal(err)
	}
	views := make([]forum.PostView, forum.PostsPerPage)
	for i := range views {
		edited := now.Add(-time.Hour)
		views[i] = forum.PostView{Post: forum.Post{ID: int64(1000 + i), ThreadID: 7, AuthorID: int64(i), Position: i + 1,
			BodyHTML: body, CreatedAt: now.Add(-time.Duration(i) * 37 * time.Hour)},
			Author: forum.Author{ID: int64(i), Username: "claire.martin", DisplayName: "Claire M.", Role: accounts.Member}}
		if i%7 == 3 {
			views[i].EditedAt = &edited
		}
	}
	tv := &forum.ThreadView{Thread: forum.Thread{ID: 7, Title: "Quel tarif pour la permanence téléphonique ?", Slug: "quel-tarif", PostSeq: 45, ReplyCount: 44},
		Section: sections[1]}
	for _, who := range benchReaders {
		b.Run(who.name, func(b *testing.B) {
			page := &threadPage{Layout: Layout{Viewer: viewerOf(who.user), user: who.user, CSRF: "jeton", Locale: "fr", Path: "/t/7/quel-tarif", Sections: sections,
				tr: bundle.For("fr"), now: now, syntaxHelp: p.syntaxHelp["fr"]}, View: tv, Posts: views, Page: 1, Pages: 3, editor: p.replyEditor["fr"]}
			page.Title = tv.Thread.Title
			page.CanReply = forum.CanReply(who.user, &tv.Section, &tv.Thread)
			benchRender(b, p, "threads/show", page)
		})
	}
}

// BenchmarkRenderSectionPage executes a section's first page: two pinned
// threads and a full page of thirty.
func BenchmarkRenderSectionPage(b *testing.B) {
	p, bundle, sections, now := benchSetup(b)
	list := benchThreads(2+forum.ThreadsPerPage, now)
	for i := range list[:2] {
		list[i].Pinned = true
	}
	older := &forum.Cursor{At: now.Add(-90 * time.Hour), ID: 470}
	for _, who := range benchReaders {
		b.Run(who.name, func(b *testing.B) {
			page := &sectionPage{Layout: Layout{Viewer: viewerOf(who.user), user: who.user, CSRF: "jeton", Locale: "fr", Path: "/s/section-b", Sections: sections,
				tr: bundle.For("fr"), now: now}, Section: sections[1], Page: &forum.SectionPage{Pinned: list[:2], Threads: list[2:], Older: older}}
			page.Title = sections[1].Name
			page.CanOpen = who.user != nil
			benchRender(b, p, "sections/show", page)
		})
	}
}

// BenchmarkRenderHomePage executes the home page: the sections and the
// twenty latest threads.
func BenchmarkRenderHomePage(b *testing.B) {
	p, bundle, sections, now := benchSetup(b)
	latest := benchThreads(20, now)
	for _, who := range benchReaders {
		b.Run(who.name, func(b *testing.B) {
			page := &homePage{Layout: Layout{Viewer: viewerOf(who.user), user: who.user, CSRF: "jeton", Locale: "fr", Path: "/", Sections: sections,
				tr: bundle.For("fr"), now: now}, Latest: latest}
			benchRender(b, p, "home/show", page)
		})
	}
}
