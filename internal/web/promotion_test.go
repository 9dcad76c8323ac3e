package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/modlog"
	"entraide/internal/promotion"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// oldNewcomer is a newcomer whose account is days old.
func oldNewcomer(t *testing.T, srv *testkit.Server, days int) (*testkit.Client, *accounts.User) {
	t.Helper()
	c, u := srv.NewUser(accounts.Newcomer)
	if err := srv.App.DB.Exec("UPDATE users SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-time.Duration(days)*24*time.Hour), u.ID).Error; err != nil {
		t.Fatal(err)
	}
	return c, u
}

func roleOf(t *testing.T, srv *testkit.Server, u *accounts.User) accounts.Role {
	t.Helper()
	got, err := srv.App.Accounts.ByID(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got.Role
}

// A newcomer becomes a member when the rule holds, checked when they post
// and when they are thanked; they stay logged in, are told, and the log
// records it.
func TestNewcomerIsPromotedWhenTheRuleHolds(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	thanker, _ := srv.NewUser(accounts.Member)

	// At the post: 3 replies, one thanked, 8 days old.
	c, u := oldNewcomer(t, srv, 8)
	first := c.Reply(threadURL, "Première réponse utile.")
	thanker.Act(threadURL, "/p/"+first+"/thank")
	c.Reply(threadURL, "Deuxième réponse utile.")
	if roleOf(t, srv, u) != accounts.Newcomer {
		t.Fatal("promoted with 2 replies")
	}
	c.Reply(threadURL, "Troisième réponse utile.")
	if roleOf(t, srv, u) != accounts.Member {
		t.Fatal("not promoted with 3 replies, a thank-you and 8 days")
	}
	if p := c.Get("/settings/replies"); p.Status != http.StatusOK {
		t.Fatalf("the promoted member was logged out or kept out: %d", p.Status)
	}
	if p := c.Get("/notifications"); !strings.Contains(p.Text("main"), "Vous êtes maintenant membre") {
		t.Fatalf("not told: %q", p.Text("main"))
	}
	lines, _, err := srv.App.ModLog.List(context.Background(), modlog.Filter{Action: promotion.Promoted, UserID: u.ID}, 1)
	if err != nil || len(lines) != 1 || lines[0].ActorID != nil || lines[0].Reason != rules.AutoPromotion {
		t.Fatalf("the log: %+v %v", lines, err)
	}

	// At the thank-you: 3 replies, none thanked yet.
	c2, u2 := oldNewcomer(t, srv, 30)
	var last string
	for _, text := range []string{"Un avis.", "Un autre avis.", "Un dernier avis."} {
		last = c2.Reply(threadURL, text)
	}
	if roleOf(t, srv, u2) != accounts.Newcomer {
		t.Fatal("promoted without a thank-you")
	}
	thanker.Act(threadURL, "/p/"+last+"/thank")
	if roleOf(t, srv, u2) != accounts.Member {
		t.Fatal("not promoted when thanked")
	}

	// A reply the moderators hid does not count: three written, one hidden.
	c5, u5 := oldNewcomer(t, srv, 30)
	_, modUser := srv.NewUser(accounts.Moderator)
	var hidden, kept string
	for i, text := range []string{"Une réponse masquée.", "Une réponse gardée.", "Une autre réponse gardée."} {
		id := c5.Reply(threadURL, text)
		if i == 0 {
			hidden = id
		}
		kept = id
	}
	hiddenID, _ := strconv.ParseInt(hidden, 10, 64)
	if _, err := srv.App.Forum.HidePost(context.Background(), modUser, hiddenID, "Hors sujet."); err != nil {
		t.Fatal(err)
	}
	thanker.Act(threadURL, "/p/"+kept+"/thank")
	if roleOf(t, srv, u5) != accounts.Newcomer {
		t.Fatal("promoted with a hidden reply counted among the three")
	}

	// Too young, or suspended: not promoted.
	young, yu := oldNewcomer(t, srv, 6)
	suspended, su := oldNewcomer(t, srv, 8)
	srv.App.DB.Exec("UPDATE users SET suspended_until = ? WHERE id = ?", time.Now().UTC().Add(24*time.Hour), su.ID)
	for _, who := range []*testkit.Client{young, suspended} {
		for _, text := range []string{"Réponse A.", "Réponse B.", "Réponse C."} {
			if p := postN(who, false, "", threadURL, 0, text); p.Status != http.StatusSeeOther && who == young {
				t.Fatalf("reply: %d", p.Status)
			}
		}
	}
	srv.App.DB.Exec("UPDATE users SET thanks_received = 1 WHERE id IN (?, ?)", yu.ID, su.ID)
	young.Reply(threadURL, "Réponse D.")
	if roleOf(t, srv, yu) != accounts.Newcomer || roleOf(t, srv, su) != accounts.Newcomer {
		t.Fatal("a young or suspended newcomer was promoted")
	}

	// A changed setting: one reply, no thank-you, any age.
	setRule(t, admin, rules.PromotionReplies, 1)
	setRule(t, admin, rules.PromotionThanks, 0)
	setRule(t, admin, rules.PromotionDays, 0)
	c3, u3 := srv.NewUser(accounts.Newcomer)
	c3.Reply(threadURL, "Une seule réponse suffit.")
	if roleOf(t, srv, u3) != accounts.Member {
		t.Fatal("the changed setting is not applied")
	}
	if !strings.Contains(srv.Client().Get("/rules").Text("#rule-promotion_replies"), "au moins 1 réponse toujours") {
		t.Error("/rules does not follow the setting")
	}
	// Off: nobody is promoted.
	admin.Get("/admin/rules")
	if p := admin.Post("/admin/rules", form(rules.AutoPromotion, rules.Off)); p.Status != http.StatusSeeOther {
		t.Fatal(p.Status)
	}
	c4, u4 := srv.NewUser(accounts.Newcomer)
	c4.Reply(threadURL, "Une réponse quand la règle est coupée.")
	if roleOf(t, srv, u4) != accounts.Newcomer {
		t.Fatal("promoted with the rule off")
	}
}
