package web_test

import (
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// cannedID is the id of the canned reply titled title on /settings/replies.
func cannedID(t *testing.T, c *testkit.Client, title string) string {
	t.Helper()
	page := c.Get("/settings/replies")
	id := ""
	for _, li := range page.Doc.Find("ol.canned-rows > li").Nodes {
		for _, a := range li.Attr {
			if a.Key == "id" && strings.Contains(page.Doc.FindNodes(li).Find("h3").Text(), title) {
				id = strings.TrimPrefix(a.Val, "reply-")
			}
		}
	}
	if id == "" {
		t.Fatalf("no canned reply %q: %s", title, page.Text("main"))
	}
	return id
}

func createCanned(t *testing.T, c *testkit.Client, team bool, title, body string) string {
	t.Helper()
	path := "/settings/replies/new"
	values := form("title", title, "body", body)
	if team {
		path += "?team=1"
		values.Set("team", "1")
	}
	c.Get(path)
	if p := c.Post("/settings/replies", values); p.Status != http.StatusSeeOther {
		t.Fatalf("create %q: %d %s", title, p.Status, p.Text(".form-errors, .field-error"))
	}
	return cannedID(t, c, title)
}

func useCount(t *testing.T, srv *testkit.Server, id string) int {
	t.Helper()
	var n int
	if err := srv.App.DB.Raw("SELECT use_count FROM canned_replies WHERE id = ?", id).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCannedRepliesForms(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	anne, _ := srv.NewUser(accounts.Member)
	berthe, _ := srv.NewUser(accounts.Member)
	modo, _ := srv.NewUser(accounts.Moderator)

	// Bad input comes back with the messages and the text kept.
	anne.Get("/settings/replies/new")
	p := anne.Post("/settings/replies", form("title", "ab", "body", "  "))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-title"), "3 caractères") || !strings.Contains(p.Text("#error-body"), "Écrivez") ||
		p.Doc.Find("#field-title").AttrOr("value", "") != "ab" {
		t.Fatalf("bad reply: %d %q %q", p.Status, p.Text("#error-title"), p.Text("#error-body"))
	}
	// The preview without JavaScript saves nothing.
	p = anne.Post("/settings/replies", form("title", "Un aperçu", "body", "Du **gras**", "preview", "1"))
	if p.Status != http.StatusOK || p.Text(".preview strong") != "gras" || p.Text("#field-body") != "Du **gras**" {
		t.Fatalf("preview: %d %q", p.Status, p.Text(".preview"))
	}
	first := createCanned(t, anne, false, "Se lancer", "Bonjour {prénom}, voici par où commencer : {guides}")
	second := createCanned(t, anne, false, "Facturer", "Au forfait ou à l'appel.")
	third := createCanned(t, anne, false, "Transcrire", "Une pédale et un bon casque.")

	// Reorder: "Transcrire" up, then "Se lancer" down.
	anne.Get("/settings/replies")
	if p := anne.Post("/settings/replies/"+third+"/move", form("direction", "up")); p.Status != http.StatusSeeOther {
		t.Fatalf("move: %d", p.Status)
	}
	anne.Post("/settings/replies/"+first+"/move", form("direction", "down"))
	if got := anne.Get("/settings/replies").Text("ol.canned-rows h3"); got != "TranscrireSe lancerFacturer" {
		t.Errorf("order: %q", got)
	}
	// Edit and delete.
	if p := anne.Get("/settings/replies/" + second + "/edit"); p.Doc.Find("#field-title").AttrOr("value", "") != "Facturer" {
		t.Fatalf("edit form: %q", p.Text("main"))
	}
	if p := anne.Post("/settings/replies/"+second, form("title", "Facturer une permanence", "body", "Au forfait mensuel.")); p.Status != http.StatusSeeOther {
		t.Fatalf("update: %d", p.Status)
	}
	if p := anne.Post("/settings/replies/"+second, form("title", "", "body", "x")); p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("bad update: %d", p.Status)
	}
	if p := anne.Post("/settings/replies/"+third+"/delete", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("delete: %d", p.Status)
	}
	page := anne.Get("/settings/replies")
	if got := page.Text("ol.canned-rows h3"); got != "Se lancerFacturer une permanence" {
		t.Errorf("after edit and delete: %q", got)
	}

	// Berthe reaches none of Anne's replies: not found, and nothing changes.
	berthe.Get("/settings/replies")
	for _, c := range []struct {
		method, path string
	}{{"GET", "/settings/replies/" + first + "/edit"}, {"POST", "/settings/replies/" + first}, {"POST", "/settings/replies/" + first + "/delete"},
		{"POST", "/settings/replies/" + first + "/move"}} {
		var p *testkit.Page
		if c.method == "GET" {
			p = berthe.Get(c.path)
		} else {
			p = berthe.Post(c.path, form("title", "Volée", "body", "Volée", "direction", "up"))
		}
		if p.Status != http.StatusNotFound {
			t.Errorf("%s %s by another member: %d", c.method, c.path, p.Status)
		}
	}
	if strings.Contains(berthe.Get("/settings/replies").Text("main"), "Facturer une permanence") {
		t.Error("Berthe sees Anne's replies")
	}
	if got := anne.Get("/settings/replies").Text("ol.canned-rows h3"); got != "Se lancerFacturer une permanence" {
		t.Errorf("Berthe changed Anne's replies: %q", got)
	}

	// The team's set: moderators keep it, members use it.
	berthe.Get("/settings/replies/new?team=1")
	if p := berthe.Post("/settings/replies", form("team", "1", "title", "Équipe pirate", "body", "x")); p.Status != http.StatusForbidden {
		t.Errorf("a member writes to the team's set: %d", p.Status)
	}
	team := createCanned(t, modo, true, "Bienvenue", "Bienvenue {auteur}, et merci pour votre question.")
	page = berthe.Get("/settings/replies")
	if !strings.Contains(page.Text("#team-title ~ ol"), "Bienvenue") && !strings.Contains(page.Text("main"), "Bienvenue") {
		t.Errorf("members see the team's set: %q", page.Text("main"))
	}
	if page.Has(`a[href="/settings/replies/`+team+`/edit"]`) || page.Has(`a[href="/settings/replies/new?team=1"]`) {
		t.Error("a member is offered to change the team's set")
	}
	if p := berthe.Get("/settings/replies/" + team + "/edit"); p.Status != http.StatusForbidden {
		t.Errorf("a member opens the team's reply to edit: %d", p.Status)
	}
	if p := berthe.Post("/settings/replies/"+team+"/delete", nil); p.Status != http.StatusForbidden {
		t.Errorf("a member deletes the team's reply: %d", p.Status)
	}
	modo.Get("/settings/replies")
	if p := modo.Post("/settings/replies/"+team, form("title", "Bienvenue à vous", "body", "Bienvenue {auteur}.")); p.Status != http.StatusSeeOther {
		t.Errorf("a moderator edits the team's reply: %d", p.Status)
	}
}

func TestInsertCannedReplyWithoutJavaScriptAndCountUses(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	anne, _ := srv.NewUser(accounts.Member)
	berthe, _ := srv.NewUser(accounts.Member)
	modo, _ := srv.NewUser(accounts.Moderator)
	newcomer, nu := srv.NewUser(accounts.Newcomer)
	srv.App.DB.Exec("UPDATE users SET display_name = ? WHERE id = ?", "Camille *R*", nu.ID)
	guide := modo.OpenThread("se-lancer", "Les premiers pas d'une télésecrétaire", "Le guide.")
	srv.App.DB.Exec("UPDATE threads SET pinned = TRUE WHERE id = ?", testkit.ThreadID(t, guide))

	mine := createCanned(t, anne, false, "Se lancer", "Bonjour {prénom},\n\nÀ propos de « {sujet} », commencez par :\n\n{guides}")
	theirs := createCanned(t, berthe, false, "Réponse de Berthe", "Secret de Berthe.")
	team := createCanned(t, modo, true, "Bienvenue", "Bienvenue {auteur}.")
	url := newcomer.AskQuestion("Comment débuter dans le métier ?", "Je ne sais pas par où commencer.")
	id := testkit.ThreadID(t, url)

	// The thread page's reply box lists Anne's replies and the team's, as
	// plain links to the reply page.
	page := anne.Get(url)
	links := page.Doc.Find("details.canned a[data-canned-id]")
	if links.Length() != 2 || links.Eq(0).AttrOr("href", "") != "/t/"+id+"/reply?canned="+mine || links.Eq(1).Text() != "Bienvenue" {
		t.Fatalf("reply box: %d links %q", links.Length(), page.Text("details.canned"))
	}
	if newcomer.Get(url).Has("details.canned") || srv.Client().Get(url).Has("details.canned") {
		t.Error("canned replies offered to a newcomer or a visitor")
	}

	// Without JavaScript: the link opens the reply page, filled in.
	page = anne.Get("/t/" + id + "/reply?canned=" + mine)
	want := "Bonjour Camille \\*R\\*,\n\nÀ propos de « Comment débuter dans le métier ? », commencez par :\n\n- [Les premiers pas d'une télésecrétaire](" + guide + ")"
	if got := page.Doc.Find("#field-body").Text(); got != want {
		t.Fatalf("filled reply:\n%q\nwant\n%q", got, want)
	}
	if page.Doc.Find(`input[name="canned"]`).AttrOr("value", "") != mine {
		t.Fatal("the reply page does not say which canned reply it holds")
	}
	// With a quote: the quote, then the canned reply.
	firstPost := strings.TrimPrefix(anne.Get(url).Doc.Find("article.post").First().AttrOr("id", ""), "p")
	page = anne.Get("/t/" + id + "/reply?quote=" + firstPost + "&canned=" + team)
	if body := page.Doc.Find("#field-body").Text(); !strings.HasPrefix(body, ">") || !strings.HasSuffix(body, "Bienvenue Camille \\*R\\*.") {
		t.Errorf("quote and canned reply: %q", body)
	}
	// Another member's reply is not filled in, nor a newcomer's request.
	if body := anne.Get("/t/" + id + "/reply?canned=" + theirs).Doc.Find("#field-body").Text(); body != "" {
		t.Errorf("another member's canned reply was filled in: %q", body)
	}

	// Publishing counts the use, once, and only of replies Anne may use.
	anne.Get("/t/" + id + "/reply?canned=" + mine)
	values := form("body", "Bonjour Camille, voici mes conseils.", "canned", mine)
	values.Add("canned", theirs)
	values.Add("canned", team)
	values.Add("canned", mine)
	if p := anne.Post("/t/"+id+"/reply", values); p.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d %s", p.Status, p.Text(".form-errors"))
	}
	if useCount(t, srv, mine) != 1 || useCount(t, srv, team) != 1 || useCount(t, srv, theirs) != 0 {
		t.Errorf("uses: mine %d, team %d, Berthe's %d", useCount(t, srv, mine), useCount(t, srv, team), useCount(t, srv, theirs))
	}
	if !strings.Contains(anne.Get("/settings/replies").Text("#reply-"+mine+" .meta"), "1 fois") {
		t.Errorf("use count shown: %q", anne.Get("/settings/replies").Text("#reply-"+mine+" .meta"))
	}
	// A refused reply counts nothing.
	anne.Get(url)
	if p := anne.Post("/t/"+id+"/reply", form("body", " ", "canned", mine)); p.Status != http.StatusUnprocessableEntity || p.Doc.Find(`input[name="canned"]`).AttrOr("value", "") != mine {
		t.Fatalf("empty reply: %d", p.Status)
	}
	if useCount(t, srv, mine) != 1 {
		t.Errorf("a refused reply counted a use: %d", useCount(t, srv, mine))
	}
	// A preview keeps the canned reply's mark.
	if p := anne.Post("/t/"+id+"/reply", form("body", "Texte", "canned", mine, "preview", "1")); p.Doc.Find(`input[name="canned"]`).AttrOr("value", "") != mine {
		t.Error("the preview lost the canned reply's mark")
	}
	// Newcomers count nothing, even when they name the team's replies.
	newcomer.Get(url)
	if p := newcomer.Post("/t/"+id+"/reply", form("body", "Merci beaucoup.", "canned", team)); p.Status != http.StatusSeeOther {
		t.Fatalf("newcomer's reply: %d", p.Status)
	}
	if useCount(t, srv, team) != 1 {
		t.Errorf("a newcomer counted a use: %d", useCount(t, srv, team))
	}
}

func TestCannedReplyForTheScript(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	anne, _ := srv.NewUser(accounts.Member)
	berthe, _ := srv.NewUser(accounts.Member)
	mine := createCanned(t, anne, false, "Sujet", "Au sujet de {sujet} : <script>alert(1)</script>")
	url := berthe.OpenThread("entre-nous", "Un <b>titre</b> piégé pour le test", "Texte.")
	id := testkit.ThreadID(t, url)
	resp, err := anne.Raw(http.MethodGet, "/t/"+id+"/canned/"+mine)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") ||
		resp.Body != "Au sujet de Un \\<b\\>titre\\</b\\> piégé pour le test : <script>alert(1)</script>" {
		t.Fatalf("canned reply as text: %d %q %q", resp.Status, resp.Header.Get("Content-Type"), resp.Body)
	}
	if resp, _ := berthe.Raw(http.MethodGet, "/t/"+id+"/canned/"+mine); resp.Status != http.StatusNotFound {
		t.Errorf("another member's canned reply as text: %d", resp.Status)
	}
	if resp, _ := anne.Raw(http.MethodGet, "/t/999999/canned/"+mine); resp.Status != http.StatusNotFound {
		t.Errorf("unknown thread: %d", resp.Status)
	}
	// Inserted and published, the canned reply is sanitised as every post.
	anne.Get(url)
	if p := anne.Post("/t/"+id+"/reply", form("body", resp.Body, "canned", mine)); p.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d", p.Status)
	}
	assertInert(t, url, srv.Client().Get(url).Doc)
}

func TestCannedReplySuggestedForANewcomersQuestion(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	anne, au := srv.NewUser(accounts.Member)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	match := createCanned(t, anne, false, "Se lancer comme télésecrétaire : par où commencer", "Le statut, une formation, puis les premiers clients.")
	createCanned(t, anne, false, "Logiciels de transcription", "Une pédale et un bon casque.")
	question := newcomer.AskQuestion("Devenir télésecrétaire, par où commencer ?", "Je voudrais me lancer mais je ne sais pas par où commencer.")
	page := anne.Get(question)
	suggestion := page.Doc.Find(".canned-suggestion")
	if !strings.Contains(suggestion.Text(), "Se lancer comme télésecrétaire") || suggestion.Find("a").AttrOr("href", "") != "/t/"+testkit.ThreadID(t, question)+"/reply?canned="+match {
		t.Fatalf("suggestion: %q", suggestion.Text())
	}
	if p := anne.Get("/t/" + testkit.ThreadID(t, question) + "/reply"); !p.Has(".canned-suggestion") {
		t.Error("no suggestion on the reply page")
	}
	other := newcomer.AskQuestion("Mon ordinateur ne démarre plus depuis hier", "Que faire ?")
	if anne.Get(other).Has(".canned-suggestion") {
		t.Error("a suggestion for a question it does not answer")
	}
	// Only for newcomers' questions.
	members := anne.OpenThread("entre-nous", "Devenir télésecrétaire, par où commencer ?", "Un sujet entre membres.")
	berthe, _ := srv.NewUser(accounts.Member)
	srv.App.DB.Exec("UPDATE canned_replies SET owner_id = NULL WHERE id = ?", match) // a team reply, usable by Berthe
	if berthe.Get(members).Has(".canned-suggestion") {
		t.Error("a suggestion outside the newcomers' section")
	}
	if !berthe.Get(question).Has(".canned-suggestion") {
		t.Error("the team's reply is not suggested")
	}
	_ = au
}
