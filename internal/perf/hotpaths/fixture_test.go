package hotpaths_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"entraide/internal/app"
	"entraide/internal/config"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/generate"
	"entraide/internal/replies"
	"entraide/internal/testkit/testdb"
)

// fixture is the generated forum every benchmark of the process shares:
// generating it takes seconds, so it is built once, on first use, and
// removed when the process ends.
type fixture struct {
	app     *app.App
	handler http.Handler
	// Addresses of the pages measured.
	thread, threadLast, section, sectionDeep string
	// replyTo are threads to post replies to.
	replyTo []int64
	// visitor and member are the cookies of a visitor's browser and of a
	// logged-in member's; csrf is the member's token.
	visitor, member, csrf string
	longestBody           string
}

var (
	fixOnce  sync.Once
	fix      *fixture
	fixErr   error
	cleanups []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	os.Exit(code)
}

func getFixture(b *testing.B) *fixture {
	b.Helper()
	fixOnce.Do(func() { fix, fixErr = build(context.Background()) })
	if fixErr != nil {
		b.Fatal(fixErr)
	}
	return fix
}

// openDB opens an empty database for the whole process: testdb's helpers
// tie theirs to one test.
func openDB(ctx context.Context) (*db.DB, error) {
	base := os.Getenv(testdb.PostgresURLEnv)
	if base == "" {
		dir, err := os.MkdirTemp("", "entraide-bench-")
		if err != nil {
			return nil, err
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		d, err := db.Open(db.Options{SQLitePath: filepath.Join(dir, "bench.db")})
		if err != nil {
			return nil, err
		}
		cleanups = append(cleanups, func() { d.Close() })
		return d, d.Migrate(ctx, testdb.DiscardLogger())
	}
	admin, err := db.Open(db.Options{PostgresURL: base, MaxOpenConns: 1})
	if err != nil {
		return nil, err
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	schema := "bench_" + hex.EncodeToString(suffix)
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	d, err := db.Open(db.Options{PostgresURL: u.String()})
	if err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() { d.Close() })
	return d, d.Migrate(ctx, testdb.DiscardLogger())
}

func build(ctx context.Context) (*fixture, error) {
	d, err := openDB(ctx)
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		return nil, err
	}
	// Request logs are formatted as in production, then dropped.
	a, err := app.Build(cfg, slog.New(slog.NewJSONHandler(io.Discard, nil)), d)
	if err != nil {
		return nil, err
	}
	o := generate.Defaults()
	o.Users, o.Threads, o.Posts, o.LongThreads, o.LongReplies = 400, 2000, 20000, 1, 2000
	o.Now = time.Now()
	res, err := generate.Run(ctx, d, a.Markup, o)
	if err != nil {
		return nil, err
	}
	if err := a.Reindex(ctx, io.Discard); err != nil {
		return nil, err
	}
	if err := addMembersParts(ctx, a, res.Member); err != nil {
		return nil, err
	}
	h, err := a.Handler(ctx)
	if err != nil {
		return nil, err
	}
	f := &fixture{app: a, handler: h}
	var t forum.Thread
	if err := d.Where("post_seq BETWEEN 21 AND 100 AND deleted_at IS NULL").Order("id").Take(&t).Error; err != nil {
		return nil, err
	}
	f.thread = "/t/" + strconv.FormatInt(t.ID, 10) + "/" + t.Slug
	var long forum.Thread // a fresh struct: gorm adds a set primary key to the condition
	if err := d.Where("id = ?", res.LongThread).Take(&long).Error; err != nil {
		return nil, err
	}
	f.threadLast = "/t/" + strconv.FormatInt(long.ID, 10) + "/" + long.Slug + "?page=" + strconv.Itoa(long.Pages())
	var sec forum.Section
	if err := d.Order("thread_count DESC").Take(&sec).Error; err != nil {
		return nil, err
	}
	f.section = "/s/" + sec.Slug
	// The section's last page, through the cursor its pager links to.
	var last forum.Thread
	offset := (sec.ThreadCount - 2*forum.ThreadsPerPage) / forum.ThreadsPerPage * forum.ThreadsPerPage
	err = d.Raw(`SELECT id, last_post_at FROM threads WHERE section_id = ? AND NOT pinned AND deleted_at IS NULL
		ORDER BY last_post_at DESC, id DESC LIMIT 1 OFFSET ?`, sec.ID, offset-1).Scan(&last).Error
	if err != nil || last.ID == 0 {
		return nil, fmt.Errorf("section cursor: %v", err)
	}
	f.sectionDeep = f.section + "?after=" + forum.Cursor{At: last.LastPostAt, ID: last.ID}.String()
	if err := d.Raw("SELECT id FROM threads WHERE NOT locked AND deleted_at IS NULL ORDER BY id LIMIT 100").Scan(&f.replyTo).Error; err != nil {
		return nil, err
	}
	if err := d.Raw("SELECT body FROM posts ORDER BY LENGTH(body) DESC LIMIT 1").Scan(&f.longestBody).Error; err != nil {
		return nil, err
	}
	if f.visitor, _, err = f.visit(""); err != nil {
		return nil, err
	}
	if err := f.login(res.Member); err != nil {
		return nil, err
	}
	return f, nil
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// do serves one request in process.
func (f *fixture) do(method, path, cookie string, form url.Values) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	w := httptest.NewRecorder()
	f.handler.ServeHTTP(w, req)
	return w
}

// visit loads path like a browser: it returns the cookie to send next and
// the page's CSRF token.
func (f *fixture) visit(cookie string) (string, string, error) {
	w := f.do(http.MethodGet, "/", cookie, nil)
	if w.Code != http.StatusOK {
		return "", "", fmt.Errorf("GET /: %d", w.Code)
	}
	for _, c := range w.Result().Cookies() {
		if c.Name == "entraide" {
			cookie = c.Name + "=" + c.Value
		}
	}
	m := csrfField.FindStringSubmatch(w.Body.String())
	if m == nil {
		return "", "", fmt.Errorf("no CSRF token on /")
	}
	return cookie, m[1], nil
}

func (f *fixture) login(username string) error {
	cookie, csrf, err := f.visit("")
	if err != nil {
		return err
	}
	w := f.do(http.MethodPost, "/login", cookie, url.Values{"csrf": {csrf}, "login": {username}, "password": {generate.Password}})
	if w.Code != http.StatusSeeOther {
		return fmt.Errorf("log in: %d", w.Code)
	}
	for _, c := range w.Result().Cookies() {
		if c.Name == "entraide" {
			cookie = c.Name + "=" + c.Value
		}
	}
	// The first page after logging in takes the flash and sets the cookie
	// a browser then keeps sending.
	f.member, f.csrf, err = f.visit(cookie)
	return err
}

// addMembersParts gives a third of the members the generator left without
// a profile phone appointments (the rest say "forum only") and the logged-in member twelve canned replies, so the
// thread page reads what the forum's members fill in: the authors' contact
// preferences beside their posts, the reply box's list.
func addMembersParts(ctx context.Context, a *app.App, member string) error {
	err := a.DB.Exec(`INSERT INTO profiles (user_id, contact_mode, updated_at)
		SELECT id, CASE WHEN id % 3 = 0 THEN 'phone' ELSE 'forum' END, created_at FROM users u
		WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = u.id)`).Error
	if err != nil {
		return err
	}
	u, err := a.Accounts.ByUsername(ctx, member)
	if err != nil {
		return err
	}
	for i := range 12 {
		in := replies.Input{Title: fmt.Sprintf("Réponse type %d : facturer une permanence", i+1), Body: "Bonjour {prénom}, voici comment je fais.\n\n{guides}"}
		if _, err := a.Replies.Create(ctx, u, false, in); err != nil {
			return err
		}
	}
	return nil
}
