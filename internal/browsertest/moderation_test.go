package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/moderation"
	"entraide/internal/testkit"
)

// TestCloseAsDuplicateThroughTheForm is a moderator closing a newcomer's
// question as a duplicate from the thread page, without JavaScript: the
// chooser's search box finds the canonical thread, the form closes the
// question, and the asker then reads the banner that sends them to the
// answer, with their two answers.
func TestCloseAsDuplicateThroughTheForm(t *testing.T) {
	srv := testkit.NewServer(t)
	helperHTTP, _ := srv.NewUser(accounts.Member)
	askerHTTP, asker := srv.NewUser(accounts.Newcomer)
	canon := helperHTTP.OpenThread("juridique-et-statut", "Assurance responsabilité civile professionnelle obligatoire ?",
		"Faut-il une RC pro pour du secrétariat à distance ?")
	helperHTTP.Reply(canon, "Elle n'est pas obligatoire, mais vivement conseillée.")
	asked := askerHTTP.AskThread("rc pro secretaire independante", "", "RC pro obligatoire pour une secrétaire indépendante ?",
		"Dois-je prendre une assurance avant mon premier client ?", "J'ai lu le guide sur les statuts.")
	if asked.Status != http.StatusSeeOther {
		t.Fatalf("ask: %d", asked.Status)
	}
	dup := asked.Location

	mod := browser.Tab(t, srv)
	mod.DisableJavaScript()
	mod.LoginAs(accounts.Moderator)
	mod.Go(dup)
	if status := mod.Submit(`.mod-tools a[href$="/duplicate"]`); status != http.StatusOK || mod.Text("h1") != "Fermer comme doublon" {
		t.Fatalf("chooser: %d %q", status, mod.Text("h1"))
	}
	mod.Fill("#field-q", "assurance responsabilité civile")
	mod.Fill("#field-message", "Bonjour, la réponse est déjà dans ce sujet.")
	if status := mod.Submit(`button[name=search]`); status != http.StatusOK || !strings.Contains(mod.Text(".found-choices"), "Assurance responsabilité civile") {
		t.Fatalf("search inside the form: %d %q", status, mod.Text(".found-choices"))
	}
	mod.Click(`.found-choices input[type=radio]`)
	if status := mod.Submit(`form.duplicate-chooser button.primary`); status != http.StatusOK || !strings.Contains(mod.Text(".flash"), "doublon") {
		t.Fatalf("close: %d %q %q", status, mod.Text(".flash"), mod.Text(".form-errors"))
	}

	tab := browser.Tab(t, srv)
	tab.Login(asker.Username, testkit.Password)
	tab.Go(dup)
	banner := tab.Text(".duplicate-banner")
	if !strings.Contains(banner, "Assurance responsabilité civile professionnelle obligatoire") || !tab.Has(`.duplicate-banner form[action$="/duplicate/yes"]`) ||
		!tab.Has(`.duplicate-banner a[href$="/duplicate/no"]`) || tab.Has("#field-body") {
		t.Fatalf("the asker's banner: %q", banner)
	}
	tab.Screenshot("duplicate-banner-asker")
	tab.ExpectNoProblems("duplicate banner")
	if status := tab.Submit(`.duplicate-banner a.canonical-link`); status != http.StatusOK || !strings.HasPrefix(tab.Text("h1"), "Assurance responsabilité") {
		t.Fatalf("the banner's link: %d %q", status, tab.Text("h1"))
	}
}

// TestHostileModerationTextsNeverRun writes every hostile input where the
// moderators' and flaggers' texts go — a hiding reason, a duplicate's
// message, a flag's sentence, a suspension's reason, a title, the asker's
// "ma question est différente" — and reads each page that shows them.
func TestHostileModerationTextsNeverRun(t *testing.T) {
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // two members write a thread and a reply per hostile input
	ctx := context.Background()
	a := srv.App
	_, author := srv.NewUser(accounts.Member)
	_, modUser := srv.NewUser(accounts.Moderator)
	_, canonAuthor := srv.NewUser(accounts.Member)
	sec, err := a.Forum.SectionBySlug(ctx, author, "entre-nous")
	if err != nil {
		t.Fatal(err)
	}
	canon, err := a.Forum.CreateThread(ctx, canonAuthor, forum.NewThread{SectionID: sec.ID, Title: "Le sujet canonique des entrées piégées", Body: "Texte."})
	if err != nil {
		t.Fatal(err)
	}
	var threads []string
	for i, h := range hostileInputs {
		title := cut("Piège "+strconv.Itoa(i)+" "+h, forum.MaxTitleLength)
		th, err := a.Forum.CreateThread(ctx, author, forum.NewThread{SectionID: sec.ID, Title: "Un sujet à renommer numéro " + strconv.Itoa(i), Body: "Texte."})
		if err != nil {
			t.Fatal(err)
		}
		p, err := a.Forum.Reply(ctx, canonAuthor, th.ID, "Une réponse à masquer.")
		if err != nil {
			t.Fatal(err)
		}
		reason := cut(h, forum.MaxReasonLength)
		if _, err := a.Forum.RetitleThread(ctx, modUser, th.ID, title, reason); err != nil {
			t.Fatalf("hostileInputs[%d] as a title: %v", i, err)
		}
		if err := a.Moderation.Flag(ctx, author, p.ID, moderation.NewFlag{Kind: moderation.Other, Sentence: cut(h, moderation.MaxSentenceLength)}); err != nil {
			t.Fatalf("hostileInputs[%d] as a flag: %v", i, err)
		}
		if _, err := a.Forum.HidePost(ctx, modUser, p.ID, reason); err != nil {
			t.Fatalf("hostileInputs[%d] as a reason: %v", i, err)
		}
		if _, err := a.Forum.CloseAsDuplicate(ctx, modUser, th.ID, canon.ID, reason); err != nil {
			t.Fatalf("hostileInputs[%d] as a message: %v", i, err)
		}
		threads = append(threads, fmt.Sprintf("/t/%d", th.ID))
	}
	fresh, _ := a.Accounts.ByID(ctx, author.ID)
	for i, h := range hostileInputs[:10] {
		if err := a.Moderation.AnswerDuplicate(ctx, fresh, mustID(t, threads[i]), false, cut(h, moderation.MaxSentenceLength)); err != nil {
			t.Fatalf("hostileInputs[%d] as the asker's sentence: %v", i, err)
		}
	}
	if err := a.Moderation.Suspend(ctx, modUser, canonAuthor.ID, 3, cut(strings.Join(hostileInputs, " "), forum.MaxReasonLength)); err != nil {
		t.Fatal(err)
	}

	mod := browser.Tab(t, srv)
	mod.Login(modUser.Username, testkit.Password)
	for _, path := range []string{"/mod/flags", "/mod/log", "/mod/log?page=2", "/mod/log?page=3", "/mod/users/" + strconv.FormatInt(canonAuthor.ID, 10),
		"/search?q=" + "canonique"} {
		mod.Go(path)
		expectInert(t, mod, path)
	}
	for _, path := range threads {
		mod.Go(path)
		expectInert(t, mod, path)
	}
	// The hidden replies' author reads the reasons, suspended.
	reader := browser.Tab(t, srv)
	reader.Login(canonAuthor.Username, testkit.Password)
	for _, path := range threads[:20] {
		reader.Go(path)
		expectInert(t, reader, path)
	}
}

func mustID(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/t/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
