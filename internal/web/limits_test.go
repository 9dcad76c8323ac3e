package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/limits"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// limitsForum is a forum where newcomers open threads directly (the ask
// flow is tested elsewhere), with an admin and a thread to reply to.
func limitsForum(t *testing.T) (srv *testkit.Server, admin *testkit.Client, section, threadURL string) {
	t.Helper()
	srv = testkit.NewServer(t)
	if err := srv.App.Rules.Set(context.Background(), rules.SearchFirst, rules.Off); err != nil {
		t.Fatal(err)
	}
	admin, _ = srv.NewUser(accounts.Admin)
	section = admin.SectionID("entre-nous")
	threadURL = admin.OpenThread("entre-nous", "Le fil où l'on répond", "Répondez ici.")
	return srv, admin, section, threadURL
}

// setRule saves one rule through the admin's form.
func setRule(t *testing.T, admin *testkit.Client, name string, value int) {
	t.Helper()
	admin.Get("/admin/rules")
	if p := admin.Post("/admin/rules", form(name, strconv.Itoa(value))); p.Status != http.StatusSeeOther {
		t.Fatalf("set %s=%d: %d %q", name, value, p.Status, p.Text("main"))
	}
}

// postN sends the i-th post of c: a thread or a reply, each text its own.
func postN(c *testkit.Client, thread bool, section, threadURL string, i int, extra string) *testkit.Page {
	body := fmt.Sprintf("Mon message numéro %d. %s", i, extra)
	if thread {
		c.Get("/new")
		return c.Post("/new", form("section", section, "title", fmt.Sprintf("Une question numéro %d", i), "body", body))
	}
	c.Get(threadURL)
	return c.Post("/t/"+strings.Split(threadURL, "/")[2]+"/reply", form("body", body))
}

// refusedBy checks that p is the form again, naming the rule with its
// number, the text kept, and that the log has a line for it.
func refusedBy(t *testing.T, srv *testkit.Server, p *testkit.Page, u *accounts.User, rule, phrase, keep string, before int64) {
	t.Helper()
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), phrase) {
		t.Fatalf("want refused by %q: %d %q", phrase, p.Status, p.Text("main"))
	}
	if !strings.Contains(p.Doc.Find("textarea[name=body]").Text(), keep) {
		t.Errorf("the text is not given back: %q", p.Doc.Find("textarea[name=body]").Text())
	}
	lines, _, err := srv.App.ModLog.List(context.Background(), modlog.Filter{Action: limits.Refused, UserID: u.ID}, 1)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := srv.App.ModLog.Count(context.Background(), modlog.Filter{Action: limits.Refused, UserID: u.ID})
	if n != before+1 || len(lines) == 0 || lines[0].Reason != rule || lines[0].ActorID != nil {
		t.Fatalf("the log: %d lines (want %d), %+v", n, before+1, lines)
	}
}

func TestRateLimitsAtAndPastTheirLimit(t *testing.T) {
	cases := []struct {
		rule         string
		role         accounts.Role
		thread       bool
		phrase       string
		def, changed int
	}{
		{rules.ThreadsPerDayNewcomer, accounts.Newcomer, true, "nouveaux sujets par jour", 3, 5},
		{rules.ThreadsPerDayMember, accounts.Member, true, "nouveaux sujets par jour", 20, 2},
		{rules.RepliesPerHourNewcomer, accounts.Newcomer, false, "réponses par heure", 10, 4},
		{rules.RepliesPerHourMember, accounts.Member, false, "réponses par heure", 60, 3},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			srv, admin, section, threadURL := limitsForum(t)
			for round, limit := range []int{tc.def, tc.changed} {
				if round == 1 {
					setRule(t, admin, tc.rule, limit)
				}
				c, u := srv.NewUser(tc.role)
				for i := range limit {
					if p := postN(c, tc.thread, section, threadURL, i, ""); p.Status != http.StatusSeeOther {
						t.Fatalf("limit %d, post %d: %d %q", limit, i+1, p.Status, p.Text(".form-errors"))
					}
				}
				p := postN(c, tc.thread, section, threadURL, limit, "Celui de trop.")
				refusedBy(t, srv, p, u, tc.rule, tc.phrase, "Celui de trop.", 0)
				if !strings.Contains(p.Text(".form-errors"), strconv.Itoa(limit)) {
					t.Errorf("the message does not give the limit %d: %q", limit, p.Text(".form-errors"))
				}
				// Once the window has passed, the same person may post again.
				window := limits.RepliesWindow
				if tc.thread {
					window = limits.ThreadsWindow
				}
				moved := time.Now().UTC().Add(window + time.Minute)
				srv.App.Forum.SetClock(func() time.Time { return moved })
				if p := postN(c, tc.thread, section, threadURL, limit+1, ""); p.Status != http.StatusSeeOther {
					t.Fatalf("after the window: %d %q", p.Status, p.Text(".form-errors"))
				}
				srv.App.Forum.SetClock(func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) })
			}
		})
	}
}

// Moderators and admins are not held to the rate limits.
func TestModeratorsAreExemptFromRateLimits(t *testing.T) {
	srv, admin, section, threadURL := limitsForum(t)
	setRule(t, admin, rules.ThreadsPerDayMember, 1)
	setRule(t, admin, rules.RepliesPerHourMember, 1)
	mod, _ := srv.NewUser(accounts.Moderator)
	for i := range 3 {
		if p := postN(mod, true, section, threadURL, i, ""); p.Status != http.StatusSeeOther {
			t.Fatalf("moderator's thread %d: %d %q", i, p.Status, p.Text(".form-errors"))
		}
		if p := postN(mod, false, section, threadURL, 10+i, ""); p.Status != http.StatusSeeOther {
			t.Fatalf("moderator's reply %d: %d %q", i, p.Status, p.Text(".form-errors"))
		}
	}
}

// The same text twice within the window is refused: a member's in the
// same thread (a double submit), a newcomer's anywhere; another text
// passes; the rule at 0 lets it through.
func TestSameTextTwiceIsRefused(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	other := admin.OpenThread("entre-nous", "Un deuxième fil de discussion", "Ailleurs.")
	c, u := srv.NewUser(accounts.Member)
	text := "Je confirme, la facture d'acompte suffit."
	c.Reply(threadURL, text)
	c.Get(threadURL)
	p := c.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", text))
	refusedBy(t, srv, p, u, rules.SameText, "même texte publié deux fois", text, 0)
	if !strings.Contains(p.Text(".form-errors"), "10 minutes") {
		t.Errorf("the message does not give the window: %q", p.Text(".form-errors"))
	}
	c.Reply(other, text) // a member's canned answer elsewhere
	c.Reply(threadURL, text+" Et l'avoir aussi.")
	newcomer, nu := srv.NewUser(accounts.Newcomer)
	newcomer.Reply(threadURL, text)
	newcomer.Get(other)
	p = newcomer.Post("/t/"+testkit.ThreadID(t, other)+"/reply", form("body", text))
	refusedBy(t, srv, p, nu, rules.SameText, "même texte publié deux fois", text, 0)
	// The window: 9 minutes later still refused, 11 minutes later passes;
	// at 30 minutes, 11 minutes later is refused.
	base := time.Now().UTC()
	later := func(minutes int) {
		srv.App.Forum.SetClock(func() time.Time { return base.Add(time.Duration(minutes) * time.Minute).Truncate(time.Microsecond) })
	}
	again := func(who *testkit.Client) *testkit.Page {
		who.Get(threadURL)
		return who.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", "Le même texte, à l'heure près."))
	}
	c.Reply(threadURL, "Le même texte, à l'heure près.")
	later(9)
	if p := again(c); p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("9 minutes later: %d", p.Status)
	}
	later(11)
	if p := again(c); p.Status != http.StatusSeeOther {
		t.Fatalf("11 minutes later: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.SameText, 30)
	later(22)
	if p := again(c); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "30 minutes") {
		t.Fatalf("11 minutes after, with 30: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.SameText, 0)
	c.Reply(threadURL, text)
	newcomer.Reply(other, text)
}

// A newcomer's post holds at most so many links, images included; a
// member's is not counted.
func TestNewcomersLinksAreLimited(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	links := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "Voir https://exemple%d.fr/guide. ", i)
		}
		return b.String()
	}
	c, u := srv.NewUser(accounts.Newcomer)
	c.Reply(threadURL, links(2))
	c.Get(threadURL)
	p := c.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", links(2)+"![capture](https://images.exemple.fr/a.png)"))
	refusedBy(t, srv, p, u, rules.NewcomerLinks, "le vôtre en contient 3", "https://images.exemple.fr/a.png", 0)
	setRule(t, admin, rules.NewcomerLinks, 3)
	c.Reply(threadURL, links(3))
	c.Get(threadURL)
	p = c.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", links(4)))
	refusedBy(t, srv, p, u, rules.NewcomerLinks, "peuvent mettre 3 liens", "exemple3.fr", 1)
	member, _ := srv.NewUser(accounts.Member)
	member.Reply(threadURL, links(8))
}
