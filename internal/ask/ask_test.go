package ask_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

func TestCleanSentence(t *testing.T) {
	cases := map[string]string{
		"":                                    "",
		"  Comment   trouver\tdes\nclients ?": "Comment trouver des clients ?",
		"\xff\xfe clients \x00":               "clients",
		"a\u0085b":                            "a b",
		strings.Repeat("é", 400):              strings.Repeat("é", ask.MaxSentence),
	}
	for in, want := range cases {
		if got := ask.CleanSentence(in); got != want {
			t.Errorf("CleanSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTwoSubmissionsOfOneSessionMakeOneThread: the session is closed as
// posted in the transaction that writes the thread, so the second of two
// submissions racing on it is refused and leaves nothing.
func TestTwoSubmissionsOfOneSessionMakeOneThread(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, u := srv.NewUser(accounts.Newcomer)
	sess, err := srv.App.Ask.Walk(ctx, u, "comment trouver mes premiers clients")
	if err != nil {
		t.Fatal(err)
	}
	in := forum.NewThread{Title: "Comment trouver mes premiers clients ?", Body: "Bonjour.", Tried: testkit.AskedTried, AskSession: sess.Token}
	var wg sync.WaitGroup
	results := make([]error, 2)
	for i := range results {
		wg.Go(func() { _, results[i] = srv.App.Ask.Post(ctx, u, in) })
	}
	wg.Wait()
	ok, refused := 0, 0
	for _, err := range results {
		if err == nil {
			ok++
		} else if r, is := errs.AsRefusal(err); is && (r.Rule == "search_first" || r.Rule == rules.SameText) {
			// The session already used, or — when the second submission
			// waited on the first's lock — the same text twice.
			refused++
		} else {
			t.Errorf("unexpected: %v", err)
		}
	}
	var threads int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM threads WHERE author_id = ?", u.ID).Scan(&threads)
	if ok != 1 || refused != 1 || threads != 1 {
		t.Fatalf("%d published, %d refused, %d threads", ok, refused, threads)
	}
}

// TestTheGateHoldsForEveryCaller: the forum service itself refuses a
// newcomer's thread without a session, whoever calls it.
func TestTheGateHoldsForEveryCaller(t *testing.T) {
	srv := testkit.NewServer(t)
	_, u := srv.NewUser(accounts.Newcomer)
	_, err := srv.App.Forum.CreateThread(context.Background(), u, forum.NewThread{Title: "Une question sans passer par la recherche", Body: "Bonjour."})
	if r, ok := errs.AsRefusal(err); !ok || r.Key != "ask.refused.missing" {
		t.Fatalf("got %v", err)
	}
}
