package web

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/i18n"

	"github.com/PuerkitoBio/goquery"
)

// hostile is a name or title written to break out of the markup around it.
const hostile = `"><script>alert(1)</script> & 'q'`

func fragmentDoc(t *testing.T, h template.HTML) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(h)))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Find("script").Length() > 0 {
		t.Fatalf("a value came out as markup:\n%s", h)
	}
	return doc
}

func fragmentLayoutFor(t *testing.T, u *accounts.User, now time.Time) Layout {
	t.Helper()
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(u, bundle.For("fr"))
	l.now = now
	return l
}

// attr is the attribute of the first element sel finds, "" without one.
func attr(doc *goquery.Document, sel, name string) string {
	v, _ := doc.Find(sel).First().Attr(name)
	return v
}

// onePost writes post alone, as the thread page writes each of its posts.
func onePost(page *threadPage, post forum.PostView) template.HTML {
	page.Posts = []forum.PostView{post}
	return page.PostList()
}

// TestPostFragment checks the Go-written post (fragments.go): values
// escaped, addresses right, and each link shown to whom the forum's
// permissions allow it.
func TestPostFragment(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	edited, deleted := now.Add(-time.Hour), now.Add(-time.Minute)
	author := forum.Author{ID: 5, Username: "a/b?c&d", DisplayName: hostile, Role: accounts.Member}
	first := forum.PostView{Post: forum.Post{ID: 10, ThreadID: 7, AuthorID: 5, Position: 1, BodyHTML: "<p>Bonjour <strong>à tous</strong></p>",
		CreatedAt: now.Add(-2 * time.Hour), EditedAt: &edited}, Author: author}
	gone := forum.PostView{Post: forum.Post{ID: 11, ThreadID: 7, AuthorID: 5, Position: 2, BodyHTML: "<p>retiré</p>", CreatedAt: now.Add(-30 * time.Minute),
		DeletedAt: &deleted}, Author: author}
	section := forum.Section{ID: 1, Slug: "entre-nous", ReadRole: accounts.Visitor}
	thread := forum.Thread{ID: 7, SectionID: 1, Title: hostile, Slug: "sujet"}
	for _, c := range []struct {
		who                     string
		user                    *accounts.User
		quote, edit, historyURL bool
	}{
		{"visitor", nil, false, false, false},
		{"author", &accounts.User{ID: 5, Username: "a/b?c&d", Role: accounts.Member}, true, true, true},
		{"moderator", &accounts.User{ID: 9, Username: "mod", Role: accounts.Moderator}, true, false, true},
		{"other member", &accounts.User{ID: 8, Username: "autre", Role: accounts.Member}, true, false, false},
	} {
		t.Run(c.who, func(t *testing.T) {
			page := &threadPage{Layout: fragmentLayoutFor(t, c.user, now), View: &forum.ThreadView{Thread: thread, Section: section}}
			page.CanReply = forum.CanReply(c.user, &section, &thread)
			h := onePost(page, first)
			doc := fragmentDoc(t, h)
			if got := doc.Find("article.post.first#p10").AttrOr("aria-labelledby", ""); got != "p10-author" {
				t.Errorf("article: labelled by %q\n%s", got, h)
			}
			if a := doc.Find("#p10-author.author"); a.Text() != hostile || attr(doc, "#p10-author", "href") != "/u/a%2Fb%3Fc&d" {
				t.Errorf("author link: %q → %q", a.Text(), attr(doc, "#p10-author", "href"))
			}
			if !strings.Contains(string(h), `href="/u/a%2Fb%3Fc&amp;d"`) || !strings.Contains(string(h), "&#34;&gt;&lt;script&gt;") {
				t.Errorf("not escaped:\n%s", h)
			}
			if got := doc.Find(".role.role-member").Text(); got != "Membre" {
				t.Errorf("role %q", got)
			}
			if attr(doc, "a.when", "href") != "/p/10" || attr(doc, "a.when time", "datetime") != "2026-03-01T10:00:00Z" ||
				attr(doc, "a.when time", "title") != "1er mars 2026 à 11:00" || doc.Find("a.when time").Text() != "il y a 2 heures" {
				t.Errorf("date: %s", h)
			}
			if got := doc.Find(".post-body strong").Text(); got != "à tous" {
				t.Errorf("sanitised body not kept as HTML: %q", got)
			}
			if doc.Find(".edited").Text() != "modifié" || (attr(doc, ".edited a", "href") == "/p/10/history") != c.historyURL {
				t.Errorf("edited: %q, history link %q, want one: %v", doc.Find(".edited").Text(), attr(doc, ".edited a", "href"), c.historyURL)
			}
			if got := attr(doc, `.post-actions a[href*="quote"]`, "href"); (got == "/t/7/reply?quote=10") != c.quote {
				t.Errorf("quote link %q, want one: %v", got, c.quote)
			}
			edit, del := attr(doc, ".post-actions a[href$='/edit']", "href"), attr(doc, ".post-actions a[href$='/delete']", "href")
			if (edit == "/p/10/edit" && del == "/p/10/delete") != c.edit || (edit == "") != !c.edit {
				t.Errorf("edit %q delete %q, want them: %v", edit, del, c.edit)
			}

			h = onePost(page, gone)
			doc = fragmentDoc(t, h)
			if doc.Find("article.post#p11:not(.first) .deleted").Text() != "Ce message a été supprimé par son auteur." ||
				doc.Find(".post-head, .post-body, .post-actions").Length() > 0 || strings.Contains(string(h), "retiré") {
				t.Errorf("deleted post: %s", h)
			}
		})
	}
	// Not edited: no mention of it.
	page := &threadPage{Layout: fragmentLayoutFor(t, nil, now), View: &forum.ThreadView{Thread: thread, Section: section}}
	plain := first
	plain.EditedAt = nil
	if doc := fragmentDoc(t, onePost(page, plain)); doc.Find(".edited").Length() > 0 {
		t.Error("a post never edited says it was")
	}
}

// TestThreadListFragment checks the Go-written thread list (fragments.go).
func TestThreadListFragment(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	threads := []forum.ThreadSummary{
		{Thread: forum.Thread{ID: 7, Title: hostile, Slug: "a/b?c", Pinned: true, Locked: true, ReplyCount: 0,
			CreatedAt: now.Add(-40 * 24 * time.Hour), LastPostAt: now.Add(-5 * time.Minute)},
			SectionSlug: "entre-nous", SectionName: "Entre <nous> & co",
			Author:     forum.Author{Username: "a/b?c&d", DisplayName: hostile, Role: accounts.Member},
			LastAuthor: forum.Author{Username: "z", DisplayName: `O'Neil "Z" <b>`, Role: accounts.Member}},
		{Thread: forum.Thread{ID: 8, Title: "Deuxième sujet", Slug: "deuxieme-sujet", ReplyCount: 3, CreatedAt: now.Add(-time.Hour), LastPostAt: now},
			SectionSlug: "se-lancer", SectionName: "Se lancer",
			Author:     forum.Author{Username: "modo", Role: accounts.Moderator},
			LastAuthor: forum.Author{Username: "anne", Role: accounts.Member}},
	}
	l := fragmentLayoutFor(t, nil, now)
	h := l.ThreadList(threads, true)
	doc := fragmentDoc(t, h)
	rows := doc.Find("ol.thread-list > li.thread-item")
	if rows.Length() != 2 || !rows.First().HasClass("pinned") || rows.Last().HasClass("pinned") {
		t.Fatalf("rows:\n%s", h)
	}
	row := rows.First()
	title := row.Find("a.thread-title")
	if title.Text() != hostile || title.AttrOr("href", "") != "/t/7/a%2Fb%3Fc" {
		t.Errorf("title %q → %q", title.Text(), title.AttrOr("href", ""))
	}
	if got := row.Find(".badges .badge").Text(); got != "ÉpingléVerrouillé" {
		t.Errorf("badges %q", got)
	}
	meta := row.Find(".meta")
	if meta.Find("a").First().AttrOr("href", "") != "/s/entre-nous" || meta.Find("a").First().Text() != "Entre <nous> & co" {
		t.Errorf("section link: %s", h)
	}
	if a := meta.Find(`a[href^="/u/"]`); a.Text() != hostile || a.AttrOr("href", "") != "/u/a%2Fb%3Fc&d" {
		t.Errorf("author link %q → %q", a.Text(), a.AttrOr("href", ""))
	}
	if meta.Find(".role").Length() != 0 {
		t.Error("a member's role is shown in the list")
	}
	if got := meta.Find("time").AttrOr("datetime", ""); got != "2026-01-20T12:00:00Z" || meta.Find("time").Text() != "20 janvier 2026" {
		t.Errorf("created: %q %q", got, meta.Find("time").Text())
	}
	if got := row.Find(".thread-stats .count").Text(); got != "0 réponse" {
		t.Errorf("count %q", got)
	}
	if got := row.Find(".thread-stats .last").Text(); got != `dernier message de O'Neil "Z" <b>, il y a 5 minutes` {
		t.Errorf("last %q", got)
	}
	for _, want := range []string{`href="/u/a%2Fb%3Fc&amp;d"`, "Entre &lt;nous&gt; &amp; co", "O&#39;Neil &#34;Z&#34; &lt;b&gt;"} {
		if !strings.Contains(string(h), want) {
			t.Errorf("lacks %s:\n%s", want, h)
		}
	}
	second := rows.Last()
	if second.Find(".role.role-moderator").Text() != "Modération" || second.Find(".badge").Length() != 0 || second.Find(".count").Text() != "3 réponses" {
		t.Errorf("second row: %s", h)
	}

	doc = fragmentDoc(t, l.ThreadList(threads, false))
	if doc.Find(`.meta a[href^="/s/"]`).Length() != 0 {
		t.Error("the section is named in its own list")
	}
}

// TestSectionListFragment checks the home page's Go-written section list
// (fragments.go).
func TestSectionListFragment(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	recent, old := now.Add(-3*time.Hour), now.Add(-40*24*time.Hour)
	page := &homePage{Layout: fragmentLayoutFor(t, nil, now)}
	page.Sections = []forum.Section{
		{ID: 1, Slug: "se-lancer", Name: hostile, Description: `<img src=x onerror="alert(1)"> & 'co'`, IsNewcomers: true,
			ThreadCount: 0, PostCount: 1, LastPostAt: &recent},
		{ID: 2, Slug: "archives", Name: "Archives", Description: "Les anciens sujets", Archived: true, ThreadCount: 9, PostCount: 90, LastPostAt: &recent},
		{ID: 3, Slug: "entre-nous", Name: "Entre nous", Description: "On parle de tout.", ThreadCount: 2, PostCount: 1500, LastPostAt: &old},
		{ID: 4, Slug: "vide", Name: "Vide", ThreadCount: 1, PostCount: 0},
	}
	h := page.SectionList()
	doc := fragmentDoc(t, h)
	items := doc.Find("li.section-item")
	if items.Length() != 3 || strings.Contains(string(h), "Archives") || doc.Find(`a[href="/s/archives"]`).Length() != 0 {
		t.Fatalf("an archived section is listed, or one is missing:\n%s", h)
	}
	first := items.First()
	if !first.HasClass("newcomers") || items.Eq(1).HasClass("newcomers") || items.Eq(2).HasClass("newcomers") {
		t.Errorf("only the newcomers' section has its class:\n%s", h)
	}
	if a := first.Find("h3 a"); a.Text() != hostile || a.AttrOr("href", "") != "/s/se-lancer" {
		t.Errorf("name %q → %q", a.Text(), a.AttrOr("href", ""))
	}
	if got := first.Find("p").First().Text(); got != `<img src=x onerror="alert(1)"> & 'co'` || doc.Find("img").Length() != 0 {
		t.Errorf("description %q:\n%s", got, h)
	}
	for _, want := range []string{"&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39;", "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#39;co&#39;"} {
		if !strings.Contains(string(h), want) {
			t.Errorf("lacks %s:\n%s", want, h)
		}
	}
	for i, want := range []string{"0 sujet · 1 message · dernière activité il y a 3 heures", "2 sujets · 1500 messages · dernière activité 20 janvier 2026",
		"1 sujet · 0 message"} {
		if got := items.Eq(i).Find("p.meta").Text(); got != want {
			t.Errorf("section %d: meta %q, want %q", i, got, want)
		}
	}
	if got := first.Find("p.meta time").AttrOr("datetime", ""); got != "2026-03-01T09:00:00Z" || items.Eq(2).Find("time").Length() != 0 {
		t.Errorf("last activity %q, or shown without any:\n%s", got, h)
	}

	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	page.tr, page.Locale = bundle.For("en"), "en"
	doc = fragmentDoc(t, page.SectionList())
	if got := doc.Find("p.meta").First().Text(); got != "0 threads · 1 post · last activity 3 hours ago" {
		t.Errorf("English meta %q", got)
	}
	if got := doc.Find("p.meta").Last().Text(); got != "1 thread · 0 posts" {
		t.Errorf("English meta %q", got)
	}
	page.Sections = nil
	if h := page.SectionList(); h != "" {
		t.Errorf("no sections: %q", h)
	}
}
