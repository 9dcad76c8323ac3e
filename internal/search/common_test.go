package search_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
	"entraide/internal/testkit/testdb"
)

// TestCommonWordsRankByTitleThenRecency: when every word of a query is in
// many threads, the threads whose title holds the words come first, then
// the most recent activity — however often an older post repeats the
// words — on both databases.
func TestCommonWordsRankByTitleThenRecency(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, u := srv.NewUser(accounts.Member)
	sections, err := srv.App.Forum.Sections(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := srv.App.Forum.ReadableSectionIDs(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	write := func(title, body string) int64 {
		t.Helper()
		th, err := srv.App.Forum.CreateThread(ctx, u, forum.NewThread{SectionID: sections[0].ID, Title: title, Body: body})
		if err != nil {
			t.Fatal(err)
		}
		return th.ID
	}
	titled := write("Agenda partagé pour le cabinet", "Lequel prendre pour deux secrétaires ?")
	repeats := write("Organiser la semaine", "Agenda partagé, agenda partagé, toujours l'agenda partagé : l'agenda partagé avant tout.")
	order = append(order, write("Rendez-vous du lundi", "Un agenda partagé en ligne, ou le papier ?"))
	order = append(order, write("Mes débuts", "J'ouvre un agenda partagé avec ma collègue."))
	if err := srv.App.Search.Speller().Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	search1 := func() []int64 {
		t.Helper()
		res, err := srv.App.Search.Search(ctx, search.Request{Query: "agenda partagé", SectionIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.ThreadID)
		}
		return got
	}
	if search.CommonQuery(srv.App.Search, "agenda partagé") {
		t.Fatal("four threads make common words by default")
	}
	if got := search1(); len(got) != 4 || got[0] != titled {
		t.Fatalf("scored: %v, want the titled thread %d first of four", got, titled)
	}
	srv.App.Index.Tune(search.Tuning{CommonThreads: 2})
	if !search.CommonQuery(srv.App.Search, "agenda partagé") {
		t.Fatal("words in four threads of four are not common at a threshold of two")
	}
	want := []int64{titled, order[1], order[0], repeats}
	if got := search1(); !equalIDs(got, want) {
		t.Errorf("common words: %v, want %v (title, then newest first)", got, want)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCommonWordsSameOrderOnBothDatabases runs the relevance set with
// every word the forum holds counted as common: such searches rank
// without either database's text score, so both must return the same
// threads in the same order. It needs PostgreSQL (see
// TestSameResultsOnBothDatabases).
func TestCommonWordsSameOrderOnBothDatabases(t *testing.T) {
	pgURL := os.Getenv(testdb.PostgresURLEnv)
	if pgURL == "" {
		t.Skip("SKIPPED: comparing SQLite with PostgreSQL needs " + testdb.PostgresURLEnv + " (set in CI's PostgreSQL pass)")
	}
	lite, pg := loadCorpus(t, testdb.NewSQLite(t)), loadCorpus(t, testdb.NewPostgres(t, pgURL))
	common := 0
	for _, lc := range []*loadedCorpus{lite, pg} {
		lc.app.Index.Tune(search.Tuning{CommonThreads: 1})
		if err := lc.app.Search.Speller().Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range lite.corpus.Queries {
		if !search.CommonQuery(lite.app.Search, q.Q) || !search.CommonQuery(pg.app.Search, q.Q) {
			continue
		}
		common++
		if a, b := lite.run(t, q), pg.run(t, q); strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%q: SQLite %v, PostgreSQL %v", q.Q, a, b)
		}
	}
	t.Logf("%d queries of %d are of common words", common, len(lite.corpus.Queries))
	if common < 10 {
		t.Errorf("only %d queries of common words: the test compares too little", common)
	}
}

// TestRelevanceWithEveryWordCommon runs the relevance set with every word
// the forum holds counted as common, so that most queries rank without the
// text score: recall@5 and MRR hold as TestRelevance asks.
func TestRelevanceWithEveryWordCommon(t *testing.T) {
	lc := loadCorpus(t, testkit.NewDB(t))
	lc.app.Index.Tune(search.Tuning{CommonThreads: 1})
	if err := lc.app.Search.Speller().Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	results := map[string][]string{}
	var typos, others []search.RelevanceQuery
	common := 0
	for _, q := range lc.corpus.Queries {
		results[q.Q] = lc.run(t, q)
		if search.CommonQuery(lc.app.Search, q.Q) {
			common++
		}
		if q.Covers == "typo" {
			typos = append(typos, q)
		} else {
			others = append(others, q)
		}
	}
	recall, mrr, failures := search.Evaluate(results, others)
	typoRecall, typoMRR, typoFailures := search.Evaluate(results, typos)
	t.Logf("%s: %d of %d queries of common words; recall@5 %.3f, MRR %.3f without slips; %.3f, %.3f with",
		lc.app.DB.Dialect, common, len(lc.corpus.Queries), recall, mrr, typoRecall, typoMRR)
	if common < len(lc.corpus.Queries)/2 {
		t.Errorf("only %d queries of common words", common)
	}
	if recall < 1 || mrr < 0.95 || typoRecall < 0.9 {
		t.Errorf("recall@5 %.3f (want 1), MRR %.3f (want ≥ 0.95); with slips recall@5 %.3f (want ≥ 0.9)", recall, mrr, typoRecall)
		for _, f := range append(failures, typoFailures...) {
			t.Log(f)
		}
	}
}
