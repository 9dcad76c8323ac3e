package limits_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/limits"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/testkit"
	"entraide/internal/testkit/testdb"
)

// directThreads lets newcomers open threads without the ask flow, so the
// tests reach the limits directly.
func directThreads(t *testing.T, srv *testkit.Server) {
	t.Helper()
	if err := srv.App.Rules.Set(context.Background(), rules.SearchFirst, rules.Off); err != nil {
		t.Fatal(err)
	}
}

func newThread(i int) forum.NewThread {
	return forum.NewThread{Title: fmt.Sprintf("Une question de facturation n°%d", i), Body: fmt.Sprintf("Le détail de la question n°%d.", i)}
}

// 32 posts at once against a limit of 3 leave exactly 3: the limit is
// counted in the transaction that writes, under the author's lock.
func TestConcurrentThreadsStopAtTheLimit(t *testing.T) {
	srv := testkit.NewServer(t)
	directThreads(t, srv)
	_, newcomer := srv.NewUser(accounts.Newcomer)
	var wg sync.WaitGroup
	results := make(chan error, 32)
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := srv.App.Forum.CreateThread(context.Background(), newcomer, newThread(i))
			results <- err
		}()
	}
	wg.Wait()
	close(results)
	ok, refused := 0, 0
	for err := range results {
		if r, isRefusal := errs.AsRefusal(err); isRefusal && r.Rule == rules.ThreadsPerDayNewcomer {
			refused++
		} else if err == nil {
			ok++
		} else {
			t.Errorf("unexpected error: %v", err)
		}
	}
	var stored int64
	if err := srv.App.DB.Raw("SELECT COUNT(*) FROM threads WHERE author_id = ?", newcomer.ID).Scan(&stored).Error; err != nil {
		t.Fatal(err)
	}
	if ok != 3 || refused != 29 || stored != 3 {
		t.Fatalf("%d written, %d refused, %d stored; want 3, 29, 3", ok, refused, stored)
	}
	n, err := srv.App.ModLog.Count(context.Background(), modlog.Filter{Action: limits.Refused, UserID: newcomer.ID})
	if err != nil || n != 29 {
		t.Fatalf("%d refusals logged (%v), want 29", n, err)
	}
}

// Two instances of the forum on one database enforce one limit: the
// newcomer's 4th thread of the day is refused whichever receives it.
func TestTwoInstancesShareTheLimits(t *testing.T) {
	first, second := testdb.NewTwin(t)
	a, b := testkit.NewServerOn(t, first), testkit.NewServerOn(t, second)
	directThreads(t, a)
	ca, newcomer := a.NewUser(accounts.Newcomer)
	cb := b.Client()
	cb.Login(newcomer.Username, testkit.Password)
	post := func(c *testkit.Client, i int) *testkit.Page {
		c.Get("/new")
		return c.Post("/new", testkit.URLValues("title", newThread(i).Title, "body", newThread(i).Body))
	}
	for i, c := range []*testkit.Client{ca, cb, cb} {
		if p := post(c, i); p.Status != http.StatusSeeOther {
			t.Fatalf("thread %d: %d %q", i+1, p.Status, p.Text(".form-errors"))
		}
	}
	for i, c := range map[string]*testkit.Client{"first": ca, "second": cb} {
		p := post(c, 9)
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "nouveaux sujets par jour") {
			t.Fatalf("4th thread on the %s instance: %d %q", i, p.Status, p.Text("main"))
		}
	}
}
