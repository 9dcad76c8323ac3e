package web_test

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/i18n"
	"entraide/internal/rules"
	"entraide/internal/testkit"
	"entraide/templates"
)

func TestNotFoundPagesInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	for _, path := range []string{"/t/999999/rien", "/t/abc", "/u/personne", "/s/rien", "/p/42", "/nulle-part"} {
		p := c.Get(path)
		if p.Status != http.StatusNotFound || p.Text("h1") != "Page introuvable" {
			t.Errorf("%s: %d %q", path, p.Status, p.Text("h1"))
		}
	}
	c.Header.Set("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")
	if p := c.Get("/t/999999/rien"); p.Text("h1") != "Page not found" {
		t.Errorf("English 404: %q", p.Text("h1"))
	}
}

func TestLanguageNegotiationAndSwitch(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	if p := c.Get("/"); p.Doc.Find("html").AttrOr("lang", "") != "fr" || !strings.Contains(p.Text("main"), "Bienvenue") {
		t.Fatalf("default language: %q", p.Doc.Find("html").AttrOr("lang", ""))
	}
	c.Header.Set("Accept-Language", "en-US,en;q=0.8")
	p := c.Get("/")
	if p.Doc.Find("html").AttrOr("lang", "") != "en" || !strings.Contains(p.Text("main"), "Welcome to Entraide") {
		t.Fatalf("Accept-Language en: %q", p.Text("main h2"))
	}
	// The footer switch wins over the browser and comes back to the page.
	p = c.Post("/settings/locale", form("locale", "fr", "next", "/s/entre-nous"))
	if p.Status != http.StatusSeeOther || p.Location != "/s/entre-nous" {
		t.Fatalf("switch: %d %q", p.Status, p.Location)
	}
	if p := c.Get("/"); p.Doc.Find("html").AttrOr("lang", "") != "fr" {
		t.Fatal("the visitor's choice was not kept")
	}
	if p := c.Post("/settings/locale", form("locale", "de")); p.Status != http.StatusBadRequest {
		t.Fatalf("unknown language: %d", p.Status)
	}
	// A member's choice is kept on the account, for every device.
	member, u := srv.NewUser(accounts.Member)
	member.Get("/")
	member.Post("/settings/locale", form("locale", "en", "next", "/"))
	other := srv.Client()
	other.Login(u.Username, testkit.Password)
	if p := other.Get("/"); p.Doc.Find("html").AttrOr("lang", "") != "en" || !strings.Contains(p.Text(".account"), "Log out") {
		t.Fatalf("member's language on another device: %q", p.Text(".account"))
	}
}

func TestRelativeDatesAreLocalised(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	member.OpenThread("entre-nous", "Un sujet pour voir les dates", "Texte.")
	if err := srv.App.DB.Exec("UPDATE threads SET created_at = created_at - INTERVAL '3 hours'").Error; err != nil {
		// SQLite has no INTERVAL: use its own date arithmetic.
		if err := srv.App.DB.Exec("UPDATE threads SET created_at = datetime(created_at, '-3 hours')").Error; err != nil {
			t.Fatal(err)
		}
	}
	c := srv.Client()
	if got := c.Get("/s/entre-nous").Text(".thread-item .meta time"); got != "il y a 3 heures" {
		t.Errorf("French relative date: %q", got)
	}
	c.Header.Set("Accept-Language", "en")
	if got := c.Get("/s/entre-nous").Text(".thread-item .meta time"); got != "3 hours ago" {
		t.Errorf("English relative date: %q", got)
	}
}

func TestStaticAssetsAreEmbeddedAndCached(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	page := srv.Client().Get("/")
	href, _ := page.Doc.Find(`link[rel=stylesheet]`).Attr("href")
	if !strings.HasPrefix(href, "/static/css/app.css?v=") {
		t.Fatalf("stylesheet address %q", href)
	}
	resp, err := http.Get(srv.URL + href)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = http.Get(srv.URL + "/static/../go.mod")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("path traversal: %d", resp.StatusCode)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", path, resp, err)
		}
		resp.Body.Close()
	}
	// With the database gone, the instance is alive but not ready.
	if err := srv.App.DB.Close(); err != nil {
		t.Fatal(err)
	}
	resp, _ := http.Get(srv.URL + "/readyz")
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz without database: %d", resp.StatusCode)
	}
	resp, _ = http.Get(srv.URL + "/healthz")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz without database: %d", resp.StatusCode)
	}
	// Pages answer a short 500 page, not a crash.
	p := srv.Client().Get("/")
	if p.Status != http.StatusInternalServerError || p.Text("h1") != "Erreur du serveur" || strings.Contains(p.Body, "sql") {
		t.Fatalf("page without database: %d %q", p.Status, p.Text("main"))
	}
}

func TestAdminManagesSections(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	admin.Get("/admin/sections/new")
	p := admin.Post("/admin/sections", form("name", "X", "slug", "Pas Bon", "position", "7", "read_role", "visitor"))
	if p.Status != http.StatusUnprocessableEntity || p.Text("#error-slug") == "" || p.Text("#error-name") == "" {
		t.Fatalf("bad section: %d %q %q", p.Status, p.Text("#error-slug"), p.Text("#error-name"))
	}
	p = admin.Post("/admin/sections", form("name", "Transcription médicale", "slug", "transcription", "position", "7", "read_role", "member"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	if p := srv.Client().Get("/s/transcription"); p.Status != http.StatusNotFound {
		t.Errorf("a members-only section is visible to visitors: %d", p.Status)
	}
	member, _ := srv.NewUser(accounts.Member)
	if p := member.Get("/s/transcription"); p.Status != 200 {
		t.Errorf("member cannot read a members' section: %d", p.Status)
	}
	page := admin.Get("/admin")
	edit, _ := page.Doc.Find(`a[href$="/edit"]`).Last().Attr("href")
	admin.Get(edit)
	p = admin.Post(strings.TrimSuffix(edit, "/edit"), form("name", "Transcription", "slug", "transcription", "position", "0", "read_role", "visitor", "archived", "on"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("rename and archive: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	sec := srv.Client().Get("/s/transcription")
	if sec.Text("h1") != "Transcription" || !strings.Contains(sec.Text(".notice"), "archivée") || sec.Has(".page-head .button") {
		t.Fatalf("archived section page: %q %q", sec.Text("h1"), sec.Text(".notice"))
	}
	// The newcomers' section cannot be archived.
	newcomersEdit, _ := page.Doc.Find(`a[href$="/edit"]`).First().Attr("href")
	p = admin.Post(strings.TrimSuffix(newcomersEdit, "/edit"), form("name", "Se lancer", "slug", "se-lancer", "position", "1", "read_role", "visitor", "archived", "on"))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("main"), "doit rester ouverte") {
		t.Fatalf("archive newcomers' section: %d %q", p.Status, p.Text("main"))
	}
	// Moving the newcomers' section: exactly one remains.
	admin.Get(strings.Replace(newcomersEdit, "1", "6", 1))
	if p := admin.Post("/admin/sections/6/newcomers", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("move newcomers' section: %d", p.Status)
	}
	var slugs []string
	srv.App.DB.Raw("SELECT slug FROM sections WHERE is_newcomers").Scan(&slugs)
	if len(slugs) != 1 || slugs[0] != "entre-nous" {
		t.Fatalf("newcomers' sections: %v", slugs)
	}
}

// TestEveryCatalogKeyUsedExists reads the templates and Go sources for
// catalog keys, so a typo shows here rather than as "[key]" on a page.
func TestEveryCatalogKeyUsedExists(t *testing.T) {
	t.Parallel()
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	single := regexp.MustCompile(`\.T "([a-z0-9_.]+)"|"(?:Label|Help)" "([a-z0-9_.]+)"|editor [.\w]+ [.\w]+ "([a-z0-9_.]+)"`)
	plural := regexp.MustCompile(`\.N "([a-z0-9_.]+)"`)
	check := func(where, text string) {
		for _, m := range single.FindAllStringSubmatch(text, -1) {
			if key := m[1] + m[2] + m[3]; !bundle.Has(key) {
				t.Errorf("%s uses missing key %s", where, key)
			}
		}
		for _, m := range plural.FindAllStringSubmatch(text, -1) {
			if !bundle.Has(m[1]+".one") || !bundle.Has(m[1]+".other") {
				t.Errorf("%s uses missing plural key %s", where, m[1])
			}
		}
	}
	_ = fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(templates.FS, path)
			check(path, string(data))
		}
		return nil
	})
	// The rules page and the admin form build their keys from the rules'
	// descriptors: every value's sentence and every label must exist.
	for _, d := range rules.Catalog {
		for _, key := range d.Keys() {
			if !bundle.Has(key) {
				t.Errorf("rule %s: missing key %s", d.Name, key)
			}
		}
	}
	// In Go, every string literal shaped like a key (word.word…) in the
	// packages that hand keys to pages must be one, but for the few that
	// are names of something else.
	goKey := regexp.MustCompile(`"([a-z]+(?:\.[a-z0-9_]+)+)"`)
	notKeys := map[string]bool{"entraide.state": true, "entraide.db": true, "t.id": true, "p.id": true, "p.position": true}
	_ = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		switch filepath.Base(filepath.Dir(path)) {
		case "web", "forum", "accounts", "errs", "search", "settings", "notify", "ask", "rules", "replies", "limits", "words", "promotion", "moderation", "modlog", "approval":
		default:
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, m := range goKey.FindAllStringSubmatch(string(data), -1) {
			key := m[1]
			if notKeys[key] || strings.HasSuffix(key, ".html") || strings.HasSuffix(key, ".json") || strings.HasSuffix(key, ".js") {
				continue
			}
			if !bundle.Has(key) && !bundle.Has(key+".one") && !strings.HasSuffix(key, ".") {
				t.Errorf("%s uses missing key %s", path, key)
			}
		}
		return nil
	})
}

// TestOddBytesInAddressesAreNotFound sends NUL and invalid UTF-8, which
// PostgreSQL refuses in text values, where the forum looks things up.
func TestOddBytesInAddressesAreNotFound(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	for _, path := range []string{"/u/a%00b", "/u/%ff%fe", "/s/a%00b", "/s/%ff", "/t/1%00/x"} {
		if p := c.Get(path); p.Status != http.StatusNotFound {
			t.Errorf("%s: %d", path, p.Status)
		}
	}
	c.Get("/login")
	for _, login := range []string{"anne\x00", "\xff\xfe"} {
		if p := c.Post("/login", form("login", login, "password", "x\x00y")); p.Status != http.StatusUnprocessableEntity {
			t.Errorf("log-in as %q: %d", login, p.Status)
		}
	}
	admin, _ := srv.NewUser(accounts.Admin)
	if p := admin.Get("/admin?q=a%00b"); p.Status != http.StatusOK {
		t.Errorf("admin search with NUL: %d", p.Status)
	}
}
