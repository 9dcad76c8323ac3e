package search_test

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"entraide/internal/app"
	"entraide/internal/config"
	"entraide/internal/db"
	"entraide/internal/generate"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// BenchmarkCorrection measures what forgiving slips costs: correcting a
// six-word query with slips, and a whole search of such a query (the typed
// words, the correction, threads with most of the words), reporting p50 and
// p95 over a fixed set of queries made from the forum's own titles.
//
// By default it runs on a small forum generated into the test database
// (SQLite, or PostgreSQL with ENTRAIDE_TEST_DATABASE_URL). To run it on a
// forum already generated at full size (`entraide generate`, then
// `entraide reindex`), name it:
//
//	ENTRAIDE_BENCH_SQLITE=./tmp/perf/sqlite/entraide.db go test -run '^$' -bench Correction -benchtime 400x ./internal/search
//	ENTRAIDE_BENCH_DATABASE_URL='postgres://…/entraide_perf' go test -run '^$' -bench Correction -benchtime 400x ./internal/search
//
// The vocabulary's size and memory are reported too (vocab-words,
// vocab-MB); reading it is timed once (vocab-read-ms), and the statements
// a whole search runs are counted (statements/op).
func BenchmarkCorrection(b *testing.B) {
	ctx := context.Background()
	a := benchForum(b)
	speller := a.Search.Speller()
	start := time.Now()
	if err := speller.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	read := time.Since(start)
	st := speller.Stats()
	sections, err := a.Forum.ReadableSectionIDs(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	queries := slipQueries(b, a.DB, 200)
	report := func(b *testing.B, took []time.Duration) {
		slices.Sort(took)
		b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(st.Words), "vocab-words")
		b.ReportMetric(float64(st.Bytes)/(1<<20), "vocab-MB")
		b.ReportMetric(float64(read.Milliseconds()), "vocab-read-ms")
	}
	b.Run("correct-6-words", func(b *testing.B) {
		var took []time.Duration
		i := 0
		for b.Loop() {
			q := search.ParseQuery(queries[i%len(queries)])
			t0 := time.Now()
			speller.Correct(ctx, q)
			took = append(took, time.Since(t0))
			i++
		}
		report(b, took)
	})
	b.Run("search-6-words-with-slips", func(b *testing.B) {
		var took []time.Duration
		i := 0
		counter := db.CountStatements(a.DB)
		for b.Loop() {
			t0 := time.Now()
			if _, err := a.Search.Search(ctx, search.Request{Query: queries[i%len(queries)], SectionIDs: sections}); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(t0))
			i++
		}
		report(b, took)
		b.ReportMetric(float64(counter.Count())/float64(i), "statements/op")
	})
}

// benchForum opens the generated forum named by the environment, or
// generates a small one into the test database.
func benchForum(b testing.TB) *app.App {
	b.Helper()
	var d *db.DB
	var err error
	switch {
	case os.Getenv("ENTRAIDE_BENCH_DATABASE_URL") != "":
		d, err = db.Open(db.Options{PostgresURL: os.Getenv("ENTRAIDE_BENCH_DATABASE_URL")})
	case os.Getenv("ENTRAIDE_BENCH_SQLITE") != "":
		d, err = db.Open(db.Options{SQLitePath: os.Getenv("ENTRAIDE_BENCH_SQLITE")})
	}
	if err != nil {
		b.Fatal(err)
	}
	generated := d == nil
	if generated {
		d = testkit.NewDB(b)
	}
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		b.Fatal(err)
	}
	a, err := app.Build(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), d)
	if err != nil {
		b.Fatal(err)
	}
	if generated {
		o := generate.Defaults()
		o.Users, o.Threads, o.Posts, o.LongThreads, o.LongReplies = 200, 1000, 8000, 0, 0
		o.Now = time.Now()
		if _, err := generate.Run(context.Background(), d, a.Markup, o); err != nil {
			b.Fatal(err)
		}
		if err := a.Reindex(context.Background(), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// slipQueries makes n queries of six words from the forum's titles, each
// word of five letters or more given a slip: a transposition, a letter
// missing or doubled, or a wrong vowel.
func slipQueries(b *testing.B, d *db.DB, n int) []string {
	b.Helper()
	var titles []string
	if err := d.Raw("SELECT title FROM threads WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?", 4*n).Scan(&titles).Error; err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	for i := 0; len(out) < n && len(titles) > 0; i++ {
		words := strings.Fields(strings.Join([]string{titles[i%len(titles)], titles[(i*7+3)%len(titles)]}, " "))
		var q []string
		for _, w := range words {
			if len(q) == 6 {
				break
			}
			if len([]rune(w)) < 5 {
				continue
			}
			q = append(q, slip(r, w))
		}
		if len(q) == 6 {
			out = append(out, strings.Join(q, " "))
		}
	}
	if len(out) == 0 {
		b.Fatal("no titles to make queries from")
	}
	return out
}

func slip(r *rand.Rand, w string) string {
	rs := []rune(strings.ToLower(w))
	i := 1 + r.IntN(len(rs)-2)
	switch r.IntN(4) {
	case 0:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	case 1:
		rs = append(rs[:i], rs[i+1:]...)
	case 2:
		rs = slices.Insert(rs, i, rs[i])
	default:
		vowels := []rune("aeiou")
		rs[i] = vowels[r.IntN(len(vowels))]
	}
	return string(rs)
}
