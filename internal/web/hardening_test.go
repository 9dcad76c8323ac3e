package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/config"
	"entraide/internal/testkit"
)

// TestOwnerGetsThroughALockFromHerBrowser: guesses against a member's
// account do not keep her out of a browser she logged in with before; a
// new browser waits out the back-off.
func TestOwnerGetsThroughALockFromHerBrowser(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	owner, u := srv.NewUser(accounts.Member)
	owner.Get("/")
	if p := owner.Post("/logout", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("log out: %d", p.Status)
	}
	attacker := srv.Client()
	attacker.Get("/login")
	for i := 0; i < 8; i++ {
		attacker.Post("/login", form("login", u.Username, "password", "mauvais mot de passe"))
	}
	owner.Get("/login")
	if p := owner.Post("/login", form("login", u.Username, "password", testkit.Password)); p.Status != http.StatusSeeOther {
		t.Fatalf("the owner's browser was locked out: %d %q", p.Status, p.Text(".form-errors"))
	}
	stranger := srv.Client()
	stranger.Get("/login")
	p := stranger.Post("/login", form("login", u.Username, "password", testkit.Password))
	if p.Status != http.StatusTooManyRequests || !strings.Contains(p.Text(".form-errors"), "Patientez") {
		t.Fatalf("a new browser during the back-off: %d %q", p.Status, p.Text(".form-errors"))
	}
}

// TestRegistrationIsLimitedPerAddress: a sixth account in an hour from one
// address is refused with a message, the typed input kept.
func TestRegistrationIsLimitedPerAddress(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	for i := 0; i < 6; i++ {
		c := srv.Client()
		c.Get("/register")
		name := "voisine" + string(rune('a'+i))
		p := c.Post("/register", form("username", name, "email", name+"@exemple.fr", "password", testkit.Password, "confirm", testkit.Password))
		if i < 5 && p.Status != http.StatusSeeOther {
			t.Fatalf("registration %d: %d %q", i, p.Status, p.Text(".form-errors, .field-error"))
		}
		if i == 5 {
			if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "Plusieurs comptes") {
				t.Fatalf("6th registration from one address: %d %q", p.Status, p.Text(".form-errors"))
			}
			if v, _ := p.Doc.Find("#field-username").Attr("value"); v != name {
				t.Errorf("the typed name was not kept: %q", v)
			}
		}
	}
}

// TestChangePasswordThrottlesGuessesOfTheCurrent: 5 wrong guesses of the
// current password, then even the right one waits.
func TestChangePasswordThrottlesGuessesOfTheCurrent(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c, _ := srv.NewUser(accounts.Member)
	c.Get("/settings")
	change := func(current string) *testkit.Page {
		return c.Post("/settings/password", form("current", current, "password", "une toute nouvelle phrase", "confirm", "une toute nouvelle phrase"))
	}
	for i := 0; i < 5; i++ {
		if p := change("essai numéro " + string(rune('0'+i))); p.Status != http.StatusUnprocessableEntity {
			t.Fatalf("guess %d: %d", i, p.Status)
		}
	}
	p := change(testkit.Password)
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-current"), "Trop d'essais") {
		t.Fatalf("the right password after 5 guesses: %d %q", p.Status, p.Text("#error-current"))
	}
}

// TestSearchInputIsBoundedAndVisitorsHaveABudget: a draft title is read up
// to its first 500 bytes, a query keeps 16 terms, and a visitor's address
// has a budget of searches.
func TestSearchInputIsBoundedAndVisitorsHaveABudget(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	member.OpenThread("trouver-des-clients", "Facturation des premiers clients", "Comment facturer ?")
	visitor := srv.Client()
	long := strings.Repeat("zzz ", 150) + "facturation"
	if p := visitor.Get("/search/similar?title=" + urlQuery(long)); p.Status != http.StatusOK || p.Has(".similar") {
		t.Errorf("a word past the first 500 bytes of a title was searched: %d", p.Status)
	}
	if p := visitor.Get("/search/similar?title=" + urlQuery(strings.Repeat("mot ", 5000)+"facturation")); p.Status != http.StatusOK {
		t.Errorf("a 5,000-word title: %d", p.Status)
	}
	refused := 0
	for i := 0; i < 40; i++ {
		p := visitor.Get("/search/similar?title=" + urlQuery("facturation des clients"))
		if p.Status == http.StatusTooManyRequests {
			refused++
			if !strings.Contains(p.Text("main"), "beaucoup de recherches") {
				t.Fatalf("budget message: %q", p.Text("main"))
			}
		}
	}
	if refused == 0 {
		t.Fatal("42 searches from one address in a moment were all answered")
	}
	if p := visitor.Get("/search?q=facturation"); p.Status != http.StatusTooManyRequests {
		t.Errorf("the results page does not share the budget: %d", p.Status)
	}
	for i := 0; i < 40; i++ {
		if p := member.Get("/search/similar?title=" + urlQuery("facturation")); p.Status != http.StatusOK {
			t.Fatalf("a member's search %d: %d", i, p.Status)
		}
	}
}

// TestPageNumbersAreBounded: page numbers that overflow, or lead nowhere,
// never reach the database as a negative offset (PostgreSQL answered 500).
func TestPageNumbersAreBounded(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("trouver-des-clients", "Trouver des clients en ligne", "Par où commencer ?")
	for _, path := range []string{
		"/search?q=clients&page=99999999999999999999",
		"/search?q=clients&page=9223372036854775807",
		"/search?q=clients&page=-99999999999999999999",
		"/search?q=clients&page=461168601842738791",
		"/s/trouver-des-clients?after=zzzzzzzzzzzzz.zzzzzzzzzzzzz",
		"/s/trouver-des-clients?after=-1y2p0ij32e8e7.1",
		url + "?page=99999999999999999999",
		url + "?page=9223372036854775807",
	} {
		p := member.Get(path)
		if p.Status >= 500 {
			t.Errorf("%s: %d", path, p.Status)
		}
	}
	p := member.Get("/search?q=clients&page=99999999999999999999")
	if p.Status != http.StatusSeeOther || !strings.HasSuffix(p.Location, "page=1") {
		t.Errorf("past the last page: %d %q", p.Status, p.Location)
	}
}

// TestSectionFormCleansTextAndChecksNumbers: invalid UTF-8 and NUL never
// reach the database, and a position out of the column's range is a
// message, not a 500.
func TestSectionFormCleansTextAndChecksNumbers(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	admin.Get("/admin/sections/new")
	for _, pos := range []string{"99999999999999999999", "2147483648", "-4", "trois"} {
		p := admin.Post("/admin/sections", form("slug", "propre", "name", "Rubrique propre", "position", pos))
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-position"), "entre 0 et 1 000 000") {
			t.Errorf("position %q: %d %q", pos, p.Status, p.Text("#error-position"))
		}
	}
	p := admin.Post("/admin/sections", form("slug", "propre", "name", "Rubrique \xff\xfe pro\x00pre\u202e", "description", "Une \x00description \xc3(", "position", "3"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("section with odd bytes: %d %q", p.Status, p.Text(".field-error, .form-errors"))
	}
	var name, desc string
	srv.App.DB.Raw("SELECT name FROM sections WHERE slug = 'propre'").Scan(&name)
	srv.App.DB.Raw("SELECT description FROM sections WHERE slug = 'propre'").Scan(&desc)
	for _, s := range []string{name, desc} {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\u202e") {
			t.Errorf("stored %q", s)
		}
	}
	if name != "Rubrique propre" {
		t.Errorf("name stored as %q", name)
	}
	for _, name := range []string{"\u200b\u200b\u200b", "\u3164\u3164"} {
		p := admin.Post("/admin/sections", form("slug", "invisible", "name", name, "position", "1"))
		if p.Status != http.StatusUnprocessableEntity || p.Text("#error-name") == "" {
			t.Errorf("invisible name %q: %d", name, p.Status)
		}
	}
}

// TestInvisibleAndReversedTextIsRefusedOrNeutralised: a title or a body of
// invisible characters is empty; bidi controls cannot flip a title.
func TestInvisibleAndReversedTextIsRefusedOrNeutralised(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	id := member.SectionID("entre-nous")
	for _, title := range []string{strings.Repeat("\u200b", 20), strings.Repeat("\u2060\ufeff\u200d", 6), strings.Repeat("\u3164 ", 12), strings.Repeat("\u2800", 12)} {
		p := member.Post("/new", form("section", id, "title", title, "body", "Un texte lisible."))
		if p.Status != http.StatusUnprocessableEntity || p.Text("#error-title") == "" {
			t.Errorf("invisible title %q: %d", title, p.Status)
		}
	}
	p := member.Post("/new", form("section", id, "title", "Un sujet au texte invisible", "body", strings.Repeat("\u200b\u200c\u200d\u2060", 10)))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-body"), "invisibles") {
		t.Errorf("invisible body: %d %q", p.Status, p.Text("#error-body"))
	}
	url := member.OpenThread("entre-nous", "Facture reçue \u202egpj.exe", "Voir \u202ecod.exe et \u2067isolé\u2069.")
	page := srv.Client().Get(url)
	if h1 := page.Text("h1"); strings.ContainsAny(h1, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") || h1 != "Facture reçue gpj.exe" {
		t.Errorf("title shown as %q", h1)
	}
	if body := page.Text(".post-body"); strings.ContainsAny(body, "\u202e\u2067\u2069") {
		t.Errorf("body shown as %q", body)
	}
}

// TestHeadAndUnknownMethods: HEAD is answered as GET without a body; an
// unknown method is a 405, not a refused form.
func TestHeadAndUnknownMethods(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	for _, path := range []string{"/", "/s/entre-nous", "/search?q=clients", "/login", "/rules-inexistant"} {
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := http.StatusOK
		if path == "/rules-inexistant" {
			want = http.StatusNotFound
		}
		if resp.StatusCode != want || len(body) != 0 {
			t.Errorf("HEAD %s: %d, %d bytes", path, resp.StatusCode, len(body))
		}
	}
	for _, method := range []string{"PROPFIND", "PUT", "DELETE", "PATCH", "BREW", "TRACE"} {
		req, _ := http.NewRequest(method, srv.URL+"/", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") == "" {
			t.Errorf("%s /: %d, Allow %q", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

// TestStrictTransportSecurityOverHTTPS: HSTS is sent when the forum's
// address is https, and not over plain http.
func TestStrictTransportSecurityOverHTTPS(t *testing.T) {
	t.Parallel()
	if h := srvHeader(t, "", "/"); h.Get("Strict-Transport-Security") != "" {
		t.Errorf("HSTS over http: %q", h.Get("Strict-Transport-Security"))
	}
	h := srvHeader(t, "https://forum.exemple.fr", "/")
	if hsts := h.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=31536000") {
		t.Errorf("HSTS over https: %q", hsts)
	}
}

// srvHeader starts the forum with ENTRAIDE_BASE_URL set to base and returns
// the headers of path.
func srvHeader(t *testing.T, base, path string) http.Header {
	t.Helper()
	cfg, err := config.Load(nil, func(k string) string {
		if k == "ENTRAIDE_BASE_URL" {
			return base
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Build(cfg, testkit.TestLogger(t), testkit.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	h, err := a.Handler(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Header()
}

// TestExternalImagesCanBeShownAsLinks: the admin's setting turns images
// from other servers into links, and the page's CSP stops them loading.
func TestExternalImagesCanBeShownAsLinks(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Une capture d'écran de mon agenda", "Voici : ![mon agenda](https://images.exemple.net/agenda.png) et [![logo](https://images.exemple.net/l.png)](https://exemple.net)")
	page := srv.Client().Get(url)
	if !page.Has(`.post-body img[src="https://images.exemple.net/agenda.png"]`) || !strings.Contains(page.Header.Get("Content-Security-Policy"), "img-src 'self' https:") {
		t.Fatalf("by default images show: %q", page.Text(".post-body"))
	}
	admin, _ := srv.NewUser(accounts.Admin)
	settingsPage := admin.Get("/admin/settings")
	if v, _ := settingsPage.Doc.Find(`#field-registrations_per_address`).Attr("value"); v != "5" {
		t.Errorf("registrations per address shown as %q", v)
	}
	if p := admin.Post("/admin/settings", form("registrations_per_address", "99999999999999999999", "registrations_per_hour", "100", "external_images", "link")); p.Status != http.StatusUnprocessableEntity || p.Text("#error-registrations_per_address") == "" {
		t.Errorf("an overflowing limit: %d", p.Status)
	}
	if p := admin.Post("/admin/settings", form("registrations_per_address", "5", "registrations_per_hour", "100", "external_images", "cacher")); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("an unknown image choice: %d", p.Status)
	}
	if p := admin.Post("/admin/settings", form("registrations_per_address", "5", "registrations_per_hour", "100", "external_images", "link")); p.Status != http.StatusSeeOther {
		t.Fatalf("save settings: %d %q", p.Status, p.Text(".field-error, .form-errors"))
	}
	page = srv.Client().Get(url)
	if page.Has(".post-body img") {
		t.Errorf("an external image still loads: %s", page.Body)
	}
	if href, _ := page.Doc.Find(".post-body a.external-image").Attr("href"); href != "https://images.exemple.net/agenda.png" || page.Text(".post-body a.external-image") != "mon agenda" {
		t.Errorf("the image is not a link: %q %q", href, page.Text(".post-body"))
	}
	csp := page.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "img-src 'self';") {
		t.Errorf("CSP still lets images load from other servers: %q", csp)
	}
	assertInert(t, url, page.Doc)
}
