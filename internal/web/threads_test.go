package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"

	"github.com/PuerkitoBio/goquery"
)

func TestMemberOpensThreadAndOthersReply(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, mu := srv.NewUser(accounts.Member)
	url := member.OpenThread("comptabilite-et-tarifs", "Quel tarif horaire pour de la saisie ?", "Je débute et j'hésite entre **25 €** et 30 € de l'heure.")
	if !strings.HasPrefix(url, "/t/") || !strings.HasSuffix(url, "/quel-tarif-horaire-pour-de-la-saisie") {
		t.Fatalf("thread address %q", url)
	}
	page := member.Get(url)
	if page.Text("h1") != "Quel tarif horaire pour de la saisie ?" || !strings.Contains(page.Text(".flash"), "publié") {
		t.Fatalf("thread page: h1 %q flash %q", page.Text("h1"), page.Text(".flash"))
	}
	if page.Doc.Find(".post.first .post-body strong").Text() != "25 €" {
		t.Errorf("Markdown not rendered: %s", page.Text(".post.first .post-body"))
	}
	if page.Text(".breadcrumb") != "Accueil › Comptabilité et tarifs" {
		t.Errorf("breadcrumb %q", page.Text(".breadcrumb"))
	}

	newcomer, nu := srv.NewUser(accounts.Newcomer)
	id := testkit.ThreadID(t, url)
	newcomer.Get(url)
	p := newcomer.Post("/t/"+id+"/reply", form("body", "Merci pour la question, je me la posais aussi !"))
	if p.Status != http.StatusSeeOther || !strings.Contains(p.Location, "#p") {
		t.Fatalf("reply: %d %q", p.Status, p.Location)
	}
	page = newcomer.Follow(p)
	if got := page.Text(".post:not(.first) .post-body"); !strings.Contains(got, "je me la posais aussi") {
		t.Fatalf("reply not shown: %q", got)
	}
	if got := page.Text(".post:not(.first) .author"); got != nu.Username {
		t.Errorf("reply author %q", got)
	}
	home := srv.Client().Get("/")
	if !strings.Contains(home.Text(".thread-list"), "Quel tarif horaire") || !strings.Contains(home.Text(".thread-list"), "1 réponse") {
		t.Errorf("home latest: %q", home.Text(".thread-list"))
	}
	if !strings.Contains(home.Text(".section-item"), "1 sujet · 2 messages") {
		t.Errorf("section counts: %q", home.Text(".section-item"))
	}
	profile := srv.Client().Get("/u/" + mu.Username)
	if !strings.Contains(profile.Text(".thread-list"), "Quel tarif horaire") {
		t.Errorf("profile activity: %q", profile.Text("main"))
	}
}

func TestThreadFormKeepsInputAndExplains(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	member.Get("/new")
	p := member.Post("/new", form("section", "", "title", "Court", "body", "Un message qui ne doit pas se perdre."))
	if p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", p.Status)
	}
	if !strings.Contains(p.Text("#error-title"), "au moins 10 caractères") || !strings.Contains(p.Text("#error-section"), "Choisissez") {
		t.Errorf("messages: title %q section %q", p.Text("#error-title"), p.Text("#error-section"))
	}
	if p.Text("#field-body") != "Un message qui ne doit pas se perdre." {
		t.Errorf("body lost: %q", p.Text("#field-body"))
	}
}

func TestNewcomersThreadsGoToTheNewcomersSection(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	member, _ := srv.NewUser(accounts.Member)
	// A newcomer's "Ouvrir un sujet" is the ask flow.
	if p := newcomer.Get("/new"); p.Status != http.StatusSeeOther || p.Location != "/ask" {
		t.Fatalf("newcomer /new: %d %q", p.Status, p.Location)
	}
	token := newcomer.AskToken("trouver mes premiers clients")
	page := newcomer.Get("/ask/" + token + "/write")
	if page.Has("#field-section") || !strings.Contains(page.Text(".notice"), "rubrique des nouveaux membres") {
		t.Fatalf("newcomer form: section select %v, notice %q", page.Has("#field-section"), page.Text(".notice"))
	}
	// Even a forged section id lands in the newcomers' section.
	p := newcomer.Post("/ask/write", form("session", token, "section", member.SectionID("entre-nous"), "title", "Comment trouver mes premiers clients ?",
		"body", "Bonjour, je me lance.", "tried", "J'ai lu le guide pour démarrer et la page sur la prospection.", "reviewed", "1"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("status %d %q", p.Status, p.Text(".form-errors"))
	}
	page = newcomer.Follow(p)
	if !strings.Contains(page.Text(".breadcrumb"), "Se lancer") {
		t.Fatalf("filed in %q", page.Text(".breadcrumb"))
	}
	// The section pages offer to open a thread only where the rule lets
	// the reader: a newcomer in the newcomers' section, not elsewhere.
	if !newcomer.Get("/s/se-lancer").Has(`.page-head a[href^="/new"]`) {
		t.Error("the newcomers' section does not offer a newcomer to open a thread")
	}
	if newcomer.Get("/s/entre-nous").Has(`.page-head a[href^="/new"]`) {
		t.Error("a members' section offers a newcomer to open a thread there")
	}
}

func TestEditKeepsHistoryForAuthorAndModerators(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("outils-et-logiciels", "Quel logiciel de standard téléphonique ?", "Version d'origine du message.")
	page := member.Get(url)
	edit, _ := page.Doc.Find(".post.first .post-actions a[href$='/edit']").Attr("href")
	if edit == "" {
		t.Fatal("no edit link on one's own post")
	}
	member.Get(edit)
	p := member.Post(edit, form("title", "Quel standard téléphonique virtuel choisir ?", "body", "Version corrigée du message."))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	page = member.Follow(p)
	if page.Text("h1") != "Quel standard téléphonique virtuel choisir ?" || !strings.Contains(page.Text(".post.first .post-body"), "Version corrigée") {
		t.Fatalf("after edit: %q / %q", page.Text("h1"), page.Text(".post.first .post-body"))
	}
	history, _ := page.Doc.Find(".post.first .edited a").Attr("href")
	if history == "" {
		t.Fatal("no history link for the author")
	}
	for who, c := range map[string]*testkit.Client{"author": member, "moderator": first(srv.NewUser(accounts.Moderator))} {
		h := c.Get(history)
		if h.Status != http.StatusOK || !strings.Contains(h.Text(".revision"), "Version d'origine du message.") || !strings.Contains(h.Text(".revision"), "Quel logiciel de standard") {
			t.Errorf("%s sees history: %d %q", who, h.Status, h.Text("main"))
		}
	}
	other, _ := srv.NewUser(accounts.Member)
	if h := other.Get(history); h.Status != http.StatusForbidden {
		t.Errorf("another member reads the history: %d", h.Status)
	}
	if p := other.Get(edit); p.Status != http.StatusForbidden {
		t.Errorf("another member opens the edit form: %d", p.Status)
	}
}

func first(c *testkit.Client, _ *accounts.User) *testkit.Client { return c }

func TestOnlyTheAuthorEditsOrDeletes(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Comment organisez-vous vos pauses ?", "Je travaille avec un casque toute la journée.")
	page := member.Get(url)
	postEdit, _ := page.Doc.Find(".post.first .post-actions a[href$='/edit']").Attr("href")
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	newcomer.Get(url)
	if p := newcomer.Post(postEdit, form("title", "Titre détourné par une autre", "body", "Texte remplacé")); p.Status != http.StatusForbidden {
		t.Fatalf("a newcomer edited another member's post: %d", p.Status)
	} else if !strings.Contains(p.Text("main"), "pas le droit") {
		t.Errorf("403 page: %q", p.Text("main"))
	}
	del := strings.Replace(postEdit, "/edit", "/delete", 1)
	if p := newcomer.Post(del, nil); p.Status != http.StatusForbidden {
		t.Fatalf("a newcomer deleted another member's post: %d", p.Status)
	}
	if got := srv.Client().Get(url).Text(".post.first .post-body"); !strings.Contains(got, "casque") {
		t.Fatalf("the post changed: %q", got)
	}
	if p := newcomer.Post("/t/"+testkit.ThreadID(t, url)+"/reply", form("body", "Je fais une pause toutes les heures.")); p.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d", p.Status)
	}
	// The author cannot delete a thread others answered.
	member.Get(del)
	p := member.Post(del, nil)
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "leurs réponses") {
		t.Fatalf("deleting an answered thread: %d %q", p.Status, p.Text(".form-errors"))
	}
}

func TestDeleteReplyLeavesPlaceholderAndDeleteThread(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Vos astuces pour ne pas perdre le fil ?", "Je note tout dans un cahier.")
	id := testkit.ThreadID(t, url)
	member.Get(url)
	p := member.Post("/t/"+id+"/reply", form("body", "Une réponse que je vais retirer."))
	reply := member.Follow(p)
	del, _ := reply.Doc.Find(".post:not(.first) .post-actions a[href$='/delete']").Attr("href")
	if !strings.Contains(member.Get(del).Text("main"), "Voulez-vous vraiment") {
		t.Fatal("no confirmation page")
	}
	if p := member.Post(del, nil); p.Status != http.StatusSeeOther {
		t.Fatalf("delete reply: %d", p.Status)
	}
	page := srv.Client().Get(url)
	if strings.Contains(page.Body, "Une réponse que je vais retirer") || !strings.Contains(page.Text(".post .deleted"), "supprimé") {
		t.Fatalf("deleted reply: %q", page.Text("main"))
	}
	if !strings.Contains(page.Text(".meta"), "0 réponse") {
		t.Errorf("reply count: %q", page.Text(".meta"))
	}
	firstDel, _ := member.Get(url).Doc.Find(".post.first .post-actions a[href$='/delete']").Attr("href")
	member.Get(firstDel)
	if p := member.Post(firstDel, nil); p.Status != http.StatusSeeOther || p.Location != "/s/entre-nous" {
		t.Fatalf("delete thread: %d %q", p.Status, p.Location)
	}
	if p := srv.Client().Get(url); p.Status != http.StatusNotFound {
		t.Fatalf("deleted thread answers %d", p.Status)
	}
	if strings.Contains(srv.Client().Get("/s/entre-nous").Body, "Vos astuces") {
		t.Fatal("deleted thread still listed")
	}
}

func TestQuoteWithoutJavaScript(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, mu := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Un café virtuel le vendredi ?", "Qui serait partante pour un café en visio ?")
	other, _ := srv.NewUser(accounts.Member)
	page := other.Get(url)
	quote, _ := page.Doc.Find(".post.first .post-actions a[href*='quote=']").Attr("href")
	form := other.Get(quote)
	body := form.Text("#field-body")
	if !strings.Contains(body, mu.Username) || !strings.Contains(body, "> Qui serait partante") {
		t.Fatalf("quoted reply form: %q", body)
	}
}

func TestThreadPagesAndAddresses(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Un long fil pour tester les pages", "Premier message.")
	id := testkit.ThreadID(t, url)
	for i := 2; i <= 45; i++ {
		member.Get(url)
		if p := member.Post("/t/"+id+"/reply", form("body", fmt.Sprintf("Réponse numéro %d.", i))); p.Status != http.StatusSeeOther {
			t.Fatalf("reply %d: %d", i, p.Status)
		}
	}
	visitor := srv.Client()
	if p := visitor.Get("/t/" + id); p.Status != http.StatusMovedPermanently || p.Location != url {
		t.Fatalf("/t/{id} → %d %q", p.Status, p.Location)
	}
	if p := visitor.Get("/t/" + id + "?page=2"); p.Status != http.StatusMovedPermanently || p.Location != url+"?page=2" {
		t.Fatalf("/t/{id}?page=2 → %d %q, want the full address of page 2", p.Status, p.Location)
	}
	if p := visitor.Get("/t/" + id + "/mauvais-titre?page=2"); p.Location != url+"?page=2" {
		t.Fatalf("wrong slug → %q", p.Location)
	}
	page := visitor.Get(url + "?page=3")
	posts := page.Doc.Find(".post")
	if posts.Length() != 5 || !strings.Contains(posts.First().Text(), "Réponse numéro 41.") {
		t.Fatalf("page 3 has %d posts, first %q", posts.Length(), posts.First().Text())
	}
	if page.Text(".pager [aria-current]") != "3" {
		t.Errorf("current page %q", page.Text(".pager [aria-current]"))
	}
	if p := visitor.Get(url + "?page=4"); p.Status != http.StatusNotFound {
		t.Errorf("page 4 answers %d", p.Status)
	}
	if p := visitor.Get(url + "?page=abc"); p.Status != http.StatusNotFound {
		t.Errorf("page abc answers %d", p.Status)
	}
}

func TestSectionPagesByActivityWithPinnedFirst(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one member opens 35 threads
	member, _ := srv.NewUser(accounts.Member)
	for i := 1; i <= 35; i++ {
		member.OpenThread("trouver-des-clients", fmt.Sprintf("Sujet de prospection numéro %02d", i), "Texte.")
	}
	if err := srv.App.DB.Exec("UPDATE threads SET pinned = TRUE WHERE title = ?", "Sujet de prospection numéro 01").Error; err != nil {
		t.Fatal(err)
	}
	visitor := srv.Client()
	page := visitor.Get("/s/trouver-des-clients")
	titles := page.Doc.Find(".thread-title").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(titles) != 31 || titles[0] != "Sujet de prospection numéro 01" || titles[1] != "Sujet de prospection numéro 35" {
		t.Fatalf("first page: %d titles, starting %q", len(titles), titles[:2])
	}
	older, ok := page.Doc.Find(".pager a[rel=next]").Attr("href")
	if !ok {
		t.Fatal("no link to older threads")
	}
	page = visitor.Get(older)
	titles = page.Doc.Find(".thread-title").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(titles) != 4 || titles[0] != "Sujet de prospection numéro 05" || titles[3] != "Sujet de prospection numéro 02" {
		t.Fatalf("second page: %q", titles)
	}
	newer, ok := page.Doc.Find(".pager a[rel=prev]").Attr("href")
	if !ok || page.Has(".pager a[rel=next]") {
		t.Fatal("second page links are wrong")
	}
	if p := visitor.Get(newer); p.Status != http.StatusSeeOther || p.Location != "/s/trouver-des-clients" {
		t.Fatalf("back to the first page: %d %q", p.Status, p.Location)
	}
	page = visitor.Get("/s/trouver-des-clients")
	if n := page.Doc.Find(".thread-title").Length(); n != 31 || page.Text(".thread-title") == "" {
		t.Fatalf("the first page again: %d threads", n)
	}
	if p := visitor.Get("/s/nexiste-pas"); p.Status != http.StatusNotFound {
		t.Fatalf("missing section: %d", p.Status)
	}
}
