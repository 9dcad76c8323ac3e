package search_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// TestVocabularyFollowsWrites: the corrections come from the forum's words
// as they are now, on both databases: a word written is proposed once the
// vocabulary is read again, and no longer once its thread is deleted.
func TestVocabularyFollowsWrites(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, member := srv.NewUser(accounts.Member)
	ids, err := srv.App.Forum.ReadableSectionIDs(ctx, member)
	if err != nil {
		t.Fatal(err)
	}
	speller := srv.App.Search.Speller()
	search1 := func(q string) *search.Results {
		t.Helper()
		if err := speller.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		res, err := srv.App.Search.Search(ctx, search.Request{Query: q, SectionIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := search1("dictaphone"); res.Typed != "" || res.Total != 0 {
		t.Fatalf("empty forum: %+v", res)
	}
	sec, err := srv.App.Forum.SectionBySlug(ctx, member, "outils-et-logiciels")
	if err != nil {
		t.Fatal(err)
	}
	th, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "Quel dictaphone pour les rendez-vous ?", Body: "Un dictaphone numérique, lequel ?"})
	if err != nil {
		t.Fatal(err)
	}
	res := search1("dictapohne")
	if res.Typed != "dictapohne" || res.Query.Raw != "dictaphone" || res.Total != 1 {
		t.Errorf("after the thread: typed %q, searched %q, %d found", res.Typed, res.Query.Raw, res.Total)
	}
	if exact, _ := srv.App.Search.Search(ctx, search.Request{Query: "dictapohne", SectionIDs: ids, Exact: true}); exact.Typed != "" || exact.Total != 0 {
		t.Errorf("exact search corrected: %+v", exact)
	}
	first, err := srv.App.Forum.Posts(ctx, th, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.App.Forum.DeletePost(ctx, member, first[0].ID); err != nil {
		t.Fatal(err)
	}
	if res := search1("dictapohne"); res.Typed != "" || res.Total != 0 {
		t.Errorf("after the deletion: typed %q, searched %q", res.Typed, res.Query.Raw)
	}
}

// TestCorrectionServesSimilarThreadsAndAskFlow: a draft title with slips
// finds the thread it means, as the same title spelled right does.
func TestCorrectionServesSimilarThreads(t *testing.T) {
	lc := loadCorpus(t, testkit.NewDB(t))
	ctx := context.Background()
	if err := lc.app.Search.Speller().Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for draft, want := range map[string]string{
		"Reconnaisance vocale pour la transcripton":      "reconnaissance-vocale",
		"Quelle mutuele pour une independante ?":         "mutuelle-independante",
		"Requalifcation en salariat avec un seul client": "requalification-salariat",
	} {
		found, err := lc.app.Search.Similar(ctx, draft, "", lc.all, 0, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) == 0 || lc.byThread[found[0].ThreadID] != want {
			var got []string
			for _, f := range found {
				got = append(got, lc.byThread[f.ThreadID])
			}
			t.Errorf("%q: similar %v, want %s first", draft, got, want)
		}
	}
}

// TestHostileQueriesStayCheapWithCorrection: huge words, a thousand words,
// invalid UTF-8 and operators go through correction without error.
func TestHostileQueriesStayCheapWithCorrection(t *testing.T) {
	lc := loadCorpus(t, testkit.NewDB(t))
	ctx := context.Background()
	for _, q := range []string{
		strings.Repeat("facturaton", 1000),
		strings.Repeat("secretiare ", 1000),
		strings.Repeat("\xff\xfe", 5000) + " facturaton",
		`"facturaton logiciel" -devis NEAR(a b) tarif:* OR AND NOT`,
		strings.Repeat("sous-", 2000) + "traitance",
		strings.Repeat("é", 5000),
	} {
		res, err := lc.app.Search.Search(ctx, search.Request{Query: q, SectionIDs: lc.all})
		if err != nil {
			t.Errorf("%.40q: %v", q, err)
			continue
		}
		if len(res.Hits) > search.ResultsPerPage+10 {
			t.Errorf("%.40q: %d hits", q, len(res.Hits))
		}
		if _, err := lc.app.Search.Similar(ctx, q, q, lc.all, 0, 5); err != nil {
			t.Errorf("similar %.40q: %v", q, err)
		}
	}
}

// TestUpgradeRebuildsAnIndexOfAnOlderAnalyzer: an index recorded as built
// by the analyzer before joined forms is rebuilt once, and then finds a
// hyphenated title by its joined spelling.
func TestUpgradeRebuildsAnIndexOfAnOlderAnalyzer(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, member := srv.NewUser(accounts.Member)
	sec, err := srv.App.Forum.SectionBySlug(ctx, member, "trouver-des-clients")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "La sous-traitance entre consœurs", Body: "Qui facture ?"}); err != nil {
		t.Fatal(err)
	}
	version := func() (v int) {
		t.Helper()
		if err := srv.App.DB.Raw("SELECT version FROM search_analyzer").Scan(&v).Error; err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := version(); v != 2 {
		t.Fatalf("a new forum's index is recorded as version %d", v)
	}
	srv.App.DB.Exec("UPDATE search_analyzer SET version = 1")
	var log strings.Builder
	if err := srv.App.Index.Upgrade(ctx, slog.New(slog.NewTextHandler(&log, nil))); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != 2 || !strings.Contains(log.String(), "rebuilt for the new analyzer") {
		t.Errorf("after the upgrade: version %d, log %q", v, log.String())
	}
	log.Reset()
	if err := srv.App.Index.Upgrade(ctx, slog.New(slog.NewTextHandler(&log, nil))); err != nil || log.Len() != 0 {
		t.Errorf("a second upgrade: %v, %q", err, log.String())
	}
	ids, _ := srv.App.Forum.ReadableSectionIDs(ctx, nil)
	res, err := srv.App.Search.Search(ctx, search.Request{Query: "soustraitance", SectionIDs: ids, Exact: true})
	if err != nil || res.Total != 1 {
		t.Errorf("soustraitance: %v, %+v", err, res)
	}
}

// TestMostWordsLackOneThenTwo: the threads matching most of the words lack
// one of them, or two when lacking one finds too few, never more than half
// the words; each says which words its best post lacks, as typed.
func TestMostWordsLackOneThenTwo(t *testing.T) {
	srv, member, ids, sec := memberInStatus(t)
	ctx := context.Background()
	titles := map[int64]string{}
	for _, th := range []forum.NewThread{
		{Title: "Micro-entreprise ou EURL ?", Body: "Mon conseiller me pousse vers l'EURL."},
		{Title: "Quitter la micro-entreprise", Body: "Je passe en société l'an prochain."},
		{Title: "Relancer une facture impayée", Body: "Ma cliente ne paie pas."},
		{Title: "Une facture à corriger", Body: "Une erreur de date."},
	} {
		th.SectionID = sec.ID
		created, err := srv.App.Forum.CreateThread(ctx, member, th)
		if err != nil {
			t.Fatal(err)
		}
		titles[created.ID] = th.Title
	}
	search1 := func(q string) []string {
		t.Helper()
		res, err := srv.App.Search.Search(ctx, search.Request{Query: q, SectionIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for i, h := range res.Hits {
			line := titles[h.ThreadID]
			if i >= len(res.Hits)-res.Partial {
				line += " −" + strings.Join(h.Lacks, " −")
			}
			out = append(out, line)
		}
		return out
	}
	for _, c := range []struct{ q, want string }{
		// Two slips among five words: all but two.
		{"statu juridiqe micro entreprise EURL", "Micro-entreprise ou EURL ? −statu −juridiqe"},
		// Three words: all but one, never a thread with one word of three.
		{"facture impayée xylophone", "Relancer une facture impayée −xylophone"},
		// Two words: all but one.
		{"facture impayée", "Relancer une facture impayée | Une facture à corriger −impayée"},
	} {
		if got := strings.Join(search1(c.q), " | "); got != c.want {
			t.Errorf("%q: got %q, want %q", c.q, got, c.want)
		}
	}
}

// TestMostWordsFarApart: the threads matching most of the words say which
// words they lack when their posts are hundreds of thousands of ids apart
// (on SQLite each post is then looked up in each word's list, rather than
// the lists read from the oldest post on), as when they are close.
func TestMostWordsFarApart(t *testing.T) {
	srv, member, ids, sec := memberInStatus(t)
	ctx := context.Background()
	old, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "Relancer une facture impayée", Body: "Ma cliente ne paie pas."})
	if err != nil {
		t.Fatal(err)
	}
	jump := "ALTER TABLE posts ALTER COLUMN id RESTART WITH 399990"
	if srv.App.DB.Dialect == db.SQLite {
		jump = "UPDATE sqlite_sequence SET seq = 399989 WHERE name = 'posts'"
	}
	if err := srv.App.DB.Exec(jump).Error; err != nil {
		t.Fatal(err)
	}
	if err := search.PreparePartitions(ctx, srv.App.Index, 399990); err != nil {
		t.Fatal(err)
	}
	recent, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "Une facture de xylophone", Body: "Pour l'école de musique."})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[int64]string{old.ID: old.Title, recent.ID: recent.Title}
	res, err := srv.App.Search.Search(ctx, search.Request{Query: "facture impayée xylophone", SectionIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, titles[h.ThreadID]+" −"+strings.Join(h.Lacks, " −"))
	}
	want := "Une facture de xylophone −impayée | Relancer une facture impayée −xylophone"
	if strings.Join(got, " | ") != want || res.Partial != 2 {
		t.Errorf("got %q (%d partial), want %q", strings.Join(got, " | "), res.Partial, want)
	}
}

// memberInStatus is a forum with a member, the sections she reads and the
// section on legal status, where the most-words tests write.
func memberInStatus(t *testing.T) (*testkit.Server, *accounts.User, []int64, *forum.Section) {
	t.Helper()
	srv := testkit.NewServer(t)
	_, member := srv.NewUser(accounts.Member)
	ids, err := srv.App.Forum.ReadableSectionIDs(context.Background(), member)
	if err != nil {
		t.Fatal(err)
	}
	sec, err := srv.App.Forum.SectionBySlug(context.Background(), member, "juridique-et-statut")
	if err != nil {
		t.Fatal(err)
	}
	return srv, member, ids, sec
}
