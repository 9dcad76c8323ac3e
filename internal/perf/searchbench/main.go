// Command searchbench measures search on an existing database — usually one
// filled by `entraide generate` — and prints latency percentiles, the size
// of the index and the cost of indexing one post. It is a measuring tool,
// not part of the forum's binary:
//
//	go run ./internal/perf/searchbench -sqlite ./tmp/perf/entraide.db
//	go run ./internal/perf/searchbench -postgres 'postgres://postgres@127.0.0.1:5432/entraide_perf?sslmode=disable'
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/search"
)

func main() {
	sqlitePath := flag.String("sqlite", "", "SQLite database file")
	pgURL := flag.String("postgres", "", "PostgreSQL address")
	n := flag.Int("n", 400, "queries to time")
	showSlowest := flag.Int("slowest", 0, "print this many of the slowest searches")
	flag.Parse()
	if err := run(*sqlitePath, *pgURL, *n, *showSlowest); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(sqlitePath, pgURL string, n, showSlowest int) error {
	ctx := context.Background()
	d, err := db.Open(db.Options{SQLitePath: sqlitePath, PostgresURL: pgURL})
	if err != nil {
		return err
	}
	defer d.Close()
	ix := search.NewIndex(d)
	s := search.NewSearcher(ix)
	var sections []int64
	if err := d.Raw("SELECT id FROM sections WHERE NOT archived").Scan(&sections).Error; err != nil {
		return err
	}
	var posts, threads int64
	d.Raw("SELECT COUNT(*) FROM posts").Scan(&posts)
	d.Raw("SELECT COUNT(*) FROM threads").Scan(&threads)
	fmt.Printf("database: %s, %d threads, %d posts\n", d.Dialect, threads, posts)

	queries, err := twoWordQueries(d, n)
	if err != nil {
		return err
	}
	// Warm the caches once, as a running forum's are.
	for _, q := range queries[:min(50, len(queries))] {
		if _, err := s.Search(ctx, search.Request{Query: q, SectionIDs: sections}); err != nil {
			return err
		}
	}
	var found int
	type timed struct {
		q    string
		took time.Duration
	}
	var slowest []timed
	lat := timeEach(queries, func(q string) error {
		start := time.Now()
		res, err := s.Search(ctx, search.Request{Query: q, SectionIDs: sections})
		if err == nil {
			found += res.Total
		}
		slowest = append(slowest, timed{q, time.Since(start)})
		return err
	})
	report("search, two-word queries", lat)
	fmt.Printf("  mean threads found per query: %d\n", found/max(len(queries), 1))
	slices.SortFunc(slowest, func(a, b timed) int { return int(b.took - a.took) })
	for _, t := range slowest[:min(showSlowest, len(slowest))] {
		fmt.Printf("  slow: %q %v\n", t.q, t.took.Round(10*time.Microsecond))
	}
	lat = timeEach(queries[:min(100, len(queries))], func(q string) error {
		_, err := s.Similar(ctx, q, "", sections, 0, 5)
		return err
	})
	report("similar threads, two-word draft titles", lat)
	if err := indexCost(ctx, d, ix); err != nil {
		return err
	}
	return indexSize(d)
}

// twoWordQueries draws pairs of words that appear together in random
// posts: queries that find something, as typical ones do.
func twoWordQueries(d *db.DB, n int) ([]string, error) {
	var maxID int64
	if err := d.Raw("SELECT COALESCE(MAX(id), 0) FROM posts").Scan(&maxID).Error; err != nil || maxID == 0 {
		return nil, fmt.Errorf("no posts: %v", err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	for len(out) < n {
		var body string
		d.Raw("SELECT body FROM posts WHERE id >= ? ORDER BY id LIMIT 1", rng.Int64N(maxID)+1).Scan(&body)
		words := strings.Fields(markup.PlainText(body))
		var usable []string
		for _, w := range words {
			if len(search.Analyze(w)) == 1 && len([]rune(w)) > 3 {
				usable = append(usable, strings.Trim(w, ".,;:!?()«»\"'"))
			}
		}
		if len(usable) < 2 {
			continue
		}
		i := rng.IntN(len(usable) - 1)
		out = append(out, usable[i]+" "+usable[i+1+rng.IntN(len(usable)-i-1)])
	}
	return out, nil
}

func timeEach(items []string, fn func(string) error) []time.Duration {
	lat := make([]time.Duration, 0, len(items))
	for _, it := range items {
		start := time.Now()
		if err := fn(it); err != nil {
			fmt.Fprintln(os.Stderr, "query", it, "failed:", err)
			continue
		}
		lat = append(lat, time.Since(start))
	}
	return lat
}

func report(what string, lat []time.Duration) {
	slices.Sort(lat)
	if len(lat) == 0 {
		fmt.Println(what, ": nothing timed")
		return
	}
	p := func(q float64) time.Duration {
		return lat[min(len(lat)-1, int(q*float64(len(lat))))].Round(10 * time.Microsecond)
	}
	fmt.Printf("%s (%d): p50 %v, p95 %v, p99 %v, max %v\n", what, len(lat), p(0.50), p(0.95), p(0.99), lat[len(lat)-1].Round(10*time.Microsecond))
}

// indexCost times indexing existing posts again, each in a transaction that
// is rolled back, so the database is left as it was.
func indexCost(ctx context.Context, d *db.DB, ix *search.Index) error {
	var rows []struct {
		forum.Post
		Title string
	}
	if err := d.Raw(`SELECT p.*, t.title FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.deleted_at IS NULL ORDER BY p.id DESC LIMIT 200`).Scan(&rows).Error; err != nil {
		return err
	}
	var lat []time.Duration
	for i := range rows {
		r := &rows[i]
		start := time.Now()
		tx := d.Begin()
		if err := ix.PostSaved(tx, &forum.Thread{ID: r.ThreadID, Title: r.Title}, &r.Post); err != nil {
			tx.Rollback()
			return err
		}
		lat = append(lat, time.Since(start))
		tx.Rollback()
	}
	report("indexing one post (analysis and write, in its transaction)", lat)
	return nil
}

func indexSize(d *db.DB) error {
	var bytes int64
	var err error
	if d.Dialect == db.Postgres {
		// search_docs is partitioned: its size is its partitions'.
		err = d.Raw(`SELECT (SELECT COALESCE(SUM(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits
			WHERE inhparent = 'search_docs'::regclass) + pg_total_relation_size('search_titles')`).Scan(&bytes).Error
	} else {
		err = d.Raw("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'search%'").Scan(&bytes).Error
	}
	if err != nil {
		fmt.Println("index size: unavailable:", err)
		return nil
	}
	fmt.Printf("index size: %.1f MiB\n", float64(bytes)/(1<<20))
	return nil
}
