package forum_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/testkit/testdb"
)

var ctx = context.Background()

type fixture struct {
	f     *forum.Service
	acc   *accounts.Service
	users []*accounts.User
}

// newFixture is a forum with members able to open threads anywhere.
func newFixture(t *testing.T, members int) *fixture {
	t.Helper()
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	fx := &fixture{f: forum.New(d, acc, markup.New(), nil), acc: acc}
	// Whatever the test wrote, every counter must still agree with its rows.
	t.Cleanup(func() {
		found, err := db.Check(ctx, d, append(forum.Invariants(), accounts.Invariants()...), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			t.Errorf("after the test's writes: %s (%d rows)", f.Name, f.Broken)
		}
	})
	for i := 0; i < members; i++ {
		name := fmt.Sprintf("membre%d", i)
		u, err := fx.acc.Register(ctx, accounts.Registration{Username: name, Email: name + "@exemple.fr", Password: "une phrase de passe solide", Confirm: "une phrase de passe solide"})
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Exec("UPDATE users SET role = 'member' WHERE id = ?", u.ID).Error; err != nil {
			t.Fatal(err)
		}
		u.Role = accounts.Member
		fx.users = append(fx.users, u)
	}
	return fx
}

func (fx *fixture) section(t *testing.T, slug string) forum.Section {
	t.Helper()
	secs, err := fx.f.Sections(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secs {
		if s.Slug == slug {
			return s
		}
	}
	t.Fatalf("no section %s", slug)
	return forum.Section{}
}

func (fx *fixture) thread(t *testing.T, author *accounts.User, title string) *forum.Thread {
	t.Helper()
	th, err := fx.f.CreateThread(ctx, author, forum.NewThread{SectionID: fx.section(t, "entre-nous").ID, Title: title, Body: "Premier message."})
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func (fx *fixture) view(t *testing.T, id int64) *forum.ThreadView {
	t.Helper()
	tv, err := fx.f.Thread(ctx, nil, id)
	if err != nil {
		t.Fatal(err)
	}
	return tv
}

func TestCountersFollowWritesAndDeletions(t *testing.T) {
	fx := newFixture(t, 2)
	anne, bea := fx.users[0], fx.users[1]
	th := fx.thread(t, anne, "Combien facturez-vous une heure de saisie ?")
	r1, err := fx.f.Reply(ctx, bea, th.ID, "Trente euros.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.f.Reply(ctx, anne, th.ID, "Merci, c'est ce que je pensais."); err != nil {
		t.Fatal(err)
	}
	sec := fx.section(t, "entre-nous")
	if sec.ThreadCount != 1 || sec.PostCount != 3 {
		t.Fatalf("section counts %d/%d", sec.ThreadCount, sec.PostCount)
	}
	if tv := fx.view(t, th.ID); tv.Thread.ReplyCount != 2 || tv.Thread.PostSeq != 3 || tv.Thread.LastAuthorID != anne.ID {
		t.Fatalf("thread %+v", tv.Thread)
	}
	if _, err := fx.f.DeletePost(ctx, bea, r1.ID); err != nil {
		t.Fatal(err)
	}
	sec = fx.section(t, "entre-nous")
	b, _ := fx.acc.ByID(ctx, bea.ID)
	if tv := fx.view(t, th.ID); tv.Thread.ReplyCount != 1 || sec.PostCount != 2 || b.ReplyCount != 0 {
		t.Fatalf("after deleting a reply: thread %d replies, section %d posts, author %d replies", tv.Thread.ReplyCount, sec.PostCount, b.ReplyCount)
	}
	if _, err := fx.f.DeletePost(ctx, anne, firstPost(t, fx, th).ID); !isInvalid(err) {
		t.Fatalf("deleting an answered thread: %v", err)
	}
}

func firstPost(t *testing.T, fx *fixture, th *forum.Thread) forum.PostView {
	t.Helper()
	posts, err := fx.f.Posts(ctx, &fx.view(t, th.ID).Thread, 1)
	if err != nil {
		t.Fatal(err)
	}
	return posts[0]
}

func isInvalid(err error) bool {
	_, ok := errs.AsInvalid(err)
	return ok
}

// TestDeletingTheLastReplyGivesTheActivityBack: the lists must not keep
// naming a reply that is gone as the last message.
func TestDeletingTheLastReplyGivesTheActivityBack(t *testing.T) {
	fx := newFixture(t, 2)
	anne, bea := fx.users[0], fx.users[1]
	th := fx.thread(t, anne, "Un sujet avec une seule réponse")
	before := fx.view(t, th.ID).Thread
	time.Sleep(2 * time.Millisecond)
	r, err := fx.f.Reply(ctx, bea, th.ID, "Une réponse qui sera retirée.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.f.DeletePost(ctx, bea, r.ID); err != nil {
		t.Fatal(err)
	}
	after := fx.view(t, th.ID).Thread
	if after.LastAuthorID != anne.ID || !after.LastPostAt.Equal(before.LastPostAt) {
		t.Fatalf("last activity %v by %d, want %v by %d", after.LastPostAt, after.LastAuthorID, before.LastPostAt, anne.ID)
	}
	if sec := fx.section(t, "entre-nous"); sec.LastPostAt == nil || !sec.LastPostAt.Equal(before.LastPostAt) {
		t.Fatalf("section last activity %v, want %v", sec.LastPostAt, before.LastPostAt)
	}
}

func TestConcurrentRepliesGetDistinctPositions(t *testing.T) {
	fx := newFixture(t, 4)
	th := fx.thread(t, fx.users[0], "Un sujet très demandé ce matin")
	const n = 24
	var wg sync.WaitGroup
	errc := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Go(func() {
			_, err := fx.f.Reply(ctx, fx.users[i%len(fx.users)], th.ID, fmt.Sprintf("Réponse simultanée %d.", i))
			errc <- err
		})
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			t.Fatalf("a concurrent reply failed: %v", err)
		}
	}
	tv := fx.view(t, th.ID)
	if tv.Thread.ReplyCount != n || tv.Thread.PostSeq != n+1 {
		t.Fatalf("%d replies, last position %d", tv.Thread.ReplyCount, tv.Thread.PostSeq)
	}
	var positions []int
	for page := 1; page <= tv.Thread.Pages(); page++ {
		posts, err := fx.f.Posts(ctx, &tv.Thread, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			positions = append(positions, p.Position)
		}
	}
	for i, p := range positions {
		if p != i+1 {
			t.Fatalf("positions %v", positions)
		}
	}
	if sec := fx.section(t, "entre-nous"); sec.PostCount != n+1 {
		t.Fatalf("section counts %d posts", sec.PostCount)
	}
}

// TestConcurrentEditsKeepEveryVersion: each edit's revision is the version
// it replaced, so the history holds every version exactly once.
func TestConcurrentEditsKeepEveryVersion(t *testing.T) {
	fx := newFixture(t, 1)
	u := fx.users[0]
	th := fx.thread(t, u, "Un message corrigé plusieurs fois")
	post := firstPost(t, fx, th)
	const n = 8
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Go(func() {
			if _, err := fx.f.EditPost(ctx, u, post.ID, forum.Edit{Title: th.Title, Body: fmt.Sprintf("version %d", i)}); err != nil {
				t.Errorf("edit %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	pc, err := fx.f.Post(ctx, u, post.ID)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := fx.f.Revisions(ctx, u, pc)
	if err != nil {
		t.Fatal(err)
	}
	versions := []string{pc.Post.Body}
	for _, r := range revs {
		versions = append(versions, r.Body)
	}
	slices.Sort(versions)
	want := []string{"Premier message."}
	for i := 1; i <= n; i++ {
		want = append(want, fmt.Sprintf("version %d", i))
	}
	slices.Sort(want)
	if !slices.Equal(versions, want) {
		t.Fatalf("history holds %q", versions)
	}
	if pc.Post.EditCount != n {
		t.Fatalf("edit count %d", pc.Post.EditCount)
	}
}

// TestThreadDeletionNeverTakesAnAnswerWithIt races the author deleting a
// thread against replies: either the deletion is refused, or no reply
// made it.
func TestThreadDeletionNeverTakesAnAnswerWithIt(t *testing.T) {
	for round := 0; round < 5; round++ {
		fx := newFixture(t, 3)
		author := fx.users[0]
		th := fx.thread(t, author, fmt.Sprintf("Un sujet que son autrice retire %d", round))
		first := firstPost(t, fx, th)
		var wg sync.WaitGroup
		var replied int
		var mu sync.Mutex
		for i := 1; i < 3; i++ {
			wg.Go(func() {
				if _, err := fx.f.Reply(ctx, fx.users[i], th.ID, "Je réponds vite !"); err == nil {
					mu.Lock()
					replied++
					mu.Unlock()
				}
			})
		}
		var deleteErr error
		wg.Go(func() { _, deleteErr = fx.f.DeletePost(ctx, author, first.ID) })
		wg.Wait()
		_, err := fx.f.Thread(ctx, nil, th.ID)
		deleted := errors.Is(err, errs.ErrNotFound)
		if deleted && replied > 0 {
			t.Fatalf("round %d: the thread was deleted with %d answers in it", round, replied)
		}
		if !deleted && deleteErr == nil {
			t.Fatalf("round %d: the deletion succeeded but the thread is still there", round)
		}
	}
}

func TestReservedSlugs(t *testing.T) {
	fx := newFixture(t, 1)
	th := fx.thread(t, fx.users[0], "Reply ?!?!?!?!?!")
	if th.Slug == "reply" {
		t.Fatalf("slug %q collides with the reply form's address", th.Slug)
	}
}
