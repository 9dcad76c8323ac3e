package forum_test

import (
	"context"
	"errors"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/testkit/testdb"
)

// countsThenFails moves the member's counters through the real accounts
// service, in the forum's transaction, then fails: the last part of a
// write that spans two packages.
type countsThenFails struct{ *accounts.Service }

var errSecondPart = errors.New("the second package's part failed")

func (m countsThenFails) AddPostCounts(ctx context.Context, userID int64, threads, replies int) error {
	if err := m.Service.AddPostCounts(ctx, userID, threads, replies); err != nil {
		return err
	}
	return errSecondPart
}

// TestWriteSpanningPackagesRollsBackWhole: when the accounts part of a new
// thread fails after it wrote, neither the thread, its post, the section's
// counters nor the member's counters are left behind.
func TestWriteSpanningPackagesRollsBackWhole(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	u, err := acc.Register(ctx, accounts.Registration{Username: "martine", Email: "martine@exemple.fr",
		Password: "une phrase de passe solide", Confirm: "une phrase de passe solide"})
	if err != nil {
		t.Fatal(err)
	}
	f := forum.New(d, countsThenFails{acc}, markup.New(), nil)
	_, err = f.CreateThread(ctx, u, forum.NewThread{Title: "Comment facturer un client belge ?", Body: "Ma question."})
	if !errors.Is(err, errSecondPart) {
		t.Fatalf("CreateThread returned %v, want the second part's failure", err)
	}
	var threads, posts, sectionThreads, userThreads int
	d.Raw("SELECT COUNT(*) FROM threads").Scan(&threads)
	d.Raw("SELECT COUNT(*) FROM posts").Scan(&posts)
	d.Raw("SELECT COALESCE(SUM(thread_count), 0) FROM sections").Scan(&sectionThreads)
	d.Raw("SELECT thread_count FROM users WHERE id = ?", u.ID).Scan(&userThreads)
	if threads+posts+sectionThreads+userThreads != 0 {
		t.Fatalf("after the rollback: %d threads, %d posts, sections count %d, member count %d; want nothing",
			threads, posts, sectionThreads, userThreads)
	}

	// The same services joined by InTx: the forum's write and a second
	// package's commit together or not at all.
	real := forum.New(d, acc, markup.New(), nil)
	err = d.InTx(ctx, func(ctx context.Context) error {
		if _, err := real.CreateThread(ctx, u, forum.NewThread{Title: "Comment facturer un client belge ?", Body: "Ma question."}); err != nil {
			return err
		}
		return countsThenFails{acc}.AddPostCounts(ctx, u.ID, 0, 5)
	})
	if !errors.Is(err, errSecondPart) {
		t.Fatalf("InTx returned %v", err)
	}
	d.Raw("SELECT COUNT(*) FROM threads").Scan(&threads)
	d.Raw("SELECT thread_count + reply_count FROM users WHERE id = ?", u.ID).Scan(&userThreads)
	if threads != 0 || userThreads != 0 {
		t.Fatalf("after InTx rolled back: %d threads, member counts %d", threads, userThreads)
	}
}
