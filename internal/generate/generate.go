// Package generate fills a database with a realistic forum for benchmarks
// and load tests: members who join as the community grows, threads over the
// existing sections, replies of French-like text with Markdown, edits with
// their history, deletions, and a few very long threads. Rows are written
// in bulk (COPY on PostgreSQL, multi-row INSERTs on SQLite) in one
// transaction, bypassing the service, so the search index must be rebuilt
// afterwards; the counters are left to the packages keeping them
// (forum.Recount and its siblings), in the same transaction.
package generate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
)

// Password is the password of every generated member.
const Password = "mot de passe genere"

// Options says how much to generate.
type Options struct {
	Users   int
	Threads int
	// Posts counts every post, the threads' first posts included.
	Posts int
	// LongThreads is the number of threads with LongReplies replies each;
	// fewer when the replies would not allow them.
	LongThreads int
	LongReplies int
	// Force allows a database that already has members: generated ones are
	// added beside them.
	Force bool
	// Seed makes a run reproducible.
	Seed uint64
	// Now ends the generated history, which spans Span before it.
	Now  time.Time
	Span time.Duration
	// Progress receives a line now and then; nil for none.
	Progress io.Writer
}

// Defaults returns the options of `entraide generate` without flags: the
// community size the performance targets are set for.
func Defaults() Options {
	return Options{Users: 20000, Threads: 100000, Posts: 1000000, LongThreads: 5, LongReplies: 2000,
		Seed: 1, Span: 3 * 365 * 24 * time.Hour}
}

// ErrNotEmpty is returned when the database already has members and Force
// is not set.
var ErrNotEmpty = errors.New("generate: the database already has members (use --force to add generated data beside them)")

// Result tells what was written.
type Result struct {
	Users, Threads, Posts, Revisions int
	// LongThread is the id of a thread with LongReplies replies, 0 if none.
	LongThread int64
	// Admin and Member are usernames to log in with, with Password.
	Admin, Member string
	Took          time.Duration
}

// Run generates the forum into d, whose migrations must have run. render is
// the forum's Markdown renderer.
func Run(ctx context.Context, d *db.DB, render Renderer, o Options) (*Result, error) {
	start := time.Now()
	if err := o.check(); err != nil {
		return nil, err
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	o.Now = o.Now.UTC().Truncate(time.Microsecond)
	existing, err := readExisting(ctx, d)
	if err != nil {
		return nil, err
	}
	if existing.users > 0 && !o.Force {
		return nil, ErrNotEmpty
	}
	if len(existing.sections) == 0 {
		return nil, errors.New("generate: no open section to fill")
	}
	progress := newProgress(o.Progress)
	progress.say("planning %d members, %d threads, %d posts", o.Users, o.Threads, o.Posts)
	p := makePlan(o, existing.sections)
	hash, err := accounts.HashPassword(Password)
	if err != nil {
		return nil, err
	}
	pool, err := newBlocks(o.Seed, render)
	if err != nil {
		return nil, err
	}
	g := &gen{o: o, p: p, pool: pool, hash: hash, ids: existing.next, taken: existing.taken}
	g.names()
	progress.say("planned and rendered %d text blocks in %s", pool.size(), time.Since(start).Round(time.Millisecond))
	err = inTx(ctx, d, func(l loader) error { return g.write(ctx, l, progress) })
	if err != nil {
		return nil, err
	}
	progress.say("analysing tables")
	if err := analyze(ctx, d); err != nil {
		return nil, err
	}
	res := &Result{Users: len(p.users), Threads: len(p.threads), Posts: len(p.posts), Revisions: p.revisions,
		Admin: g.usernames[0], Took: time.Since(start)}
	for i, u := range p.users {
		if u.role == accounts.Member {
			res.Member = g.usernames[i]
			break
		}
	}
	for i, t := range p.threads {
		if int(t.posts) > o.LongReplies && o.LongReplies > 0 {
			res.LongThread = g.ids.thread + int64(i)
			break
		}
	}
	return res, nil
}

func (o Options) check() error {
	switch {
	case o.Users < 1 || o.Threads < 0 || o.Posts < 0:
		return errors.New("generate: --users must be at least 1, --threads and --posts not negative")
	case o.Posts < o.Threads:
		return errors.New("generate: --posts counts the threads' first posts, so it cannot be below --threads")
	case o.Span <= 0:
		return errors.New("generate: the history must span some time")
	}
	return nil
}

// firstIDs are the ids the generated rows start from.
type firstIDs struct{ user, thread, post, revision int64 }

type existing struct {
	users    int64
	sections []planSection
	next     firstIDs
	taken    map[string]bool // username and email keys in use
}

func readExisting(ctx context.Context, d *db.DB) (*existing, error) {
	e := &existing{taken: map[string]bool{}}
	q := d.WithContext(ctx)
	if err := q.Raw("SELECT COUNT(*) FROM users").Scan(&e.users).Error; err != nil {
		return nil, fmt.Errorf("generate: count members: %w", err)
	}
	var secs []forum.Section
	if err := q.Where("NOT archived").Order("position, id").Find(&secs).Error; err != nil {
		return nil, fmt.Errorf("generate: sections: %w", err)
	}
	for _, s := range secs {
		e.sections = append(e.sections, planSection{id: s.ID, newcomers: s.IsNewcomers})
	}
	for table, id := range map[string]*int64{"users": &e.next.user, "threads": &e.next.thread, "posts": &e.next.post, "post_revisions": &e.next.revision} {
		if err := q.Raw("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).Scan(id).Error; err != nil {
			return nil, fmt.Errorf("generate: next id of %s: %w", table, err)
		}
	}
	if e.users > 0 {
		var keys []string
		if err := q.Raw("SELECT username_key FROM users UNION SELECT email_key FROM users").Scan(&keys).Error; err != nil {
			return nil, fmt.Errorf("generate: member names: %w", err)
		}
		for _, k := range keys {
			e.taken[k] = true
		}
	}
	return e, nil
}

// analyze refreshes the planners' statistics, which a bulk load leaves
// stale: without them PostgreSQL may scan the posts instead of using the
// thread's index. VACUUM also sets the visibility map for index-only scans.
// The tables are named: a bare ANALYZE on SQLite would also record the
// search index's FTS5 tables, still empty at this point, and the planner
// would then scan them whole (see the search package's sqliteStore.analyze);
// the search tables get their statistics when the index is rebuilt.
func analyze(ctx context.Context, d *db.DB) error {
	tables := []string{"users", "threads", "posts", "post_revisions", "sections", "thanks", "notifications"}
	stmts := []string{"VACUUM (ANALYZE) " + strings.Join(tables, ", ")}
	if d.Dialect == db.SQLite {
		stmts = nil
		for _, t := range tables {
			stmts = append(stmts, "ANALYZE "+t)
		}
	}
	for _, s := range stmts {
		if _, err := d.SQL().ExecContext(ctx, s); err != nil {
			return fmt.Errorf("generate: %s: %w", s, err)
		}
	}
	return nil
}

// progress prints a line at most every two seconds per table, and at the
// end of each.
type progress struct {
	out   io.Writer
	start time.Time
	last  time.Time
}

func newProgress(out io.Writer) *progress {
	return &progress{out: out, start: time.Now()}
}

func (p *progress) say(format string, args ...any) {
	if p.out != nil {
		fmt.Fprintf(p.out, "%7.1fs  "+format+"\n", append([]any{time.Since(p.start).Seconds()}, args...)...)
	}
}

func (p *progress) tick(table string, done, total int) {
	if p.out == nil || (done < total && time.Since(p.last) < 2*time.Second) {
		return
	}
	p.last = time.Now()
	p.say("%-15s %9d / %d (%3.0f%%)", table, done, total, 100*float64(done)/float64(max(total, 1)))
}

func (b *blocks) size() int {
	n := 0
	for _, list := range b.byKind {
		n += len(list)
	}
	return n
}

// postRand is the random source of post i's text, so that its revisions
// can be written later from the same body.
func (g *gen) postRand(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.o.Seed^0x706f7374, uint64(i)))
}
