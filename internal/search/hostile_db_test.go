package search_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// hostileDir holds the shared lists of malicious inputs; it sits beside the
// project in CI (see its README), and may be absent elsewhere.
const hostileDir = "../../../shared/testdata/hostile"

// ownHostileQueries are our own cases, run whether or not the shared lists
// are there.
var ownHostileQueries = []string{
	`"`, `""`, `*`, `a*`, `NEAR(a b)`, `a OR b`, `a AND b`, `NOT a`, `'; DROP TABLE posts; --`, `)`, `(`,
	`title:x`, `{title}:x`, `^x`, `x:*`, `!x`, `x & y`, `x | y`, `x <-> y`, `' OR '1'='1`, "\x00", "\xff",
	`\`, `%`, `_`, `%_%`, `1=1`, `$1`, `?`,
}

// TestHostileQueriesOnTheDatabase runs every hostile query against a real
// index holding two ordinary threads: none may fail, and none may match
// them, since they share no word with any payload.
func TestHostileQueriesOnTheDatabase(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one newcomer posts the same text twice
	ctx := context.Background()
	u, err := srv.App.Accounts.Register(ctx, accounts.Registration{Username: "ophelie", Email: "o@exemple.fr", Password: testkit.Password, Confirm: testkit.Password})
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Jardinage et potager en ville", "Vacances en Bretagne cet été"} {
		testkit.AskedThread(t, srv.App, u, forum.NewThread{Title: title, Body: "Tomates, courgettes, plage."})
	}
	ids, err := srv.App.Forum.ReadableSectionIDs(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	queries := append([]string(nil), ownHostileQueries...)
	files, _ := filepath.Glob(filepath.Join(hostileDir, "payloadsallthethings", "sqli", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(hostileDir, "blns", "*.txt"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Logf("shared hostile lists not found at %s: running our own %d cases only", hostileDir, len(queries))
	}
	for _, f := range files {
		queries = append(queries, readLines(t, f)...)
	}
	for _, q := range queries {
		res, err := srv.App.Search.Search(ctx, search.Request{Query: q, SectionIDs: ids})
		if err != nil {
			t.Errorf("%q: %v", q, err)
			continue
		}
		if len(res.Hits) != 0 {
			t.Errorf("%q matched %d ordinary threads", q, len(res.Hits))
		}
		if _, err := srv.App.Search.Similar(ctx, q, q, ids, 0, 5); err != nil {
			t.Errorf("similar %q: %v", q, err)
		}
	}
	t.Logf("%d hostile queries run", len(queries))
	if res, _ := srv.App.Search.Search(ctx, search.Request{Query: "potager", SectionIDs: ids}); res == nil || len(res.Hits) != 1 {
		t.Fatal("the index does not find an ordinary word any more")
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if sc.Text() != "" && filepath.Base(path) != "LICENSE" {
			lines = append(lines, sc.Text())
		}
	}
	return lines
}
