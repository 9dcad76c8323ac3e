package demo

import (
	"bytes"
	"slices"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/notify"
	"entraide/internal/testkit/testdb"
)

// TestAcknowledgementsAreLoaded checks the demo's thank-yous and solutions
// against the story: each thanker and solution exist and are not the
// author, the counters hold, and Julien has answers waiting, for the
// reminder and the step before a new question.
func TestAcknowledgementsAreLoaded(t *testing.T) {
	titles := map[string]thread{}
	for _, th := range threads {
		titles[th.Title] = th
	}
	for title, a := range acknowledgements {
		th, ok := titles[title]
		if !ok {
			t.Fatalf("acknowledgement of a missing thread %q", title)
		}
		if a.Solution >= len(th.Replies) || (a.Solution >= 0 && th.Replies[a.Solution].Author == th.Opening.Author) {
			t.Errorf("%q: solution %d", title, a.Solution)
		}
		for reply, who := range a.Thanks {
			author := th.Opening.Author
			if reply >= 0 {
				author = th.Replies[reply].Author
			}
			for _, name := range who {
				if name == author {
					t.Errorf("%q: %s thanks their own post", title, name)
				}
			}
		}
	}
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	notes := notify.New(d, acc)
	f := forum.New(d, acc, markup.New(), nil)
	f.SetNotifier(notes)
	deps := Deps{Accounts: acc, Forum: f, Notify: notes}
	if err := Load(ctx, deps, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var solved, thanks int
	d.Raw("SELECT COUNT(*) FROM threads WHERE solution_post_id IS NOT NULL").Scan(&solved)
	d.Raw("SELECT COUNT(*) FROM thanks").Scan(&thanks)
	if solved != 6 || thanks < 30 {
		t.Errorf("%d solved threads, %d thank-yous", solved, thanks)
	}
	found, err := db.Check(ctx, d, slices.Concat(forum.Invariants(), accounts.Invariants(), notify.Invariants()), false)
	if err != nil || len(found) > 0 {
		t.Fatalf("counters after the demo: %v %+v", err, found)
	}
	julien, err := deps.Accounts.ByUsername(ctx, julien)
	if err != nil {
		t.Fatal(err)
	}
	check, err := f.AcknowledgeFirst(ctx, julien)
	if err != nil || !check.Show() || !check.MaySkip() {
		t.Fatalf("Julien's answers waiting: %+v %v", check, err)
	}
	if julien.UnreadNotifications == 0 {
		t.Error("Julien has no unread notification")
	}
}
