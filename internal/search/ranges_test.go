package search_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// TestPostsFarApartAreFound writes posts whose ids lie hundreds of
// thousands apart — on PostgreSQL in different partitions of the index,
// made ready by the rebuild after a jump of ids and then, in the background,
// a range ahead of concurrent writers crossing into a new range — and
// searches across them: every post is indexed, and a capped search still
// ranks the newest matches.
func TestPostsFarApartAreFound(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.App.Index.Tune(search.Tuning{CandidatePosts: 10})
	ctx := context.Background()
	d, f := srv.App.DB, srv.App.Forum
	// A member, not a newcomer, so the threads go to the sections asked.
	_, u := srv.NewUser(accounts.Member)
	sections, _ := f.Sections(ctx, u)
	old, err := f.CreateThread(ctx, u, forum.NewThread{SectionID: sections[1].ID, Title: "Mon vieil agenda", Body: "Un agenda papier, toujours."})
	if err != nil {
		t.Fatal(err)
	}
	jump := "ALTER TABLE posts ALTER COLUMN id RESTART WITH 399990"
	if d.Dialect == db.SQLite {
		jump = "UPDATE sqlite_sequence SET seq = 399989 WHERE name = 'posts'"
	}
	if err := d.Exec(jump).Error; err != nil {
		t.Fatal(err)
	}
	// As after a bulk load of posts, whose rebuild readies the index.
	if err := search.PreparePartitions(ctx, srv.App.Index, 399990); err != nil {
		t.Fatal(err)
	}
	th, err := f.CreateThread(ctx, u, forum.NewThread{SectionID: sections[2].ID, Title: "Agenda partagé en ligne", Body: "Lequel prendre ?"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if _, err := f.Reply(ctx, u, th.ID, fmt.Sprintf("Mon agenda kumquat numéro %d.", i)); err != nil {
				t.Errorf("reply %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	var indexed int
	d.Raw("SELECT COUNT(*) FROM search_docs WHERE post_id >= 399990").Scan(&indexed)
	if indexed != 17 {
		t.Fatalf("%d of the 17 new posts are indexed", indexed)
	}
	if d.Dialect == db.Postgres {
		// Posts now in the last range made: the next is made in the
		// background, a range ahead.
		deadline := time.Now().Add(10 * time.Second)
		for {
			var ahead *string
			d.Raw("SELECT to_regclass('search_docs_5')::text").Scan(&ahead)
			if ahead != nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("no partition was made ready for the range after the newest posts")
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	all := []int64{sections[1].ID, sections[2].ID}
	res, err := srv.App.Search.Search(ctx, search.Request{Query: "kumquat", SectionIDs: all})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].ThreadID != th.ID {
		t.Fatalf("kumquat: %+v", res.Hits)
	}
	res, err = srv.App.Search.Search(ctx, search.Request{Query: "agenda", SectionIDs: all})
	if err != nil {
		t.Fatal(err)
	}
	if !res.AtLeast || len(res.Hits) != 1 || res.Hits[0].ThreadID != th.ID {
		t.Fatalf("capped search across ranges: at least %v, hits %+v (new thread %d, old %d)", res.AtLeast, res.Hits, th.ID, old.ID)
	}
	res, err = srv.App.Search.Search(ctx, search.Request{Query: "agenda", SectionIDs: all[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if res.AtLeast || len(res.Hits) != 1 || res.Hits[0].ThreadID != old.ID {
		t.Fatalf("a section filter must reach the old thread in the first range: %+v", res.Hits)
	}
}
