package web

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/static"
	"entraide/templates"
)

// BenchmarkRenderThreadPage executes the thread page's templates alone —
// twenty posts of 650 bytes of HTML, no database — which is most of what a
// thread page costs (docs/performance.md).
func BenchmarkRenderThreadPage(b *testing.B) {
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
	now := time.Now()
	sections := make([]forum.Section, 6)
	for i := range sections {
		sections[i] = forum.Section{ID: int64(i + 1), Slug: "section-" + string(rune('a'+i)), Name: "Section de test", ReadRole: accounts.Visitor}
	}
	views := make([]forum.PostView, forum.PostsPerPage)
	for i := range views {
		edited := now.Add(-time.Hour)
		views[i] = forum.PostView{Post: forum.Post{ID: int64(1000 + i), ThreadID: 7, AuthorID: int64(i), Position: i + 1,
			BodyHTML: "<p>" + strings.Repeat("Une phrase de réponse assez ordinaire. ", 16) + "</p>\n", CreatedAt: now.Add(-time.Duration(i) * 37 * time.Hour)},
			Author: forum.Author{ID: int64(i), Username: "claire.martin", DisplayName: "Claire M.", Role: accounts.Member}}
		if i%7 == 3 {
			views[i].EditedAt = &edited
		}
	}
	tv := &forum.ThreadView{Thread: forum.Thread{ID: 7, Title: "Quel tarif pour la permanence téléphonique ?", Slug: "quel-tarif", PostSeq: 45, ReplyCount: 44},
		Section: sections[1]}
	for _, who := range []struct {
		name string
		user *accounts.User
	}{{"visitor", nil}, {"member", &accounts.User{ID: 3, Username: "anne", Role: accounts.Member}}} {
		b.Run(who.name, func(b *testing.B) {
			page := &threadPage{Layout: Layout{User: who.user, CSRF: "jeton", Locale: "fr", Path: "/t/7/quel-tarif", Sections: sections,
				tr: bundle.For("fr"), now: now}, View: tv, Posts: postItems(views), Page: 1, Pages: 3, Reply: Form{Values: map[string]string{}, Errors: map[string]string{}}}
			page.Title = tv.Thread.Title
			page.CanReply = forum.CanReply(who.user, &tv.Section, &tv.Thread)
			set := p.sets["threads/show"]
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := set.ExecuteTemplate(&buf, "layout", page); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
