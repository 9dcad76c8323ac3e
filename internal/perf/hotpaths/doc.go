// Package hotpaths holds the benchmarks of the forum's hot paths — the
// pages everyone reads, posting a reply, rendering Markdown — run through
// the whole echo application on a database generated once per benchmark
// process (internal/generate): 2,000 threads and 20,000 posts, one of them
// 2,000 replies long. SQLite by default, PostgreSQL when
// ENTRAIDE_TEST_DATABASE_URL is set:
//
//	go test -run '^$' -bench . -benchmem ./internal/perf/hotpaths
//
// It has no code of its own; docs/performance.md records the figures.
package hotpaths
