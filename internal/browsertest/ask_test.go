package browsertest

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/testkit"
)

func TestNewcomerAsksAQuestion(t *testing.T) { newcomerAsks(t, true) }

func TestNewcomerAsksAQuestionWithoutJavaScript(t *testing.T) { newcomerAsks(t, false) }

// newcomerAsks walks a newcomer through the ask flow from the header's
// button — the sentence, what exists, the form — and saves a screenshot of
// each step.
func newcomerAsks(t *testing.T, javaScript bool) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, member := srv.NewUser(accounts.Member)
	sec, err := srv.App.Forum.SectionBySlug(ctx, member, "trouver-des-clients")
	if err != nil {
		t.Fatal(err)
	}
	existing, err := srv.App.Forum.CreateThread(ctx, member, forum.NewThread{SectionID: sec.ID,
		Title: "Trouver ses premiers clients quand on débute", Body: "Comment avez-vous trouvé vos premiers clients ?"})
	if err != nil {
		t.Fatal(err)
	}
	mode := "js"
	tab := browser.Tab(t, srv)
	if !javaScript {
		tab.DisableJavaScript()
		mode = "nojs"
	}
	tab.LoginAs(accounts.Newcomer)
	tab.Submit("a.ask")
	if h1 := tab.Text("h1"); h1 != "Quelle est votre question ?" {
		t.Fatalf("the header's button leads to %q", h1)
	}
	tab.Screenshot("ask-1-" + mode)
	tab.Fill("#field-q", "comment trouver mes premiers clients")
	if status := tab.Submit(`form.ask-form button[type=submit]`); status != http.StatusOK {
		t.Fatalf("step 2: status %d", status)
	}
	if !strings.Contains(tab.Text(".ask-results"), existing.Title) {
		t.Fatalf("step 2 shows %q", tab.Text("main"))
	}
	tab.Screenshot("ask-2-" + mode)
	tab.Submit(".ask-next a.button.primary")
	if !tab.Has("aside.guidance") || !tab.Has("#field-tried") {
		t.Fatalf("step 3: %q", tab.Text("main"))
	}
	tab.Fill("#field-title", "Comment trouver mes premiers clients médecins ?")
	if javaScript {
		tab.WaitVisible(".similar-box li")
	}
	tab.Fill("#field-body", "Bonjour, je démarre et je voudrais travailler pour des **médecins**.")
	tab.Fill("#field-tried", "J'ai lu la discussion sur les premiers clients et le guide pour démarrer.")
	tab.Screenshot("ask-3-" + mode)
	tab.Submit(`form.post-form button.primary`)
	if tab.Has(".unseen") {
		tab.Submit(`form.post-form button.primary`)
	}
	if h1 := tab.Text("h1"); h1 != "Comment trouver mes premiers clients médecins ?" || !strings.Contains(tab.Text("section.tried"), "J'ai lu la discussion") ||
		!strings.Contains(tab.Text(".breadcrumb"), "Se lancer") {
		t.Fatalf("thread page: h1 %q, tried %q, section %q", h1, tab.Text("section.tried"), tab.Text(".breadcrumb"))
	}
	tab.Screenshot("ask-posted-" + mode)
	tab.ExpectNoProblems("the ask flow")
}

// TestHostileSentenceAndTriedAreInert asks with each hostile input as the
// sentence and as "what I already read or tried", and loads the pages that
// show them: step 2, step 3, the thread, the moderators' figures.
func TestHostileSentenceAndTriedAreInert(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one newcomer asks once per hostile input
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	tab := browser.Tab(t, srv)
	tab.LoginAs(accounts.Admin)
	for i, h := range hostileInputs {
		token := newcomer.AskToken(h)
		if i%10 == 0 {
			tab.Go("/ask/" + token)
			expectInert(t, tab, "step 2 of "+h)
		}
		newcomer.Get("/ask/" + token + "/write")
		p := newcomer.Post("/ask/write", testkit.URLValues("session", token, "title", "Question piégée numéro "+strconv.Itoa(i),
			"body", "Le texte de la question.", "tried", "Déjà essayé : "+h, "reviewed", "1"))
		if p.Status != http.StatusSeeOther {
			t.Fatalf("%q: %d %s", h, p.Status, p.Text(".form-errors, .field-error"))
		}
		tab.Go(p.Location)
		expectInert(t, tab, "thread with tried "+h)
	}
	tab.Go("/mod/ask")
	expectInert(t, tab, "/mod/ask")
}
