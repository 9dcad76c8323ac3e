package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/testkit"
	"entraide/internal/words"
)

// A member's reply, rules checked, runs a fixed number of statements:
// the session's user, the thread, the author's lock with their counters,
// the hour's activity, then the write (the thread's next position, the
// post, the section's and the author's counters, the notification, the
// search index: one statement on PostgreSQL, three on SQLite). The rules'
// values and the watched words come from their caches; the answer's
// address from the reply itself. The load run posts replies as fast as it
// can, so each statement here is a round trip in its transaction.
func TestAMembersReplyRunsAFixedNumberOfStatements(t *testing.T) {
	t.Parallel()
	srv, _, _, threadURL := limitsForum(t)
	srv.RaiseLimits()
	clock := &stoppedClock{at: time.Now()} // the caches stay warm whatever the machine's speed
	srv.App.Rules.SetClock(clock.now)
	srv.App.Words.SetClock(clock.now)
	_, adminUser := srv.NewUser(accounts.Admin)
	if _, err := srv.App.Words.Add(context.Background(), adminUser, "pyramide*", words.Block); err != nil {
		t.Fatal(err)
	}
	want := map[db.Dialect]int{db.Postgres: 10, db.SQLite: 12}[srv.App.DB.Dialect]
	counter := db.CountStatements(srv.App.DB)
	// Another member's reply first: it reads the caches and starts the
	// thread author's group of unread replies, which later ones join.
	other, _ := srv.NewUser(accounts.Member)
	other.Reply(threadURL, "La première réponse du fil.")
	c, _ := srv.NewUser(accounts.Member)
	for i := range 3 {
		c.Get(threadURL)
		counter.Reset()
		p := c.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", fmt.Sprintf("Réponse numéro %d, un texte ordinaire.", i)))
		if p.Status != http.StatusSeeOther || !strings.Contains(p.Location, "#p") {
			t.Fatalf("reply %d: %d %q", i, p.Status, p.Location)
		}
		if n := counter.Count(); n != want {
			t.Errorf("reply %d: %d statements, want %d:\n  %s", i, n, want, strings.Join(counter.List(), "\n  "))
		}
	}
}
