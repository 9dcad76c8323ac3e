package search_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// TestRebuildWhileTheForumIsWritten rebuilds the index in small batches
// while members reply, edit and delete: afterwards the index holds exactly
// the visible posts, with their current text.
func TestRebuildWhileTheForumIsWritten(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one newcomer opens 20 threads
	srv.App.Index.Tune(search.Tuning{RebuildBatch: 7})
	ctx := context.Background()
	f := srv.App.Forum
	u, err := srv.App.Accounts.Register(ctx, accounts.Registration{Username: "rosine", Email: "r@exemple.fr", Password: testkit.Password, Confirm: testkit.Password})
	if err != nil {
		t.Fatal(err)
	}
	var threads []*forum.Thread
	var replies []*forum.Post
	for i := 0; i < 20; i++ {
		th := testkit.AskedThread(t, srv.App, u, forum.NewThread{Title: fmt.Sprintf("Question numéro %d sur la facturation", i), Body: "Texte de départ."})
		threads = append(threads, th)
		for j := 0; j < 5; j++ {
			p, err := f.Reply(ctx, u, th.ID, fmt.Sprintf("Réponse %d-%d.", i, j))
			if err != nil {
				t.Fatal(err)
			}
			replies = append(replies, p)
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := srv.App.Index.Rebuild(ctx, nil); err != nil {
			t.Errorf("rebuild: %v", err)
		}
	})
	wg.Go(func() {
		for i, p := range replies {
			switch i % 3 {
			case 0:
				if _, err := f.EditPost(ctx, u, p.ID, forum.Edit{Body: fmt.Sprintf("Réponse corrigée kumquat %d.", i)}); err != nil {
					t.Errorf("edit: %v", err)
				}
			case 1:
				if _, err := f.DeletePost(ctx, u, p.ID); err != nil {
					t.Errorf("delete: %v", err)
				}
			default:
				if _, err := f.Reply(ctx, u, threads[i%len(threads)].ID, "Une réponse écrite pendant la reconstruction."); err != nil {
					t.Errorf("reply: %v", err)
				}
			}
		}
	})
	wg.Wait()
	var visible, indexed []int64
	srv.App.DB.Raw("SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id").Scan(&visible)
	srv.App.DB.Raw("SELECT post_id FROM search_docs ORDER BY post_id").Scan(&indexed)
	if !slices.Equal(visible, indexed) {
		t.Fatalf("%d visible posts, %d indexed", len(visible), len(indexed))
	}
	ids, _ := f.ReadableSectionIDs(ctx, nil)
	res, err := srv.App.Search.Search(ctx, search.Request{Query: "kumquat", SectionIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	edited := 0
	for i := range replies {
		if i%3 == 0 {
			edited++
		}
	}
	if res.Total != len(threads) {
		t.Errorf("the edited text is found in %d threads, want %d (%d edits)", res.Total, len(threads), edited)
	}
}

// TestCommonQueriesRankTheMostRecentMatches: past the cap of ranked posts
// a search says "at least", ranks within the most recent matches, and a
// filter reaches the older ones.
func TestCommonQueriesRankTheMostRecentMatches(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one newcomer opens 20 threads
	srv.App.Index.Tune(search.Tuning{CandidatePosts: 30})
	ctx := context.Background()
	f := srv.App.Forum
	_, u := srv.NewUser(accounts.Member)
	sections, _ := f.Sections(ctx, nil)
	old, err := f.CreateThread(ctx, u, forum.NewThread{SectionID: sections[3].ID, Title: "Le plus ancien sujet sur les agendas", Body: "Agenda papier."})
	if err != nil {
		t.Fatal(err)
	}
	mid, err := f.CreateThread(ctx, u, forum.NewThread{SectionID: sections[5].ID, Title: "Agenda ou cahier ?", Body: "Agenda ou cahier, que préférez-vous ?"})
	if err != nil {
		t.Fatal(err)
	}
	th, err := f.CreateThread(ctx, u, forum.NewThread{SectionID: sections[5].ID, Title: "Un fil très long sur les agendas", Body: "Agenda partagé."})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60; i++ {
		if _, err := f.Reply(ctx, u, th.ID, fmt.Sprintf("Mon agenda, épisode %d.", i)); err != nil {
			t.Fatal(err)
		}
	}
	all := []int64{sections[3].ID, sections[5].ID}
	res, err := srv.App.Search.Search(ctx, search.Request{Query: "agenda", SectionIDs: all})
	if err != nil {
		t.Fatal(err)
	}
	if !res.AtLeast || len(res.Hits) != 1 || res.Hits[0].ThreadID != th.ID {
		t.Fatalf("capped search: at least %v, hits %+v (long thread %d, middle %d)", res.AtLeast, res.Hits, th.ID, mid.ID)
	}
	res, err = srv.App.Search.Search(ctx, search.Request{Query: "agenda", SectionIDs: all[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if res.AtLeast || len(res.Hits) != 1 || res.Hits[0].ThreadID != old.ID {
		t.Fatalf("a section filter must reach the older thread: %+v", res.Hits)
	}
}

// TestRebuildGivesThePlannerFreshStatistics: on SQLite, statistics taken
// while the index was small (a bare ANALYZE on a young forum) make the
// planner remove every merged FTS5 segment with a scan of the whole index
// instead of a rowid range — at a million posts, 0.8 s at commit every
// sixteen replies. A rebuild must undo that; on PostgreSQL it must leave the
// search tables analysed.
func TestRebuildGivesThePlannerFreshStatistics(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	d := srv.App.DB
	_, u := srv.NewUser(accounts.Newcomer)
	testkit.AskedThread(t, srv.App, u, forum.NewThread{Title: "Logiciel de facturation", Body: "Lequel choisir ?"})
	if d.Dialect == db.Postgres {
		if err := srv.App.Index.Rebuild(ctx, nil); err != nil {
			t.Fatal(err)
		}
		var analysed int
		d.Raw("SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('search_docs', 'search_titles') AND last_analyze IS NOT NULL").Scan(&analysed)
		if analysed != 2 {
			t.Fatalf("after a rebuild %d of the 2 search tables are analysed", analysed)
		}
		return
	}
	// FTS5's own statement (fts5DataDelete in SQLite's fts5_index.c), on a
	// new connection: each reads the statistics when it opens.
	segmentRemoval := func() string {
		var file string
		var seq int
		var name string
		if err := d.Raw("PRAGMA database_list").Row().Scan(&seq, &name, &file); err != nil {
			t.Fatal(err)
		}
		fresh, err := db.Open(db.Options{SQLitePath: file})
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		var plan []struct{ Detail string }
		if err := fresh.Raw("EXPLAIN QUERY PLAN DELETE FROM search_fts_data WHERE id >= ? AND id <= ?", 1<<37, 2<<37-1).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		var details []string
		for _, p := range plan {
			details = append(details, p.Detail)
		}
		return strings.Join(details, "; ")
	}
	// What the generator's bare ANALYZE left in the generated forum of a
	// million posts: FTS5's data table counted at two rows.
	for _, stmt := range []string{"ANALYZE", "UPDATE sqlite_stat1 SET stat = '2' WHERE tbl = 'search_fts_data'"} {
		if err := d.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if plan := segmentRemoval(); !strings.HasPrefix(plan, "SCAN") {
		t.Fatalf("precondition: with the statistics of a young forum the planner should scan, it plans %q", plan)
	}
	if err := srv.App.Index.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if plan := segmentRemoval(); !strings.Contains(plan, "USING INTEGER PRIMARY KEY") {
		t.Fatalf("after a rebuild FTS5 removes a segment with %q, not a rowid range", plan)
	}
}
