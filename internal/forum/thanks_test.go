package forum_test

import (
	"context"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/notify"
	"entraide/internal/settings"
	"entraide/internal/testkit/testdb"
)

// TestThanksNotificationsAndTheCallersTransaction checks that a thank-you,
// its counters and its notification commit together, inside a transaction
// a caller opened (db.InTx), and vanish together when it rolls back.
func TestThanksNotificationsAndTheCallersTransaction(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	fx := &fixture{f: forum.New(d, acc, markup.New(), nil), acc: acc}
	notes := notify.New(d, acc)
	fx.f.SetNotifier(notes)
	users := register(t, fx, d, 3)
	asker, helper, other := users[0], users[1], users[2]
	sec := fx.section(t, "entre-nous")
	th, err := fx.f.CreateThread(ctx, asker, forum.NewThread{SectionID: sec.ID, Title: "Une question de transaction", Body: "Texte."})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := fx.f.Reply(ctx, helper, th.ID, "Une réponse.")
	if err != nil {
		t.Fatal(err)
	}
	rollback := errs.ErrForbidden
	err = d.InTx(ctx, func(ctx2 context.Context) error {
		if _, err := fx.f.Thank(ctx2, other, reply.ID); err != nil {
			return err
		}
		return rollback
	})
	if err != rollback {
		t.Fatalf("InTx: %v", err)
	}
	if n := count(t, d, "SELECT COUNT(*) FROM thanks"); n != 0 {
		t.Fatalf("rolled back thanks kept: %d", n)
	}
	if n := count(t, d, "SELECT thanks_received + unread_notifications FROM users WHERE id = ?", helper.ID); n != 0 {
		t.Fatalf("rolled back counters kept: %d", n)
	}
	if _, err := fx.f.Thank(ctx, other, reply.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, "SELECT unread_notifications FROM users WHERE id = ?", helper.ID); n != 1 {
		t.Fatalf("helper's unread: %d", n)
	}
	if n := count(t, d, "SELECT unread_notifications FROM users WHERE id = ?", asker.ID); n != 1 {
		t.Fatalf("asker's unread after a reply: %d", n)
	}
	if _, err := fx.f.Thank(ctx, helper, reply.ID); err == nil {
		t.Fatal("self-thanks accepted")
	} else if r, ok := errs.AsRefusal(err); !ok || r.Key != "thanks.refused.self" {
		t.Fatalf("self-thanks: %v", err)
	}
	if _, err := fx.f.Thank(ctx, nil, reply.ID); err != errs.ErrForbidden {
		t.Fatalf("a visitor's thanks: %v", err)
	}
}

func TestBestAnswerIsTheSolutionElseTheMostThanked(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	fx := &fixture{f: forum.New(d, acc, markup.New(), nil), acc: acc}
	users := register(t, fx, d, 5)
	sec := fx.section(t, "entre-nous")
	th, err := fx.f.CreateThread(ctx, users[0], forum.NewThread{SectionID: sec.ID, Title: "La meilleure réponse, s'il vous plaît", Body: "Texte."})
	if err != nil {
		t.Fatal(err)
	}
	if best, err := fx.f.BestAnswer(ctx, nil, th.ID); err != nil || best != nil {
		t.Fatalf("no reply yet: %v %v", best, err)
	}
	a, _ := fx.f.Reply(ctx, users[1], th.ID, "Réponse A.")
	b, _ := fx.f.Reply(ctx, users[2], th.ID, "Réponse B.")
	if best, err := fx.f.BestAnswer(ctx, nil, th.ID); err != nil || best != nil {
		t.Fatalf("nothing thanked: %v %v", best, err)
	}
	for _, u := range users[3:] {
		if _, err := fx.f.Thank(ctx, u, b.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := fx.f.Thank(ctx, users[3], a.ID); err != nil {
		t.Fatal(err)
	}
	if best, _ := fx.f.BestAnswer(ctx, nil, th.ID); best == nil || best.ID != b.ID {
		t.Fatalf("most thanked: %+v", best)
	}
	if _, err := fx.f.ChooseSolution(ctx, users[0], a.ID); err != nil {
		t.Fatal(err)
	}
	if best, _ := fx.f.BestAnswer(ctx, nil, th.ID); best == nil || best.ID != a.ID {
		t.Fatalf("the solution: %+v", best)
	}
	// Deleting the solution takes the thread back to unsolved.
	if _, err := fx.f.DeletePost(ctx, users[1], a.ID); err != nil {
		t.Fatal(err)
	}
	tv, _ := fx.f.Thread(ctx, nil, th.ID)
	if tv.Thread.Solved() || count(t, d, "SELECT solution_count FROM users WHERE id = ?", users[1].ID) != 0 {
		t.Fatal("a deleted solution still counts")
	}
	posts, sol, err := fx.f.PostsAndSolution(ctx, nil, &tv.Thread, 1)
	if err != nil || len(posts) != 3 || sol != nil {
		t.Fatalf("posts and solution: %d %v %v", len(posts), sol, err)
	}
}

// TestThreadPagePostsCarryMarksAndContacts: the thread page's one read of
// its posts brings what the reader did with each (thanked, "ne m'a pas
// aidé") and how each author accepts to be contacted; a visitor's and
// another member's read carry no mark.
func TestThreadPagePostsCarryMarksAndContacts(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	fx := &fixture{f: forum.New(d, acc, markup.New(), nil), acc: acc}
	users := register(t, fx, d, 4)
	asker := users[0]
	th, err := fx.f.CreateThread(ctx, asker, forum.NewThread{SectionID: fx.section(t, "entre-nous").ID, Title: "Qui me répond, et comment ?", Body: "Texte."})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := fx.f.Reply(ctx, users[1], th.ID, "Réponse A.")
	b, _ := fx.f.Reply(ctx, users[2], th.ID, "Réponse B.")
	if _, err := fx.f.Thank(ctx, asker, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.f.MarkNotHelpful(ctx, asker, b.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.f.ChooseSolution(ctx, asker, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.Exec("INSERT INTO profiles (user_id, contact_mode, updated_at) VALUES (?, 'phone', ?)", users[1].ID, time.Now()).Error; err != nil {
		t.Fatal(err)
	}
	tv, err := fx.f.Thread(ctx, asker, th.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		reader *accounts.User
		marks  []forum.Mark
	}{
		{"asker", asker, []forum.Mark{{}, {Thanked: true}, {NotHelpful: true}}},
		{"visitor", nil, []forum.Mark{{}, {}, {}}},
		{"other member", users[3], []forum.Mark{{}, {}, {}}},
	} {
		posts, sol, err := fx.f.PostsAndSolution(ctx, c.reader, &tv.Thread, 1)
		if err != nil || len(posts) != 3 || sol == nil || sol.ID != a.ID {
			t.Fatalf("%s: %d posts, solution %v, %v", c.name, len(posts), sol, err)
		}
		for i, p := range posts {
			if p.Mark != c.marks[i] {
				t.Errorf("%s: post %d marked %+v, want %+v", c.name, i+1, p.Mark, c.marks[i])
			}
			if want := map[bool]accounts.ContactMode{true: accounts.ContactPhone, false: ""}[p.AuthorID == users[1].ID]; p.Contact != want {
				t.Errorf("%s: post %d's author contact %q, want %q", c.name, i+1, p.Contact, want)
			}
		}
		if sol.Mark != c.marks[1] || sol.Contact != accounts.ContactPhone {
			t.Errorf("%s: the solution carries %+v %q", c.name, sol.Mark, sol.Contact)
		}
	}
}

func TestAcknowledgeRuleSettings(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	fx := &fixture{f: forum.New(d, acc, markup.New(), nil), acc: acc}
	fx.f.SetRules(settings.New(d))
	if m, err := fx.f.AckMode(ctx); err != nil || m != forum.AckNudge {
		t.Fatalf("default: %v %v", m, err)
	}
	admin := &accounts.User{Role: accounts.Admin}
	if err := fx.f.SetAckMode(ctx, admin, "parfois"); err == nil {
		t.Fatal("unknown mode accepted")
	}
	if err := fx.f.SetAckMode(ctx, &accounts.User{Role: accounts.Member}, forum.AckOff); err != errs.ErrForbidden {
		t.Fatalf("a member set the rule: %v", err)
	}
	if err := fx.f.SetAckMode(ctx, admin, forum.AckRequire); err != nil {
		t.Fatal(err)
	}
	if m, _ := fx.f.AckMode(ctx); m != forum.AckRequire {
		t.Fatalf("after set: %v", m)
	}
	newcomer := &accounts.User{ID: 999, Role: accounts.Newcomer}
	check, err := fx.f.AcknowledgeFirst(ctx, newcomer)
	if err != nil || check.Show() || check.Err() != nil {
		t.Fatalf("nothing pending: %+v %v", check, err)
	}
}

func register(t *testing.T, fx *fixture, d *db.DB, n int) []*accounts.User {
	t.Helper()
	var out []*accounts.User
	for i := 0; i < n; i++ {
		name := "merci" + string(rune('a'+i))
		u, err := fx.acc.Register(ctx, accounts.Registration{Username: name, Email: name + "@exemple.fr", Password: "une phrase de passe solide", Confirm: "une phrase de passe solide"})
		if err != nil {
			t.Fatal(err)
		}
		d.Exec("UPDATE users SET role = 'member' WHERE id = ?", u.ID)
		u.Role = accounts.Member
		out = append(out, u)
	}
	return out
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBestAnswersPreferTheSolutionThenTheMostThanked: the ask flow's
// "best answer" of a thread is its solution, else its most thanked reply,
// else its first reply — for many threads in one statement.
func TestBestAnswersPreferTheSolutionThenTheMostThanked(t *testing.T) {
	fx := newFixture(t, 4)
	asker, a, b, c := fx.users[0], fx.users[1], fx.users[2], fx.users[3]
	reply := func(th *forum.Thread, u *accounts.User) *forum.Post {
		p, err := fx.f.Reply(ctx, u, th.ID, "Une réponse de "+u.Username)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := fx.thread(t, asker, "Une question sans merci ni solution")
	firstPlain := reply(plain, a)
	reply(plain, b)
	thanked := fx.thread(t, asker, "Une question avec des mercis")
	reply(thanked, a)
	most := reply(thanked, b)
	for _, u := range []*accounts.User{asker, c} {
		if _, err := fx.f.Thank(ctx, u, most.ID); err != nil {
			t.Fatal(err)
		}
	}
	solved := fx.thread(t, asker, "Une question résolue par une réponse")
	chosen := reply(solved, c)
	other := reply(solved, a)
	if _, err := fx.f.Thank(ctx, b, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.f.ChooseSolution(ctx, asker, chosen.ID); err != nil {
		t.Fatal(err)
	}
	best, err := fx.f.BestAnswers(ctx, []int64{plain.ID, thanked.ID, solved.ID})
	if err != nil {
		t.Fatal(err)
	}
	for th, want := range map[int64]int64{plain.ID: firstPlain.ID, thanked.ID: most.ID, solved.ID: chosen.ID} {
		if best[th].ID != want {
			t.Errorf("thread %d: best answer %d, want %d", th, best[th].ID, want)
		}
	}
}
