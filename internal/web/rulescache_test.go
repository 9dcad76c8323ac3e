package web_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/rules"
	"entraide/internal/testkit"
	"entraide/internal/testkit/testdb"
	"entraide/internal/words"
)

// stoppedClock is a clock that moves only when told, for the caches of
// the rules' values and the watched words.
type stoppedClock struct {
	mu sync.Mutex
	at time.Time
}

func (c *stoppedClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *stoppedClock) move(d time.Duration) {
	c.mu.Lock()
	c.at = c.at.Add(d)
	c.mu.Unlock()
}

// replyStatus sends a reply and returns the page.
func replyStatus(c *testkit.Client, threadURL, body string) *testkit.Page {
	c.Get(threadURL)
	return c.Post("/t/"+strings.Split(threadURL, "/")[2]+"/reply", form("body", body))
}

// A rule saved at /admin/rules and a watched word saved at /mod/words act
// on the very next post on the instance that saved them, even though each
// instance keeps both for a second.
func TestRuleChangesActOnTheNextPost(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	clock := &stoppedClock{at: time.Now()} // the caches never age by themselves here
	srv.App.Rules.SetClock(clock.now)
	srv.App.Words.SetClock(clock.now)
	c, _ := srv.NewUser(accounts.Member)
	if p := replyStatus(c, threadURL, "Première réponse, avant le changement."); p.Status != http.StatusSeeOther {
		t.Fatalf("first reply: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.RepliesPerHourMember, 1)
	p := replyStatus(c, threadURL, "Deuxième réponse, après le changement.")
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "réponses par heure") {
		t.Fatalf("the new limit does not act at once: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.RepliesPerHourMember, 60)
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get("/mod/words")
	if p := mod.Post("/mod/words", form("pattern", "pyramide*", "action", "block")); p.Status != http.StatusSeeOther {
		t.Fatalf("add the word: %d", p.Status)
	}
	p = replyStatus(c, threadURL, "Rejoignez ma pyramide de parrainage.")
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "« pyramide* »") {
		t.Fatalf("the new word does not act at once: %d %q", p.Status, p.Text(".form-errors"))
	}
	list, err := srv.App.Words.List(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("words: %v %v", list, err)
	}
	mod.Get("/mod/words")
	if p := mod.Post("/mod/words/"+itoa(list[0].ID)+"/delete", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("delete the word: %d", p.Status)
	}
	if p := replyStatus(c, threadURL, "Rejoignez ma pyramide de parrainage."); p.Status != http.StatusSeeOther {
		t.Fatalf("the word still acts once deleted: %d %q", p.Status, p.Text(".form-errors"))
	}
}

// Two instances on one database: a rule or a watched word saved on one
// acts on the other's posts once the other's second of cache has passed.
func TestRuleChangesReachTheOtherInstanceWithinASecond(t *testing.T) {
	first, second := testdb.NewTwin(t)
	a, b := testkit.NewServerOn(t, first), testkit.NewServerOn(t, second)
	clock := &stoppedClock{at: time.Now()}
	b.App.Rules.SetClock(clock.now)
	b.App.Words.SetClock(clock.now)
	admin, _ := a.NewUser(accounts.Admin)
	mod, _ := a.NewUser(accounts.Moderator)
	threadURL := admin.OpenThread("entre-nous", "Le fil des deux instances", "Répondez ici.")
	_, member := a.NewUser(accounts.Member)
	cb := b.Client()
	cb.Login(member.Username, testkit.Password)
	if p := replyStatus(cb, threadURL, "Première réponse, sur la seconde instance."); p.Status != http.StatusSeeOther {
		t.Fatalf("first reply: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.RepliesPerHourMember, 1)
	mod.Get("/mod/words")
	if p := mod.Post("/mod/words", form("pattern", "pyramide*", "action", "block")); p.Status != http.StatusSeeOther {
		t.Fatalf("add the word: %d", p.Status)
	}
	// Within the second, the other instance still applies what it read.
	if p := replyStatus(cb, threadURL, "Deuxième réponse, dans la seconde."); p.Status != http.StatusSeeOther {
		t.Fatalf("the second instance read the rules again within its second: %d %q", p.Status, p.Text(".form-errors"))
	}
	clock.move(rules.CacheFor)
	p := replyStatus(cb, threadURL, "Troisième réponse, la seconde passée.")
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "réponses par heure") {
		t.Fatalf("the new limit does not reach the other instance: %d %q", p.Status, p.Text(".form-errors"))
	}
	setRule(t, admin, rules.RepliesPerHourMember, 60)
	clock.move(words.CacheFor)
	p = replyStatus(cb, threadURL, "Rejoignez ma pyramide de parrainage.")
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "« pyramide* »") {
		t.Fatalf("the new word does not reach the other instance: %d %q", p.Status, p.Text(".form-errors"))
	}
}
