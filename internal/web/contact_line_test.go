package web

import (
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
)

// TestContactLineInThePostFragment: the line beside a post's author says
// her contact preference, "forum only" when she never chose one.
func TestContactLineInThePostFragment(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	section := forum.Section{ID: 1, Slug: "entre-nous", ReadRole: accounts.Visitor}
	thread := forum.Thread{ID: 7, SectionID: 1, Title: "Sujet", Slug: "sujet"}
	page := &threadPage{Layout: fragmentLayoutFor(t, nil, now), View: &forum.ThreadView{Thread: thread, Section: section},
		Contacts: map[int64]accounts.ContactMode{5: accounts.ContactPhone}}
	for _, c := range []struct {
		author int64
		want   string
	}{{5, "Rendez-vous téléphonique sur demande"}, {6, "Préfère les échanges sur le forum"}} {
		post := postItem{ID: 10, ThreadID: 7, AuthorID: c.author, Position: 1, BodyHTML: "<p>x</p>", CreatedAt: now,
			Author: forum.Author{ID: c.author, Username: "u", Role: accounts.Member}}
		doc := fragmentDoc(t, page.Post(post))
		if got := doc.Find(".post-head .contact-line").Text(); got != c.want {
			t.Errorf("author %d: %q, want %q", c.author, got, c.want)
		}
	}
}
