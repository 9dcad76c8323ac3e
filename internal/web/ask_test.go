package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/testkit"
)

const (
	askSentence = "comment trouver mes premiers clients quand on debute"
	askTitle    = "Comment trouver mes premiers clients quand on débute ?"
	askBody     = "Bonjour, je viens de me lancer comme télésecrétaire et je n'ai encore aucun client."
	askTried    = "J'ai lu le guide pour bien démarrer et la discussion sur la prospection téléphonique."
)

// askForum opens, as a member, a thread close to askSentence with a reply,
// and pins a guide in the newcomers' section.
func askForum(t *testing.T, srv *testkit.Server) (existing, guide *forum.Thread) {
	t.Helper()
	ctx := context.Background()
	_, member := srv.NewUser(accounts.Member)
	_, other := srv.NewUser(accounts.Member)
	f := srv.App.Forum
	sec, err := f.SectionBySlug(ctx, member, "trouver-des-clients")
	if err != nil {
		t.Fatal(err)
	}
	existing, err = f.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "Trouver ses premiers clients quand on débute",
		Body: "Comment avez-vous trouvé vos premiers clients ?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Reply(ctx, other, existing.ID, "Le bouche-à-oreille et le réseau local, surtout la première année."); err != nil {
		t.Fatal(err)
	}
	newcomers, err := f.NewcomersSection(ctx)
	if err != nil {
		t.Fatal(err)
	}
	guide, err = f.CreateThread(ctx, member, forum.NewThread{SectionID: newcomers.ID, Title: "Guide : bien démarrer comme télésecrétaire",
		Body: "Statut, matériel, tarifs : tout ce qu'il faut savoir pour démarrer."})
	if err != nil {
		t.Fatal(err)
	}
	srv.App.DB.Exec("UPDATE threads SET pinned = TRUE WHERE id = ?", guide.ID)
	return existing, guide
}

func countThreads(t *testing.T, srv *testkit.Server) int64 {
	var n int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM threads").Scan(&n)
	return n
}

func sessionOutcome(srv *testkit.Server, token string) (outcome string, threadID *int64) {
	var row struct {
		Outcome  string
		ThreadID *int64
	}
	srv.App.DB.Raw("SELECT outcome, thread_id FROM ask_sessions WHERE token = ?", token).Scan(&row)
	return row.Outcome, row.ThreadID
}

func TestAskFlowForANewcomerWithoutJavaScript(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	existing, guide := askForum(t, srv)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	member, _ := srv.NewUser(accounts.Member)
	entreNous := member.SectionID("entre-nous")

	step1 := newcomer.Get("/ask")
	if step1.Status != http.StatusOK || !strings.Contains(step1.Text("main"), "professionnelles") || !strings.Contains(step1.Text("main"), "jamais par un appel") {
		t.Fatalf("step 1: %d %q", step1.Status, step1.Text("main"))
	}
	p := newcomer.Post("/ask", form("q", askSentence))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("step 1 post: %d", p.Status)
	}
	token := strings.TrimPrefix(p.Location, "/ask/")
	step2 := newcomer.Follow(p)
	if step2.Status != http.StatusOK {
		t.Fatalf("step 2: %d", step2.Status)
	}
	results := step2.Text(".ask-results")
	if !strings.Contains(results, existing.Title) || !strings.Contains(results, "bouche-à-oreille") || !strings.Contains(results, guide.Title) {
		t.Fatalf("step 2 shows %q", results)
	}
	if !step2.Has(`a[href^="/search?q="]`) || !step2.Has(`a[href="/ask/`+token+`/write"]`) {
		t.Fatal("step 2 has no full search link or no way to step 3")
	}
	// Opening a result is recorded.
	if o := newcomer.Get("/ask/" + token + "/open/" + itoa(existing.ID)); o.Status != http.StatusSeeOther {
		t.Fatalf("open: %d", o.Status)
	}
	var opened string
	srv.App.DB.Raw("SELECT opened FROM ask_sessions WHERE token = ?", token).Scan(&opened)
	if opened != itoa(existing.ID) {
		t.Fatalf("opened %q", opened)
	}

	step3 := newcomer.Get("/ask/" + token + "/write")
	if step3.Status != http.StatusOK || step3.Has("#field-section") || !step3.Has("aside.guidance") || !strings.Contains(step3.Text(".notice"), "nouveaux membres") {
		t.Fatalf("step 3: %d guidance %v", step3.Status, step3.Has("aside.guidance"))
	}
	if v, _ := step3.Doc.Find("#field-title").Attr("value"); v != askSentence {
		t.Fatalf("title prefilled with %q", v)
	}
	// "What I already read or tried" is required of newcomers; the text stays.
	before := countThreads(t, srv)
	short := newcomer.Post("/ask/write", form("session", token, "title", askTitle, "body", askBody, "tried", "Rien.", "reviewed", "1"))
	if short.Status != http.StatusUnprocessableEntity || short.Text("#error-tried") == "" || short.Text("#field-body") != askBody {
		t.Fatalf("short tried: %d %q", short.Status, short.Text("#error-tried"))
	}
	// A forged section still lands in the newcomers' section.
	done := newcomer.Post("/ask/write", form("session", token, "section", entreNous, "title", askTitle, "body", askBody, "tried", askTried, "reviewed", "1"))
	if done.Status != http.StatusSeeOther {
		t.Fatalf("publish: %d %q", done.Status, done.Text(".form-errors"))
	}
	thread := newcomer.Follow(done)
	if !strings.Contains(thread.Text(".breadcrumb"), "Se lancer") || !strings.Contains(thread.Text("section.tried"), askTried) ||
		!strings.Contains(thread.Text(".flash"), "nouveaux membres") {
		t.Fatalf("thread page: %q / %q / %q", thread.Text(".breadcrumb"), thread.Text("section.tried"), thread.Text(".flash"))
	}
	if countThreads(t, srv) != before+1 {
		t.Fatal("not exactly one thread created")
	}
	if outcome, id := sessionOutcome(srv, token); outcome != "posted" || id == nil {
		t.Fatalf("session %q %v", outcome, id)
	}
}

func TestNewcomersThreadIsRefusedOutsideTheAskFlow(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	askForum(t, srv)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	other, _ := srv.NewUser(accounts.Newcomer)
	foreign := other.AskToken(askSentence)
	used := newcomer.AskToken(askSentence)
	if p := newcomer.AskThread(askSentence, "", askTitle, askBody, askTried); p.Status != http.StatusSeeOther {
		t.Fatalf("a first thread: %d", p.Status)
	}
	// used above was replaced by a newer session of the same person: end it
	// as posted by publishing through it, then try to reuse it.
	newcomer.Get("/ask/" + used + "/write")
	if p := newcomer.Post("/ask/write", form("session", used, "title", "Une autre question sur les clients", "body", askBody+" Une autre.", "tried", askTried, "reviewed", "1")); p.Status != http.StatusSeeOther {
		t.Fatalf("publishing through the older session: %d %q", p.Status, p.Text(".form-errors"))
	}
	expired := newcomer.AskToken(askSentence)
	srv.App.DB.Exec("UPDATE ask_sessions SET expires_at = ? WHERE token = ?", "2000-01-01 00:00:00", expired)
	newcomer.Get("/ask")
	notShown := newcomer.Post("/ask", form("q", askSentence)).Location[len("/ask/"):]

	cases := []struct{ name, path, token, want string }{
		{"missing, /new", "/new", "", "chercher d'abord"},
		{"missing", "/ask/write", "", "chercher d'abord"},
		{"forged", "/ask/write", "pas-un-jeton", "ne vient pas d'une recherche"},
		{"foreign", "/ask/write", foreign, "ne vient pas d'une recherche"},
		{"reused", "/ask/write", used, "a déjà servi"},
		{"expired", "/ask/write", expired, "plus de deux heures"},
		{"not shown", "/ask/write", notShown, "pas encore été affichées"},
	}
	before := countThreads(t, srv)
	for _, c := range cases {
		newcomer.Get("/ask")
		p := newcomer.Post(c.path, form("session", c.token, "title", askTitle, "body", askBody, "tried", askTried, "reviewed", "1"))
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), c.want) {
			t.Errorf("%s: %d %q", c.name, p.Status, p.Text(".form-errors"))
			continue
		}
		if p.Text("#field-body") != askBody {
			t.Errorf("%s: body lost: %q", c.name, p.Text("#field-body"))
		}
		if v, _ := p.Doc.Find("#field-title").Attr("value"); v != askTitle {
			t.Errorf("%s: title lost: %q", c.name, v)
		}
		href, _ := p.Doc.Find(`a[href^="/ask?q="]`).Attr("href")
		if u, err := url.Parse(href); err != nil || u.Query().Get("q") != askTitle {
			t.Errorf("%s: link back %q", c.name, href)
		}
	}
	if n := countThreads(t, srv); n != before {
		t.Fatalf("refusals created %d threads", n-before)
	}
	if outcome, _ := sessionOutcome(srv, foreign); outcome != "open" {
		t.Fatalf("the foreign session was touched: %q", outcome)
	}
}

func TestVisitorAsksThenRegistersAndComesBack(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	existing, _ := askForum(t, srv)
	visitor := srv.Client()
	visitor.Get("/ask")
	p := visitor.Post("/ask", form("q", askSentence))
	step2 := visitor.Follow(p)
	token := strings.TrimPrefix(p.Location, "/ask/")
	if !strings.Contains(step2.Text(".ask-results"), existing.Title) {
		t.Fatalf("visitor's step 2: %q", step2.Text("main"))
	}
	register, _ := step2.Doc.Find(`.ask-next a[href^="/register"]`).Attr("href")
	if register != "/register?next="+url.QueryEscape("/ask/"+token+"/write") {
		t.Fatalf("register link %q", register)
	}
	if w := visitor.Get("/ask/" + token + "/write"); w.Status != http.StatusSeeOther || !strings.HasPrefix(w.Location, "/login?next=") {
		t.Fatalf("visitor's step 3: %d %q", w.Status, w.Location)
	}
	form := visitor.Get(register)
	if v, _ := form.Doc.Find(`input[name="next"]`).Attr("value"); v != "/ask/"+token+"/write" {
		t.Fatalf("register form next %q", v)
	}
	done := visitor.Post("/register", testkit.URLValues("username", "nouvelle", "email", "nouvelle@exemple.fr",
		"password", testkit.Password, "confirm", testkit.Password, "next", "/ask/"+token+"/write"))
	if done.Status != http.StatusSeeOther || done.Location != "/ask/"+token+"/write" {
		t.Fatalf("register: %d %q", done.Status, done.Location)
	}
	step3 := visitor.Follow(done)
	if v, _ := step3.Doc.Find("#field-title").Attr("value"); step3.Status != http.StatusOK || v != askSentence {
		t.Fatalf("step 3 after registering: %d %q", step3.Status, v)
	}
	if p := visitor.Post("/ask/write", testkit.URLValues("session", token, "title", askTitle, "body", askBody, "tried", askTried, "reviewed", "1")); p.Status != http.StatusSeeOther {
		t.Fatalf("publish: %d %q", p.Status, p.Text(".form-errors"))
	}
	// Another browser cannot take a visitor's session.
	thief, _ := srv.NewUser(accounts.Newcomer)
	visitor2 := srv.Client()
	visitor2.Get("/ask")
	tok2 := strings.TrimPrefix(visitor2.Post("/ask", testkit.URLValues("q", askSentence)).Location, "/ask/")
	if p := thief.Get("/ask/" + tok2 + "/write"); p.Status != http.StatusNotFound {
		t.Fatalf("another browser's session: %d", p.Status)
	}
}

func TestMembersAreNotForcedThroughTheAskFlow(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	askForum(t, srv)
	member, _ := srv.NewUser(accounts.Member)
	if p := member.Get("/new"); p.Status != http.StatusOK {
		t.Fatalf("member /new: %d", p.Status)
	}
	member.OpenThread("entre-nous", "Un sujet ouvert directement", "Sans passer par la recherche.")
	token := member.AskToken(askSentence)
	step3 := member.Get("/ask/" + token + "/write")
	if !step3.Has("#field-section") || !step3.Has("aside.guidance") {
		t.Fatalf("member step 3: section %v guidance %v", step3.Has("#field-section"), step3.Has("aside.guidance"))
	}
	p := member.Post("/ask/write", form("session", token, "section", member.SectionID("entre-nous"), "title", askTitle, "body", askBody, "reviewed", "1"))
	if p.Status != http.StatusSeeOther || !strings.Contains(member.Follow(p).Text(".breadcrumb"), "Entre nous") {
		t.Fatalf("member through /ask: %d %q", p.Status, p.Text(".form-errors"))
	}
	if outcome, _ := sessionOutcome(srv, token); outcome != "posted" {
		t.Fatalf("member's session %q", outcome)
	}
}

func TestThreadsCloseToTheFinalTitleAreShownOnce(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	askForum(t, srv)
	ctx := context.Background()
	_, member := srv.NewUser(accounts.Member)
	sec, _ := srv.App.Forum.SectionBySlug(ctx, member, "comptabilite-et-tarifs")
	late, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID, Title: "Tarif horaire d'une télésecrétaire débutante", Body: "Combien facturer ?"})
	if err != nil {
		t.Fatal(err)
	}
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	token := newcomer.AskToken("trouver des clients")
	newcomer.Get("/ask/" + token + "/write")
	values := form("session", token, "title", "Quel tarif horaire pour une débutante ?", "body", askBody, "tried", askTried)
	p := newcomer.Post("/ask/write", values)
	if p.Status != http.StatusOK || !strings.Contains(p.Text(".unseen"), late.Title) || !p.Has(`input[name="reviewed"]`) {
		t.Fatalf("unseen threads: %d %q", p.Status, p.Text(".unseen"))
	}
	if p.Text("#field-tried") != askTried {
		t.Fatal("tried lost")
	}
	// The second submission publishes: they were shown once.
	if p := newcomer.Post("/ask/write", values); p.Status != http.StatusSeeOther {
		t.Fatalf("second submission: %d %q", p.Status, p.Text(".unseen"))
	}
}

func TestAskOutcomesAndModeratorFigures(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	existing, _ := askForum(t, srv)
	a, _ := srv.NewUser(accounts.Newcomer)
	b, _ := srv.NewUser(accounts.Newcomer)
	visitor := srv.Client()

	found := a.AskToken(askSentence)
	p := a.Post("/ask/"+found+"/found", form("thread", itoa(existing.ID)))
	// The answer that helped, its Merci one click away.
	answer := p.Location[strings.LastIndex(p.Location, "#p")+2:]
	page := a.Follow(p)
	if p.Status != http.StatusSeeOther || !strings.Contains(page.Text(".flash"), "merci") ||
		!page.Has(`#p`+answer+` form[action="/p/`+answer+`/thank"]`) {
		t.Fatalf("found: %d %q, no Merci under the answer: %q", p.Status, p.Location, page.Text(".flash"))
	}
	if p := b.AskThread(askSentence, "", askTitle, askBody, askTried); p.Status != http.StatusSeeOther {
		t.Fatalf("posted: %d", p.Status)
	}
	abandoned := visitor.AskToken("facturer la tva quand on est micro entrepreneur")
	srv.App.DB.Exec("UPDATE ask_sessions SET expires_at = ? WHERE token = ?", "2000-01-01 00:00:00", abandoned)
	visitor.AskToken("une autre question encore ouverte")

	if outcome, _ := sessionOutcome(srv, found); outcome != "found" {
		t.Fatalf("found session: %q", outcome)
	}
	mod, _ := srv.NewUser(accounts.Moderator)
	if !mod.Get("/").Has(`header a[href="/mod"]`) {
		t.Fatal("no link to /mod in a moderator's header")
	}
	page = mod.Get("/mod/ask")
	if page.Status != http.StatusOK {
		t.Fatalf("/mod/ask: %d", page.Status)
	}
	if outcome, _ := sessionOutcome(srv, abandoned); outcome != "abandoned" {
		t.Fatalf("abandoned session: %q", outcome)
	}
	for _, days := range []string{"7", "30"} {
		row := ".period-" + days + " "
		if page.Text(row+".sessions") != "4" || !strings.HasPrefix(page.Text(row+".found"), "1 (25 %)") ||
			!strings.HasPrefix(page.Text(row+".posted"), "1 (25 %)") || !strings.HasPrefix(page.Text(row+".abandoned"), "1 (25 %)") || page.Text(row+".open") != "1" {
			t.Errorf("%s days: %q", days, page.Text(row))
		}
	}
	if !strings.Contains(page.Text("ol.missing"), askSentence) || !strings.Contains(page.Text("ol.answering"), existing.Title) {
		t.Errorf("missing %q answering %q", page.Text("ol.missing"), page.Text("ol.answering"))
	}
	// The newcomer's question, unanswered, shows after 48 hours.
	srv.App.DB.Exec("UPDATE threads SET created_at = ? WHERE title = ?", "2000-01-01 00:00:00", askTitle)
	if !strings.Contains(mod.Get("/mod/ask").Text("ol.unanswered"), askTitle) {
		t.Error("the unanswered question is not listed")
	}
}

func TestOddSentencesGiveAHelpfulPage(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	askForum(t, srv)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	inputs := append([]string{"", "   ", "le la les de et", strings.Repeat("facture ", 1300), "\xff\xfe clients \x00", "\u202e\u200b"}, hostile...)
	inputs = append(inputs, hostileLines(t)...)
	for _, q := range inputs {
		newcomer.Get("/ask")
		p := newcomer.Post("/ask", form("q", q))
		switch p.Status {
		case http.StatusSeeOther:
			step2 := newcomer.Follow(p)
			if step2.Status != http.StatusOK || !step2.Has("#field-q") {
				t.Errorf("%q: step 2 %d", q, step2.Status)
			}
		case http.StatusUnprocessableEntity:
			if !strings.Contains(p.Text("#error-q"), "une phrase") {
				t.Errorf("%q: %q", q, p.Text("#error-q"))
			}
		default:
			t.Errorf("%q: %d", q, p.Status)
		}
	}
}

func TestRulesPageAndTheirSettings(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	visitor := srv.Client()
	page := visitor.Get("/rules")
	if page.Status != http.StatusOK || !strings.Contains(page.Text("#rule-search_first"), "Chercher d'abord") || !strings.Contains(page.Text("#rule-newcomers_section"), "rubrique des nouveaux membres") {
		t.Fatalf("/rules: %d %q", page.Status, page.Text("main"))
	}
	admin, _ := srv.NewUser(accounts.Admin)
	admin.Get("/admin")
	if p := admin.Post("/admin/rules", form("search_first", "off", "newcomers_section", "off")); p.Status != http.StatusSeeOther {
		t.Fatalf("save rules: %d", p.Status)
	}
	if !strings.Contains(visitor.Get("/rules").Text("#rule-search_first"), "directement") {
		t.Fatal("the rules page does not follow the setting")
	}
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	if p := newcomer.Get("/new"); p.Status != http.StatusOK {
		t.Fatalf("newcomer /new with search first off: %d", p.Status)
	}
	p := newcomer.Post("/new", form("section", admin.SectionID("entre-nous"), "title", "Une question posée directement", "body", askBody))
	if p.Status != http.StatusSeeOther || !strings.Contains(newcomer.Follow(p).Text(".breadcrumb"), "Entre nous") {
		t.Fatalf("newcomer's direct thread: %d %q", p.Status, p.Text(".form-errors"))
	}
	if p := admin.Post("/admin/rules", form("newcomers_section", "on", "search_first", "peut-etre")); p.Status != http.StatusUnprocessableEntity || p.Text("#error-search_first") == "" {
		t.Fatalf("unknown value: %d %q", p.Status, p.Text("main"))
	}
	if strings.Contains(visitor.Get("/rules").Text("#rule-newcomers_section"), "quelle que soit") {
		t.Fatal("a refused form saved part of its values")
	}
	// The rule of thank-yous is listed and set the same way, and the forum
	// applies what the admin chose.
	if !strings.Contains(visitor.Get("/rules").Text("#rule-acknowledge_answers"), "passer cette étape en un clic") {
		t.Fatalf("the acknowledge rule is not on /rules: %q", visitor.Get("/rules").Text("main"))
	}
	if p := admin.Post("/admin/rules", form("acknowledge_answers", "require")); p.Status != http.StatusSeeOther {
		t.Fatalf("save the acknowledge rule: %d", p.Status)
	}
	if m, err := srv.App.Forum.AckMode(context.Background()); err != nil || m != forum.AckRequire {
		t.Fatalf("the forum applies %q (%v), want require", m, err)
	}
	if !strings.Contains(visitor.Get("/rules").Text("#rule-acknowledge_answers"), "répond d'abord") {
		t.Fatal("the rules page does not follow the acknowledge setting")
	}
}

// hostileDir holds the shared lists of malicious and odd inputs, beside the
// project in CI; absent elsewhere, the tests run their own cases only.
const hostileDir = "../../../shared/testdata/hostile"

// hostileLines returns every line of the shared lists of text payloads.
func hostileLines(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"blns/*.txt", "payloadsallthethings/*/*.txt"} {
		more, _ := filepath.Glob(filepath.Join(hostileDir, pattern))
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Logf("shared hostile lists not found at %s", hostileDir)
	}
	seen := map[string]bool{}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
	}
	return lines
}
