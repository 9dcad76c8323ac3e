package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/modlog"
	"entraide/internal/testkit"

	"github.com/labstack/echo/v4"
)

// askThread opens a newcomer's thread through the ask flow and returns its
// address.
func askThread(t *testing.T, c *testkit.Client, title, body string) string {
	t.Helper()
	p := c.AskThread(title, "", title, body, testkit.AskedTried)
	if p.Status != http.StatusSeeOther {
		t.Fatalf("ask: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	return p.Location
}

func TestCloseAsDuplicateThroughTheChooserAndTheAskersAnswers(t *testing.T) {
	srv := testkit.NewServer(t)
	helper, _ := srv.NewUser(accounts.Member)
	solver, solverUser := srv.NewUser(accounts.Member)
	asker, _ := srv.NewUser(accounts.Newcomer)
	mod, _ := srv.NewUser(accounts.Moderator)
	canon := openThread(t, helper, "juridique-et-statut", "Facturer la TVA à un client belge en micro-entreprise",
		"Je suis en franchise de TVA et un client belge me demande une facture.")
	sol := replyTo(t, solver, canon, "En franchise, vous facturez hors taxe avec la mention « TVA non applicable, art. 293 B du CGI ».")
	act(t, helper, canon, "/p/"+sol+"/solution")
	dup := askThread(t, asker, "Facture pour un client belge en micro-entreprise et TVA",
		"Un client en Belgique veut une facture : dois-je mettre la TVA ?")
	dupID := threadID(t, dup)

	// The thread page offers the moderators' forms; the chooser proposes
	// the similar thread first, and its search box works without script.
	page := mod.Get(dup)
	if !page.Has(`.mod-tools a[href="/mod/t/` + dupID + `/duplicate"]`) {
		t.Fatalf("no duplicate link for the moderator: %q", page.Text(".mod-tools"))
	}
	chooser := mod.Get("/mod/t/" + dupID + "/duplicate")
	if !strings.Contains(chooser.Text(".similar-choices"), "client belge") {
		t.Fatalf("similar threads: %q", chooser.Text(".similar-choices"))
	}
	found := mod.Post("/mod/t/"+dupID+"/duplicate", form("search", "1", "q", "TVA belge", "message", "Gardé pendant la recherche"))
	if found.Status != http.StatusOK || !strings.Contains(found.Text(".found-choices"), "client belge") ||
		!strings.Contains(found.Body, "Gardé pendant la recherche") {
		t.Fatalf("search inside the form: %d %q", found.Status, found.Text(".found-choices"))
	}
	// Nothing chosen: the message comes back with the form.
	if p := mod.Post("/mod/t/"+dupID+"/duplicate", form("message", "Mon message")); p.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.Body, "Mon message") || p.Text("#error-canonical") == "" {
		t.Fatalf("nothing chosen: %d", p.Status)
	}
	p := mod.Post("/mod/t/"+dupID+"/duplicate", form("canonical", threadID(t, canon), "message", "La réponse est déjà là."))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("close as duplicate: %d %s", p.Status, p.Text(".form-errors"))
	}

	// The asker sees the banner above the question, kindly; no reply box.
	page = asker.Get(dup)
	banner := page.Text(".duplicate-banner")
	if !strings.Contains(banner, "Facturer la TVA à un client belge") || !strings.Contains(banner, "TVA non applicable") ||
		!page.Has(`.duplicate-banner a.canonical-link[href^="/t/`+threadID(t, canon)+`/"]`) {
		t.Fatalf("banner: %q", banner)
	}
	if strings.Contains(strings.ToLower(banner), "chercher avant") || page.Has("#field-body") || !strings.Contains(page.Text(".badges"), "Doublon") {
		t.Fatalf("duplicate page: reply box %v, badges %q", page.Has("#field-body"), page.Text(".badges"))
	}
	if !strings.Contains(asker.Get("/notifications").Text(".notifications"), "a déjà une réponse") {
		t.Fatal("the asker was not notified")
	}
	// Others read the banner without the asker's buttons.
	if page := helper.Get(dup); !page.Has(".duplicate-banner") || page.Has(`form[action="/t/`+dupID+`/duplicate/yes"]`) {
		t.Fatal("a reader sees the asker's answers")
	}
	// Search sends readers to the canonical: the duplicate's own wording
	// finds it, with the duplicate named beside it; the similar-threads
	// finder no longer proposes the duplicate.
	results := helper.Get("/search?q=" + url.QueryEscape("client Belgique facture TVA"))
	if !strings.Contains(results.Text(".search-results .thread-title"), "Facturer la TVA à un client belge") ||
		strings.Contains(results.Text(".search-results .thread-title"), "Facture pour un client belge") ||
		!strings.Contains(results.Text(".also-asked"), "Facture pour un client belge en micro-entreprise") {
		t.Fatalf("search: titles %q, also asked %q", results.Text(".search-results .thread-title"), results.Text(".also-asked"))
	}
	// Lists too: the duplicate's row leads readers to the canonical, its
	// asker to their own question.
	row := `.thread-list a.thread-title[href="%s"]`
	if list := helper.Get("/s/se-lancer"); !list.Has(fmt.Sprintf(row, "/t/"+threadID(t, canon))) {
		t.Fatalf("a reader's list does not lead to the canonical: %q", list.Text(".thread-list"))
	}
	if list := asker.Get("/s/se-lancer"); !list.Has(fmt.Sprintf(row, dup)) {
		t.Fatalf("the asker's list does not lead to their question: %q", list.Text(".thread-list"))
	}
	similar := helper.Get("/search/similar?title=" + url.QueryEscape("Facture client belge micro-entreprise TVA"))
	if strings.Contains(similar.Body, "Facture pour un client belge") || !strings.Contains(similar.Body, "Facturer la TVA") {
		t.Fatalf("similar threads: %s", similar.Body)
	}
	// "Oui" thanks the solution's author.
	before := srv.App.DB.Raw("SELECT thanks_received FROM users WHERE id = ?", solverUser.ID)
	var received int
	before.Scan(&received)
	page = act(t, asker, dup, "/t/"+dupID+"/duplicate/yes")
	var after int
	srv.App.DB.Raw("SELECT thanks_received FROM users WHERE id = ?", solverUser.ID).Scan(&after)
	if after != received+1 || !strings.Contains(page.Text(".duplicate-banner"), "vous convient") {
		t.Fatalf("yes: thanks %d → %d, banner %q", received, after, page.Text(".duplicate-banner"))
	}
	_ = solver
}

func TestAskerSaysTheirQuestionDiffers(t *testing.T) {
	srv := testkit.NewServer(t)
	helper, _ := srv.NewUser(accounts.Member)
	asker, _ := srv.NewUser(accounts.Newcomer)
	mod, _ := srv.NewUser(accounts.Moderator)
	canon := openThread(t, helper, "juridique-et-statut", "Mutuelle obligatoire en micro-entreprise", "Dois-je en prendre une ?")
	dup := askThread(t, asker, "Mutuelle obligatoire pour une salariée à temps partiel", "Mon employeur me propose une mutuelle.")
	dupID := threadID(t, dup)
	mod.Get(dup)
	if p := mod.Post("/mod/t/"+dupID+"/duplicate", form("ref", canon)); p.Status != http.StatusSeeOther {
		t.Fatalf("close by address: %d %s", p.Status, p.Text(".form-errors"))
	}
	if p := asker.Get("/t/" + dupID + "/duplicate/no"); p.Status != http.StatusOK || !p.Has("#field-sentence") {
		t.Fatalf("the asker's form: %d", p.Status)
	}
	if p := asker.Post("/t/"+dupID+"/duplicate/no", form("sentence", "   ")); p.Status != http.StatusUnprocessableEntity || p.Text("#error-sentence") == "" {
		t.Fatalf("empty sentence: %d", p.Status)
	}
	long := strings.Repeat("trop long ", 60)
	if p := asker.Post("/t/"+dupID+"/duplicate/no", form("sentence", long)); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "trop long trop long") {
		t.Fatalf("too long a sentence: %d", p.Status)
	}
	if p := asker.Post("/t/"+dupID+"/duplicate/no", form("sentence", "Je suis salariée, pas indépendante.")); p.Status != http.StatusSeeOther {
		t.Fatalf("no: %d", p.Status)
	}
	// It reaches the moderators' flags, and the header counts it.
	page := mod.Get("/mod/flags")
	if !strings.Contains(page.Text(".flagged"), "Je suis salariée, pas indépendante.") || !strings.Contains(page.Text(".mod-link"), "1") {
		t.Fatalf("flags: %q; header %q", page.Text(".flagged"), page.Text(".mod-link"))
	}
	// Reopening undoes everything: the banner goes, replies come back.
	mod.Get(dup)
	if p := mod.Post("/mod/t/"+dupID+"/do/reopen", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("reopen: %d", p.Status)
	}
	if page := asker.Get(dup); page.Has(".duplicate-banner") || !page.Has("#field-body") {
		t.Fatal("still a duplicate after reopening")
	}
}

func TestHiddenPostsAndFlags(t *testing.T) {
	srv := testkit.NewServer(t)
	asker, _ := srv.NewUser(accounts.Member)
	author, _ := srv.NewUser(accounts.Member)
	mod, _ := srv.NewUser(accounts.Moderator)
	tURL := openThread(t, asker, "entre-nous", "Vos logiciels de facturation préférés", "Lesquels utilisez-vous ?")
	spam := replyTo(t, author, tURL, "Achetez notre logiciel zorglubissime à prix cassé.")
	// Three distinct people flag it (one of them twice): hidden.
	var flaggers []*testkit.Client
	for range 3 {
		c, _ := srv.NewUser(accounts.Member)
		flaggers = append(flaggers, c)
	}
	flaggers[0].Get("/p/" + spam + "/flag")
	if p := flaggers[0].Post("/p/"+spam+"/flag", form("kind", "other")); p.Status != http.StatusUnprocessableEntity || p.Text("#error-sentence") == "" {
		t.Fatalf("other without a sentence: %d", p.Status)
	}
	for i, c := range append(flaggers[:1], flaggers...) {
		c.Get("/p/" + spam + "/flag")
		if p := c.Post("/p/"+spam+"/flag", form("kind", "spam")); p.Status != http.StatusSeeOther {
			t.Fatalf("flag %d: %d", i, p.Status)
		}
	}
	page := asker.Get(tURL)
	if !strings.Contains(page.Text("#p"+spam), "masqué par les modérateurs") || strings.Contains(page.Body, "zorglubissime") {
		t.Fatalf("others see: %q", page.Text("#p"+spam))
	}
	if page := author.Get(tURL); !strings.Contains(page.Body, "zorglubissime") || page.Text(".hidden-notice") == "" {
		t.Fatal("the author does not see their hidden post with the notice")
	}
	lines := mod.Get("/mod/log")
	if !strings.Contains(lines.Text(".mod-log"), "Le forum") || !strings.Contains(lines.Text(".mod-log"), "a masqué un message") {
		t.Fatalf("log: %q", lines.Text(".mod-log"))
	}
	// The moderator dismisses: shown again. Then hides by hand with a
	// reason, which the author reads.
	mod.Get("/mod/flags")
	if p := mod.Post("/mod/flags/"+spam+"/dismiss", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("dismiss: %d", p.Status)
	}
	if strings.Contains(asker.Get(tURL).Text("#p"+spam), "masqué") {
		t.Fatal("still hidden after dismissing")
	}
	mod.Get("/mod/p/" + spam + "/hide")
	if p := mod.Post("/mod/p/"+spam+"/hide", form("reason", "")); p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("hide without a reason: %d", p.Status)
	}
	if p := mod.Post("/mod/p/"+spam+"/hide", form("reason", "Publicité pour un logiciel")); p.Status != http.StatusSeeOther {
		t.Fatalf("hide: %d", p.Status)
	}
	if !strings.Contains(author.Get(tURL).Text(".hidden-notice"), "Publicité pour un logiciel") {
		t.Fatal("the author does not read the reason")
	}
	// Hidden posts leave search.
	if strings.Contains(asker.Get("/search?q=zorglubissime").Text("main"), "Vos logiciels") {
		t.Fatal("search still finds the hidden post")
	}
	// Restored, it is back for everyone, and its author is told.
	mod.Get(tURL)
	if p := mod.Post("/mod/p/"+spam+"/restore", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("restore: %d", p.Status)
	}
	if !strings.Contains(asker.Get(tURL).Body, "zorglubissime") {
		t.Fatal("the restored post is still hidden")
	}
	if got := author.Get("/notifications").Text("main"); !strings.Contains(got, "est de nouveau visible de tous") {
		t.Fatalf("the author is not told of the restore: %q", got)
	}
	// The log filters by moderator, person and action.
	modName := mod.Get("/").Text(".account a[href^='/u/']")
	if got := mod.Get("/mod/log?moderator=" + modName).Text(".mod-log tbody"); !strings.Contains(got, "a masqué un message") || strings.Contains(got, "Le forum") {
		t.Fatalf("filtered by moderator: %q", got)
	}
	if got := mod.Get("/mod/log?action=flags_dismiss").Text(".mod-log tbody"); !strings.Contains(got, "a rejeté des signalements") || strings.Contains(got, "a masqué") {
		t.Fatalf("filtered by action: %q", got)
	}
	if p := mod.Get("/mod/log?person=personne-inconnue"); !strings.Contains(p.Text("main"), "Aucun compte") {
		t.Fatalf("unknown person: %q", p.Text("main"))
	}
}

func TestSuspensionThroughTheFormsAndItsEffectAtOnce(t *testing.T) {
	srv := testkit.NewServer(t)
	member, mu := srv.NewUser(accounts.Member)
	newcomer, nu := srv.NewUser(accounts.Newcomer)
	mod, _ := srv.NewUser(accounts.Moderator)
	tURL := openThread(t, mod, "entre-nous", "Un sujet ouvert par la modération", "Texte.")
	userPage := "/mod/users/" + itoa(mu.ID)
	if p := mod.Get("/u/" + mu.Username); !p.Has(`a.mod-user-link[href="` + userPage + `"]`) {
		t.Fatal("no moderation link on the profile for a moderator")
	}
	if p := newcomer.Get("/u/" + mu.Username); p.Has("a.mod-user-link") {
		t.Fatal("a newcomer sees the moderation link")
	}
	if p := srv.Client().Get("/u/" + mu.Username); p.Status != http.StatusOK || p.Has("a.mod-user-link") {
		t.Fatalf("a visitor's view of the profile: %d", p.Status)
	}
	mod.Get(userPage)
	if p := mod.Post(userPage+"/suspend", form("days", "0", "reason", "Propos répétés")); p.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.Body, "Propos répétés") {
		t.Fatalf("zero days: %d", p.Status)
	}
	if p := mod.Post(userPage+"/suspend", form("days", "7", "reason", "Propos répétés")); p.Status != http.StatusSeeOther {
		t.Fatalf("suspend: %d", p.Status)
	}
	if got := member.Get("/notifications").Text("main"); !strings.Contains(got, "Votre compte a été suspendu") {
		t.Fatalf("the suspended member is not notified: %q", got)
	}
	// The member's next page says why and until when; writing is refused.
	page := member.Get(tURL)
	if !strings.Contains(page.Text(".suspension-notice"), "Propos répétés") || page.Has("#field-body") {
		t.Fatalf("suspended member's page: %q", page.Text(".suspension-notice"))
	}
	if p := member.Post("/t/"+threadID(t, tURL)+"/reply", form("body", "Je réponds quand même.")); p.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.Text(".form-errors"), "suspendu") {
		t.Fatalf("reply while suspended: %d %q", p.Status, p.Text(".form-errors"))
	}
	mod.Get(userPage)
	if p := mod.Post(userPage+"/lift", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("lift: %d", p.Status)
	}
	if page := member.Get(tURL); page.Has(".suspension-notice") || !page.Has("#field-body") {
		t.Fatal("still suspended after the lift")
	}
	if got := member.Get("/notifications").Text("main"); !strings.Contains(got, "Votre suspension a été levée") {
		t.Fatalf("the member is not told of the lift: %q", got)
	}
	// Promote a newcomer: rights change at once.
	mod.Get("/mod/users/" + itoa(nu.ID))
	if p := mod.Post("/mod/users/"+itoa(nu.ID)+"/promote", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("promote: %d", p.Status)
	}
	if p := newcomer.Get("/new"); p.Status != http.StatusOK {
		t.Fatalf("the promoted member's /new: %d", p.Status)
	}
	if got := newcomer.Get("/notifications").Text("main"); !strings.Contains(got, "Vous êtes maintenant membre du forum") {
		t.Fatalf("the promoted member is not told what changed: %q", got)
	}
	if got := mod.Get("/mod/log?person=" + mu.Username).Text(".mod-log tbody"); !strings.Contains(got, "a suspendu") || !strings.Contains(got, "a levé la suspension") {
		t.Fatalf("log for the member: %q", got)
	}
}

func TestThreadActionsThroughTheForms(t *testing.T) {
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	mod, _ := srv.NewUser(accounts.Moderator)
	tURL := openThread(t, member, "entre-nous", "Un sujet à ranger ailleurs", "Texte.")
	id := threadID(t, tURL)
	page := act(t, mod, tURL, "/mod/t/"+id+"/do/close")
	if !strings.Contains(page.Text(".badges"), "Fermé") || !strings.Contains(page.Text(".flash"), "fermé") {
		t.Fatalf("closed: %q", page.Text(".badges"))
	}
	if p := member.Get(tURL); p.Has("#field-body") || !strings.Contains(p.Text(".notice"), "fermé") {
		t.Fatal("a closed thread still takes replies")
	}
	// Closing twice answers with a message, never an error page.
	if page := act(t, mod, tURL, "/mod/t/"+id+"/do/close"); !strings.Contains(page.Text(".flash"), "déjà") {
		t.Fatalf("closing twice: %q", page.Text(".flash"))
	}
	act(t, mod, tURL, "/mod/t/"+id+"/do/reopen")
	edit := mod.Get("/mod/t/" + id + "/edit")
	if edit.Status != http.StatusOK {
		t.Fatalf("edit page: %d", edit.Status)
	}
	if p := mod.Post("/mod/t/"+id+"/title", form("title", "court")); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Body, `value="court"`) {
		t.Fatalf("short title: %d", p.Status)
	}
	p := mod.Post("/mod/t/"+id+"/title", form("title", "Un sujet rangé et renommé"))
	if p.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(p).Text("h1"), "Un sujet rangé et renommé") {
		t.Fatalf("retitle: %d", p.Status)
	}
	sec := sectionID(t, member, "outils-et-logiciels")
	p = mod.Post("/mod/t/"+id+"/move", form("section", sec))
	if p.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(p).Text(".breadcrumb"), "Outils") {
		t.Fatalf("move: %d", p.Status)
	}
	if p := mod.Get("/s/outils-et-logiciels"); !strings.Contains(p.Text(".thread-list"), "Un sujet rangé et renommé") {
		t.Fatal("the moved thread is not in its new section")
	}
}

// TestNoRouteChangesTheLog sends every POST route the forum answers, as an
// admin with a plausible form, and checks that the lines already in the
// moderation log are exactly as they were: routes add lines, none edits
// or removes one (the database's triggers refuse it too, see modlog).
func TestNoRouteChangesTheLog(t *testing.T) {
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	member, _ := srv.NewUser(accounts.Member)
	tURL := openThread(t, member, "entre-nous", "Un sujet pour le journal de modération", "Texte.")
	id := threadID(t, tURL)
	replyTo(t, admin, tURL, "Une réponse.")
	act(t, admin, tURL, "/mod/t/"+id+"/do/pin")
	act(t, admin, tURL, "/mod/t/"+id+"/do/lock")
	snapshot := func() map[int64]modlog.Line {
		out := map[int64]modlog.Line{}
		for page := 1; ; page++ {
			lines, more, err := srv.App.ModLog.List(context.Background(), modlog.Filter{}, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range lines {
				l.ThreadTitle = "" // the thread's current title, which a route may change
				out[l.ID] = l
			}
			if !more {
				return out
			}
		}
	}
	before := snapshot()
	if len(before) != 2 {
		t.Fatalf("%d lines before", len(before))
	}
	routes := srv.HTTP.Config.Handler.(*echo.Echo).Routes()
	sort.SliceStable(routes, func(i, j int) bool { return routes[i].Path != "/logout" && routes[j].Path == "/logout" }) // log out last
	params := strings.NewReplacer(":id", id, ":action", "unlock", ":resolution", "dismiss", ":token", "x", ":reply", "1", ":slug", "x", ":section", "x")
	values := form("reason", "x", "title", "Un autre titre pour le journal", "section", "1", "days", "1", "kind", "spam", "sentence", "x",
		"body", "x", "canonical", "1", "role", "member", "name", "Une spécialité")
	posted := 0
	for _, r := range routes {
		if r.Method != http.MethodPost {
			continue
		}
		admin.Get("/")
		admin.Post(params.Replace(r.Path), values)
		posted++
	}
	after := snapshot()
	for lid, l := range before {
		got, ok := after[lid]
		if !ok || got.Action != l.Action || *got.ActorID != *l.ActorID || got.Reason != l.Reason || got.Detail != l.Detail || !got.CreatedAt.Equal(l.CreatedAt) {
			t.Errorf("line %d changed after %d POST routes: %+v → %+v", lid, posted, l, got)
		}
	}
	if posted < 40 || len(after) <= len(before) {
		t.Fatalf("%d POST routes sent, %d lines after", posted, len(after))
	}
}

// TestDuplicateFlagAndOneClickClose is a member flagging a question as a
// duplicate of a thread the flag form proposes, and a moderator closing it
// from /mod/flags in one click.
func TestDuplicateFlagAndOneClickClose(t *testing.T) {
	srv := testkit.NewServer(t)
	helper, _ := srv.NewUser(accounts.Member)
	asker, _ := srv.NewUser(accounts.Member)
	flagger, _ := srv.NewUser(accounts.Member)
	mod, _ := srv.NewUser(accounts.Moderator)
	canon := openThread(t, helper, "outils-et-logiciels", "Quel logiciel de facturation pour une secrétaire indépendante ?", "Lequel choisir ?")
	dup := openThread(t, asker, "outils-et-logiciels", "Logiciel de facturation pour secrétaire indépendante", "Vous utilisez quoi ?")
	first := flagger.Get(dup).Doc.Find("article.post.first").AttrOr("id", "")
	postID := strings.TrimPrefix(first, "p")
	page := flagger.Get("/p/" + postID + "/flag")
	radio := page.Doc.Find(`.similar-choices input[value="` + threadID(t, canon) + `"]`)
	if radio.Length() != 1 {
		t.Fatalf("the flag form does not propose the similar thread: %q", page.Text(".similar-choices"))
	}
	if p := flagger.Post("/p/"+postID+"/flag", form("kind", "duplicate")); p.Status != http.StatusUnprocessableEntity || p.Text("#error-canonical") == "" {
		t.Fatalf("duplicate without a thread: %d", p.Status)
	}
	if p := flagger.Post("/p/"+postID+"/flag", form("kind", "duplicate", "canonical", threadID(t, canon))); p.Status != http.StatusSeeOther {
		t.Fatalf("flag: %d %s", p.Status, p.Text(".form-errors"))
	}
	flags := mod.Get("/mod/flags")
	if !strings.Contains(flags.Text(".flag-lines"), "Quel logiciel de facturation") {
		t.Fatalf("flags: %q", flags.Text(".flagged"))
	}
	if p := mod.Post("/mod/flags/"+postID+"/duplicate", nil); p.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(p).Text(".flash"), "doublon") {
		t.Fatalf("one-click close: %d", p.Status)
	}
	if page := asker.Get(dup); !strings.Contains(page.Text(".duplicate-banner"), "Quel logiciel de facturation") {
		t.Fatalf("banner after the one-click close: %q", page.Text(".duplicate-banner"))
	}
	if strings.Contains(mod.Get("/mod/flags").Text("main"), "Logiciel de facturation pour secrétaire") {
		t.Fatal("the flag is still pending")
	}
}

// A suspended moderator loses the tools with the right to write: the
// header hides them, every /mod page says why, the domain refuses the
// actions, and all comes back when the suspension is lifted.
func TestSuspendedModeratorLosesTheTools(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	mod, mu := srv.NewUser(accounts.Moderator)
	member, _ := srv.NewUser(accounts.Member)
	tURL := openThread(t, member, "entre-nous", "Un sujet que la modération regarde", "Texte.")
	if p := mod.Get("/mod"); p.Status != http.StatusOK || !p.Has("a.mod-link") {
		t.Fatalf("moderator before the suspension: %d", p.Status)
	}
	userPage := "/mod/users/" + itoa(mu.ID)
	admin.Get(userPage)
	if p := admin.Post(userPage+"/suspend", form("days", "3", "reason", "Décisions contestées")); p.Status != http.StatusSeeOther {
		t.Fatalf("admin suspends the moderator: %d", p.Status)
	}
	for _, path := range []string{"/mod", "/mod/queue", "/mod/words", "/mod/flags", "/mod/log", "/mod/t/" + threadID(t, tURL) + "/duplicate"} {
		p := mod.Get(path)
		if p.Status != http.StatusForbidden || !strings.Contains(p.Text("main"), "outils de modération vous sont fermés") {
			t.Fatalf("%s while suspended: %d %q", path, p.Status, p.Text("main"))
		}
		if p.Has("a.mod-link") {
			t.Fatalf("%s: the header still shows the moderators' link", path)
		}
	}
	mod.Get(tURL)
	if p := mod.Post("/mod/words", form("pattern", "arnaque", "action", "block")); p.Status != http.StatusForbidden {
		t.Fatalf("a watched word added while suspended: %d", p.Status)
	}
	if p := mod.Post("/mod/t/"+threadID(t, tURL)+"/do/close", nil); p.Status != http.StatusForbidden {
		t.Fatalf("a thread closed while suspended: %d", p.Status)
	}
	if got := mod.Get(tURL).Text(".badges"); strings.Contains(got, "Fermé") {
		t.Fatalf("the thread was closed: %q", got)
	}
	admin.Get(userPage)
	if p := admin.Post(userPage+"/lift", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("lift: %d", p.Status)
	}
	if p := mod.Get("/mod/words"); p.Status != http.StatusOK || !p.Has("a.mod-link") {
		t.Fatalf("after the lift: %d", p.Status)
	}
}
