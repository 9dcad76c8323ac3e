package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"

	"github.com/PuerkitoBio/goquery"
)

func TestSearchFindsFrenchWordsAndHighlights(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, mu := srv.NewUser(accounts.Member)
	threadAddr := member.OpenThread("comptabilite-et-tarifs", "Comment facturer une cliente à l'étranger ?", "Je dois établir mes factures pour l'entreprise d'une cliente <b>belge</b>.")
	member.OpenThread("entre-nous", "Un sujet sans rapport avec le reste", "On parle de jardinage et de vacances.")
	visitor := srv.Client()
	for _, q := range []string{"facture", "FACTURES", "entreprise", "clientes", "étrangers", `"cliente belge"`} {
		page := visitor.Get("/search?q=" + urlQuery(q))
		if page.Status != http.StatusOK {
			t.Fatalf("%q: %d", q, page.Status)
		}
		titles := page.Text(".search-results .thread-title")
		if !strings.Contains(titles, "Comment facturer une cliente") || strings.Contains(titles, "sans rapport") {
			t.Errorf("%q found %q", q, titles)
		}
	}
	page := visitor.Get("/search?q=factures+belge")
	item := page.Doc.Find(".search-results .thread-item").First()
	if href, _ := item.Find(".thread-title").Attr("href"); href != threadAddr {
		t.Errorf("result links to %q, want %q", href, threadAddr)
	}
	// The search results' row is the lists' row: section, author, count.
	meta := strings.Join(strings.Fields(item.Find(".meta, .thread-stats").Text()), " ")
	for _, want := range []string{"Comptabilité et tarifs", mu.Username, "0 réponse"} {
		if !strings.Contains(meta, want) {
			t.Errorf("result meta %q lacks %q", meta, want)
		}
	}
	marks := item.Find(".snippet mark").Map(func(_ int, s *goquerySelection) string { return s.Text() })
	if strings.Join(marks, ",") != "factures,belge" {
		t.Errorf("highlighted %q", marks)
	}
	if item.Find(".snippet b").Length() != 0 || !strings.Contains(item.Find(".snippet").Text(), "belge") {
		t.Errorf("snippet must be text, not the post's HTML: %q", item.Find(".snippet").Text())
	}
	if !strings.Contains(page.Text("#results-title"), "1 sujet trouvé") {
		t.Errorf("count %q", page.Text("#results-title"))
	}
	if v, _ := page.Doc.Find("#site-search").Attr("value"); v != "factures belge" {
		t.Errorf("header search box shows %q", v)
	}
}

type goquerySelection = goquery.Selection

func urlQuery(s string) string { return url.QueryEscape(s) }

func TestSearchExplainsEmptyAndCommonWordQueries(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	if p := c.Get("/search?q=comment+le+faire"); !strings.Contains(p.Text(".notice"), "trop courants") {
		t.Errorf("stop words: %q", p.Text("main"))
	}
	if p := c.Get("/search?q=%22%22+%2A"); !strings.Contains(p.Text(".notice"), "Tapez") {
		t.Errorf("no words: %q", p.Text("main"))
	}
	if p := c.Get("/search?q=-facture"); !strings.Contains(p.Text(".notice"), "exclure") {
		t.Errorf("only exclusions: %q", p.Text("main"))
	}
	if p := c.Get("/search"); p.Status != 200 || p.Has(".results") {
		t.Errorf("empty search page: %d", p.Status)
	}
	c.Header.Set("Accept-Language", "en")
	if p := c.Get("/search?q=the+how"); !strings.Contains(p.Text(".notice"), "too common") {
		t.Errorf("English notice: %q", p.Text(".notice"))
	}
}

func TestHostileQueriesNeverErrorNorMatchEverything(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	member.OpenThread("entre-nous", "Un sujet ordinaire sur les pauses", "Texte ordinaire.")
	c := srv.Client()
	for _, q := range []string{`"`, `*`, `NEAR(a b)`, `a OR b`, `'; DROP TABLE posts; --`, `)`, `title:x`, `^x`, "\xff\xfe", strings.Repeat("mot ", 500), `\" OR 1=1 --`, `'':*`, `!x & y`} {
		p := c.Get("/search?q=" + urlQuery(q))
		if p.Status != http.StatusOK {
			t.Errorf("%q: status %d", q, p.Status)
		}
		if strings.Contains(p.Text(".search-results"), "pauses") {
			t.Errorf("%q matched an unrelated thread", q)
		}
	}
	if got := c.Get("/search?q=pauses").Text(".search-results"); !strings.Contains(got, "pauses") {
		t.Fatalf("the index still works: %q", got)
	}
}

func TestSearchFollowsEditsDeletionsAndVisibility(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("outils-et-logiciels", "Quel logiciel de dictée utilisez-vous ?", "J'utilise Dictabelle depuis un an.")
	c := srv.Client()
	if !strings.Contains(c.Get("/search?q=dictabelle").Text(".search-results"), "dictée") {
		t.Fatal("a new post is not searchable at once")
	}
	edit, _ := member.Get(url).Doc.Find(".post.first a[href$='/edit']").Attr("href")
	member.Get(edit)
	member.Post(edit, form("title", "Quel logiciel de dictée utilisez-vous ?", "body", "J'utilise Vocalis depuis un an."))
	if c.Get("/search?q=dictabelle").Has(".search-results") {
		t.Error("the replaced text is still found")
	}
	if !c.Get("/search?q=vocalis").Has(".search-results") {
		t.Error("the edited text is not found")
	}
	id := testkit.ThreadID(t, url)
	member.Get(url)
	p := member.Follow(member.Post("/t/"+id+"/reply", form("body", "Et pour les réunions, Transcribo.")))
	del, _ := p.Doc.Find(".post:not(.first) a[href$='/delete']").Attr("href")
	if !c.Get("/search?q=transcribo").Has(".search-results") {
		t.Fatal("a reply is not searchable at once")
	}
	member.Get(del)
	member.Post(del, nil)
	if c.Get("/search?q=transcribo").Has(".search-results") {
		t.Error("a deleted reply is still found")
	}
	// Sections the reader may not read, and archived ones, never appear.
	admin, _ := srv.NewUser(accounts.Admin)
	admin.Get("/admin/sections/new")
	admin.Post("/admin/sections", form("name", "Coulisses", "slug", "coulisses", "position", "9", "read_role", "moderator"))
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.OpenThread("coulisses", "Note interne sur Vocalis pour l'équipe", "Réservé à l'équipe.")
	if strings.Contains(c.Get("/search?q=vocalis").Text(".search-results"), "Note interne") {
		t.Error("a visitor finds a moderators' thread")
	}
	if !strings.Contains(mod.Get("/search?q=vocalis").Text(".search-results"), "Note interne") {
		t.Error("a moderator does not find the moderators' thread")
	}
	var outils int64
	srv.App.DB.Raw("SELECT id FROM sections WHERE slug = 'outils-et-logiciels'").Scan(&outils)
	admin.Post("/admin/sections/"+itoa(outils), form("name", "Outils et logiciels", "slug", "outils-et-logiciels", "position", "5", "read_role", "visitor", "archived", "on"))
	if c.Get("/search?q=vocalis").Has(".search-results") {
		t.Error("a thread of an archived section is found")
	}
}

func TestSearchFiltersAndPaging(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one member opens 23 threads
	anne, au := srv.NewUser(accounts.Member)
	bea, _ := srv.NewUser(accounts.Member)
	for i := 1; i <= 23; i++ {
		anne.OpenThread("trouver-des-clients", fmt.Sprintf("Prospection des cabinets, essai %02d", i), "Prospection par courrier.")
	}
	bea.OpenThread("entre-nous", "Prospection et moral en berne", "La prospection me fatigue.")
	c := srv.Client()
	p := c.Get("/search?q=prospection")
	if !strings.Contains(p.Text("#results-title"), "24 sujets") || p.Doc.Find(".search-results li").Length() != 20 {
		t.Fatalf("page 1: %q, %d items", p.Text("#results-title"), p.Doc.Find(".search-results li").Length())
	}
	p = c.Get("/search?q=prospection&section=trouver-des-clients&author=" + au.Username)
	if !strings.Contains(p.Text("#results-title"), "23 sujets") || strings.Contains(p.Text(".search-results"), "moral") {
		t.Fatalf("filtered: %q", p.Text("#results-title"))
	}
	next, ok := p.Doc.Find(".pager a[aria-label='Page 2']").Attr("href")
	if !ok || !strings.Contains(next, "section=trouver-des-clients") || !strings.Contains(next, "author="+au.Username) {
		t.Fatalf("page 2 link %q drops the filters", next)
	}
	p = c.Get(next)
	if n := p.Doc.Find(".search-results li").Length(); n != 3 || strings.Contains(p.Text(".search-results"), "moral") {
		t.Fatalf("page 2: %d items", n)
	}
	if p := c.Get(strings.Replace(next, "page=2", "page=9", 1)); p.Status != http.StatusSeeOther || !strings.HasSuffix(p.Location, "page=2") {
		t.Errorf("a page past the last: %d → %q", p.Status, p.Location)
	}
	if p := c.Get("/search?q=prospection&from=2999-01-01"); p.Has(".search-results") {
		t.Error("a date range in the future matches")
	}
	if p := c.Get("/search?q=prospection&from=hier"); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-from"), "AAAA-MM-JJ") {
		t.Errorf("bad date: %d %q", p.Status, p.Text("#error-from"))
	}
	if p := c.Get("/search?q=prospection&author=personne"); !strings.Contains(p.Text("#error-author"), "Aucun membre") {
		t.Errorf("unknown author: %q", p.Text("main"))
	}
}

func TestSimilarThreadsFragmentAndJSON(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("trouver-des-clients", "Comment trouver mes premiers clients ?", "Je débute.")
	member.OpenThread("entre-nous", "Organiser sa semaine de travail", "Agenda.")
	c := srv.Client()
	p := c.Get("/search/similar?title=" + urlQuery("trouver des clients quand on débute"))
	if p.Status != 200 || p.Text(".similar li") != "Comment trouver mes premiers clients ?" {
		t.Fatalf("fragment: %d %q", p.Status, p.Text("body"))
	}
	if href, _ := p.Doc.Find(".similar a").Attr("href"); href != url {
		t.Errorf("fragment links to %q", href)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/search/similar?title="+urlQuery("premiers clients"), nil)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Threads []struct {
			Title string
			URL   string
			Score float64
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if len(body.Threads) != 1 || body.Threads[0].URL != url || body.Threads[0].Score <= 0 || body.Threads[0].Score > 1 {
		t.Fatalf("JSON: %+v", body)
	}
	if p := c.Get("/search/similar?title=le+la+les"); p.Has(".similar") {
		t.Error("stop words propose threads")
	}
}

// TestSnippetComesFromTextThatMatches: a reply found only through its
// thread's title has nothing to highlight; the snippet is the question's.
func TestSnippetComesFromTextThatMatches(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	long := "Je me lance depuis septembre et je cherche surtout des professions libérales du côté de Nantes. " +
		strings.Repeat("J'ai déjà envoyé des courriers, passé des appels, déposé des cartes dans les cabinets du quartier. ", 6) +
		"Pour l'instant aucune de ces clientes potentielles n'a répondu."
	url := member.OpenThread("trouver-des-clients", "Où trouver des clientes libérales ?", long)
	member.Get(url)
	member.Post("/t/"+testkit.ThreadID(t, url)+"/reply", form("body", "Bonne idée, je note."))
	p := srv.Client().Get("/search?q=clientes")
	if got := p.Text(".search-results .snippet mark"); got != "clientes" {
		t.Fatalf("the snippet highlights %q: %q", got, p.Text(".search-results .snippet"))
	}
}
