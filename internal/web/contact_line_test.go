package web

import (
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/replies"
)

// TestContactLineInThePostFragment: the line beside a post's author says
// her contact preference, "forum only" when she never chose one.
func TestContactLineInThePostFragment(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	section := forum.Section{ID: 1, Slug: "entre-nous", ReadRole: accounts.Visitor}
	thread := forum.Thread{ID: 7, SectionID: 1, Title: "Sujet", Slug: "sujet"}
	page := &threadPage{Layout: fragmentLayoutFor(t, nil, now), View: &forum.ThreadView{Thread: thread, Section: section}}
	for _, c := range []struct {
		author int64
		mode   accounts.ContactMode
		want   string
	}{{5, accounts.ContactPhone, "Rendez-vous téléphonique sur demande"}, {6, "", "Préfère les échanges sur le forum"}} {
		post := forum.PostView{Post: forum.Post{ID: 10, ThreadID: 7, AuthorID: c.author, Position: 1, BodyHTML: "<p>x</p>", CreatedAt: now},
			Author: forum.Author{ID: c.author, Username: "u", Role: accounts.Member}, Contact: c.mode}
		doc := fragmentDoc(t, onePost(page, post))
		if got := doc.Find(".post-head .contact-line").Text(); got != c.want {
			t.Errorf("author %d: %q, want %q", c.author, got, c.want)
		}
	}
}

// TestCannedBoxFragment: titles escaped, the links' addresses right, the
// member's replies and the team's apart, the marks of inserted replies kept.
func TestCannedBoxFragment(t *testing.T) {
	t.Parallel()
	owner := int64(5)
	box := &cannedBox{Thread: &forum.Thread{ID: 7}, Used: []int64{3},
		Replies: []replies.Reply{{ID: 3, OwnerID: &owner, Title: hostile}, {ID: 4, Title: "Bienvenue"}}}
	box.Suggested = &box.Replies[0]
	l := fragmentLayoutFor(t, &accounts.User{ID: 5, Role: accounts.Member}, time.Now())
	h := l.CannedBox(box)
	doc := fragmentDoc(t, h)
	if got := doc.Find(`input[type=hidden][name=canned]`).AttrOr("value", ""); got != "3" {
		t.Errorf("inserted mark %q", got)
	}
	mine := doc.Find(".canned-list").First().Find("a")
	if mine.Text() != hostile || mine.AttrOr("href", "") != "/t/7/reply?canned=3" || mine.AttrOr("data-canned-url", "") != "/t/7/canned/3" {
		t.Errorf("personal link: %q %q\n%s", mine.Text(), mine.AttrOr("href", ""), h)
	}
	if got := doc.Find(".canned-list").Last().Find("a").Text(); got != "Bienvenue" || doc.Find("h3.canned-group").Length() != 2 {
		t.Errorf("team link %q", got)
	}
	if !strings.Contains(doc.Find(".canned-suggestion").Text(), hostile) {
		t.Errorf("suggestion %q", doc.Find(".canned-suggestion").Text())
	}
	if l.CannedBox(nil) != "" {
		t.Error("a box without canned replies")
	}
}
