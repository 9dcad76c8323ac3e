// Command askbench times the ask flow's hot path on a generated forum: the
// similar-threads finder on draft titles of 4 to 12 words, and step 2 as a
// whole (the session started with its results found, then the page's
// threads, best answers and guides loaded), as a visitor.
//
//	go run ./internal/perf/askbench -sqlite ./tmp/perf/sqlite/entraide.db -n 200
//	go run ./internal/perf/askbench -postgres 'postgres://…' -n 200
//
// Drafts are the titles of random threads with a word changed or dropped,
// the way a newcomer rephrases what exists. Step 2 writes sessions: run it
// on a database made for measuring.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"entraide/internal/app"
	"entraide/internal/config"
	"entraide/internal/db"
)

func main() {
	sqlitePath := flag.String("sqlite", "", "SQLite database file")
	pgURL := flag.String("postgres", "", "PostgreSQL address")
	n := flag.Int("n", 200, "drafts to time")
	slowest = flag.Int("slowest", 0, "print this many of the slowest similar-threads lookups")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*sqlitePath, *pgURL, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

var slowest *int

func run(sqlitePath, pgURL string, n int) error {
	ctx := context.Background()
	d, err := db.Open(db.Options{SQLitePath: sqlitePath, PostgresURL: pgURL})
	if err != nil {
		return err
	}
	defer d.Close()
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		return err
	}
	a, err := app.Build(cfg, slog.New(slog.DiscardHandler), d)
	if err != nil {
		return err
	}
	var sections []int64
	if err := d.Raw("SELECT id FROM sections WHERE NOT archived").Scan(&sections).Error; err != nil {
		return err
	}
	var titles []string
	if err := d.Raw("SELECT title FROM threads WHERE deleted_at IS NULL ORDER BY id LIMIT 20000").Scan(&titles).Error; err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var drafts []string
	for len(drafts) < n && len(titles) > 0 {
		words := strings.Fields(titles[rng.IntN(len(titles))])
		if len(words) > 4 {
			i := rng.IntN(len(words))
			words = slices.Delete(words, i, i+1) // a word left out
		}
		if len(words) >= 4 && len(words) <= 12 {
			drafts = append(drafts, "comment "+strings.Join(words, " "))
		}
	}
	fmt.Printf("database: %s, %d drafts of 4 to 12 words\n", d.Dialect, len(drafts))
	for _, q := range drafts[:min(30, len(drafts))] { // warm the caches
		if _, err := a.Search.Similar(ctx, q, "", sections, 0, 8); err != nil {
			return err
		}
	}
	var slow []struct {
		q    string
		took time.Duration
	}
	sim := timeEach(drafts, func(q string) error {
		start := time.Now()
		_, err := a.Search.Similar(ctx, q, "", sections, 0, 8)
		slow = append(slow, struct {
			q    string
			took time.Duration
		}{q, time.Since(start)})
		return err
	})
	slices.SortFunc(slow, func(a, b struct {
		q    string
		took time.Duration
	}) int {
		return int(b.took - a.took)
	})
	for _, s := range slow[:min(*slowest, len(slow))] {
		fmt.Printf("  %8v %s\n", s.took.Round(100*time.Microsecond), s.q)
	}
	report("similar threads", sim)
	step2 := timeEach(drafts, func(q string) error {
		sess, err := a.Ask.Walk(ctx, nil, q)
		if err != nil {
			return err
		}
		_, err = a.Ask.Results(ctx, nil, sess)
		return err
	})
	report("step 2 (start + page data)", step2)
	return nil
}

func timeEach(qs []string, f func(string) error) []time.Duration {
	out := make([]time.Duration, 0, len(qs))
	for _, q := range qs {
		start := time.Now()
		if err := f(q); err != nil {
			fmt.Fprintf(os.Stderr, "%q: %v\n", q, err)
		}
		out = append(out, time.Since(start))
	}
	slices.Sort(out)
	return out
}

func report(name string, lat []time.Duration) {
	at := func(p float64) time.Duration {
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(100 * time.Microsecond)
	}
	fmt.Printf("%-28s p50 %v  p95 %v  p99 %v\n", name, at(0.5), at(0.95), at(0.99))
}
