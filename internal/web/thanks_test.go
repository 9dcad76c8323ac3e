package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/rules"
	"entraide/internal/testkit"

	"github.com/PuerkitoBio/goquery"
)

func counters(t *testing.T, srv *testkit.Server, userID int64) (received, given, solutions, unread int) {
	t.Helper()
	row := srv.App.DB.Raw("SELECT thanks_received, thanks_given, solution_count, unread_notifications FROM users WHERE id = ?", userID).Row()
	if err := row.Scan(&received, &given, &solutions, &unread); err != nil {
		t.Fatal(err)
	}
	return
}

func TestThankWithdrawAndRefusals(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, au := srv.NewUser(accounts.Newcomer)
	helper, hu := srv.NewUser(accounts.Member)
	first, fu := srv.NewUser(accounts.Newcomer) // a newcomer on their first day
	thread := asker.AskQuestion("Comment fixer mon premier tarif ?", "Je démarre et je ne sais pas par où commencer.")
	reply := helper.Reply(thread, "Regardez les tarifs moyens de la région, puis ajoutez vos charges.")

	page := first.Act(thread, "/p/"+reply+"/thank")
	if !strings.Contains(page.Text(".flash"), "Merci envoyé") {
		t.Errorf("flash after thanks: %q", page.Text(".flash"))
	}
	if got := page.Text("#thanks-" + reply); !strings.Contains(got, "1 merci") || !strings.Contains(got, "Retirer mon merci") {
		t.Errorf("thanks control after thanking: %q", got)
	}
	if got := page.Text("#p" + reply + " .author-thanks"); got != "1 merci reçu" {
		t.Errorf("author line: %q", got)
	}
	if r, _, _, _ := counters(t, srv, hu.ID); r != 1 {
		t.Errorf("received: %d", r)
	}
	if _, g, _, _ := counters(t, srv, fu.ID); g != 1 {
		t.Errorf("given: %d", g)
	}
	profile := first.Get("/u/" + hu.Username)
	if got := profile.Text(".stats"); !strings.Contains(got, "Mercis reçus1") {
		t.Errorf("profile: %q", got)
	}
	who := first.Get("/p/" + reply + "/thanks")
	if who.Status != http.StatusOK || !strings.Contains(who.Text(".thankers"), fu.Username) {
		t.Errorf("who thanked: %d %q", who.Status, who.Text("main"))
	}
	// Thanking again changes nothing.
	first.Act(thread, "/p/"+reply+"/thank")
	var n int
	srv.App.DB.Raw("SELECT thank_count FROM posts WHERE id = ?", reply).Scan(&n)
	if n != 1 {
		t.Errorf("thanked twice: count %d", n)
	}

	page = first.Act(thread, "/p/"+reply+"/unthank")
	if got := page.Text("#thanks-" + reply); strings.Contains(got, "merci ") || !strings.Contains(got, "Merci") {
		t.Errorf("after withdrawing: %q", got)
	}
	if r, _, _, _ := counters(t, srv, hu.ID); r != 0 {
		t.Errorf("received after withdrawal: %d", r)
	}

	// Self-thanks: no button, and the form refused with a message, not an error page.
	page = helper.Get(thread)
	if page.Has("#thanks-" + reply + " form") {
		t.Error("the author is offered to thank their own post")
	}
	page = helper.Act(thread, "/p/"+reply+"/thank")
	if !strings.Contains(page.Text(".flash"), "vous remercier vous-même") {
		t.Errorf("self-thanks message: %q", page.Text(".flash"))
	}
	helper.Header.Set("X-Requested-With", "entraide")
	p := helper.Post("/p/"+reply+"/thank", nil)
	helper.Header.Del("X-Requested-With")
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".action-error"), "vous-même") {
		t.Errorf("self-thanks in place: %d %q", p.Status, p.Body)
	}

	// In place: the answer is the control as it now stands.
	first.Get(thread)
	first.Header.Set("X-Requested-With", "entraide")
	p = first.Post("/p/"+reply+"/thank", form("next", thread))
	first.Header.Del("X-Requested-With")
	if p.Status != http.StatusOK || !strings.Contains(p.Text(".thanks"), "1 merci") || !p.Has(`form[action="/p/`+reply+`/unthank"]`) {
		t.Errorf("thanks in place: %d %q", p.Status, p.Body)
	}

	// A deleted post takes no thanks.
	gone := helper.Reply(thread, "Une réponse que je vais retirer.")
	helper.Get("/p/" + gone + "/delete")
	if p := helper.Post("/p/"+gone+"/delete", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("delete: %d", p.Status)
	}
	page = first.Act(thread, "/p/"+gone+"/thank")
	if !strings.Contains(page.Text(".flash"), "supprimé") {
		t.Errorf("thanks on a deleted post: %q", page.Text(".flash"))
	}
	if p := srv.Client().Get("/p/999999/thanks"); p.Status != http.StatusNotFound {
		t.Errorf("thankers of a missing post: %d", p.Status)
	}
	_ = au
}

// TestConcurrentThanksEndWithOne sends a hundred thank-yous for one post by
// one person at once: the database keeps one, and the counters say one.
func TestConcurrentThanksEndWithOne(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, _ := srv.NewUser(accounts.Member)
	helper, hu := srv.NewUser(accounts.Member)
	clicker, cu := srv.NewUser(accounts.Newcomer)
	thread := asker.OpenThread("entre-nous", "Un sujet très remercié", "Question.")
	reply := helper.Reply(thread, "Réponse utile.")
	page := clicker.Get(thread)
	token, _ := page.Doc.Find(`input[name="csrf"]`).First().Attr("value")
	var cookie []string
	for _, ck := range clicker.Cookies() {
		cookie = append(cookie, ck.Name+"="+ck.Value)
	}
	var wg sync.WaitGroup
	statuses := make([]int, 100)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/p/"+reply+"/thank", strings.NewReader(url.Values{"csrf": {token}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Cookie", strings.Join(cookie, "; "))
			req.Header.Set("X-Requested-With", "entraide")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	for i, s := range statuses {
		if s != http.StatusOK {
			t.Fatalf("click %d: status %d", i, s)
		}
	}
	var rows, count int
	srv.App.DB.Raw("SELECT COUNT(*) FROM thanks WHERE post_id = ?", reply).Scan(&rows)
	srv.App.DB.Raw("SELECT thank_count FROM posts WHERE id = ?", reply).Scan(&count)
	r, _, _, unread := counters(t, srv, hu.ID)
	_, g, _, _ := counters(t, srv, cu.ID)
	if rows != 1 || count != 1 || r != 1 || g != 1 || unread != 1 {
		t.Fatalf("after 100 clicks: %d rows, count %d, received %d, given %d, unread %d", rows, count, r, g, unread)
	}
}

func TestSolutionByAuthorAndModeratorsOnly(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, au := srv.NewUser(accounts.Newcomer)
	helper, hu := srv.NewUser(accounts.Member)
	other, _ := srv.NewUser(accounts.Member)
	mod, _ := srv.NewUser(accounts.Moderator)
	thread := asker.AskQuestion("Quel logiciel pour la transcription ?", "J'hésite entre plusieurs logiciels de transcription.")
	first := helper.Reply(thread, "Essayez Express Scribe avec une pédale : vous gagnerez beaucoup de temps.")
	second := other.Reply(thread, "Moi j'utilise un simple lecteur.")

	page := other.Act(thread, "/p/"+first+"/solution")
	if !strings.Contains(page.Text(".flash"), "Seule la personne qui a posé la question") || page.Has(".solution-box") {
		t.Fatalf("solution by someone else: %q", page.Text(".flash"))
	}
	if other.Get(thread).Has(`form[action="/p/` + first + `/solution"]`) {
		t.Error("someone else is offered to choose the solution")
	}
	if page := asker.Act(thread, "/t/1/solution/remove"); page.Has(".solution-box") {
		t.Error("removing nothing showed a solution")
	}
	page = asker.Act(thread, "/p/"+first+"/solution")
	if !strings.Contains(page.Text(".page-head .badges"), "Résolu") {
		t.Errorf("thread badge: %q", page.Text(".page-head"))
	}
	if got := page.Text(".solution-box"); !strings.Contains(got, "Réponse retenue") || !strings.Contains(got, "Express Scribe") {
		t.Errorf("solution box: %q", got)
	}
	if !strings.Contains(page.Text("#p"+first+" .post-head"), "Réponse retenue") {
		t.Errorf("solution badge on the post: %q", page.Text("#p"+first+" .post-head"))
	}
	// Choosing also thanked the author.
	r, _, solutions, _ := counters(t, srv, hu.ID)
	if r != 1 || solutions != 1 {
		t.Errorf("helper after the solution: received %d, solutions %d", r, solutions)
	}
	if got := srv.Client().Get("/s/se-lancer").Text(".thread-item .badges"); !strings.Contains(got, "Résolu") {
		t.Errorf("section list badge: %q", got)
	}
	// The question itself is not a solution.
	page = asker.Act(thread, "/p/"+postOne(t, srv, thread)+"/solution")
	if !strings.Contains(page.Text(".flash"), "pas la question") {
		t.Errorf("question as solution: %q", page.Text(".flash"))
	}
	// A moderator changes it; the counts follow.
	page = mod.Act(thread, "/p/"+second+"/solution")
	if !strings.Contains(page.Text(".solution-box"), "simple lecteur") {
		t.Errorf("moderator's choice: %q", page.Text(".solution-box"))
	}
	if _, _, s, _ := counters(t, srv, hu.ID); s != 0 {
		t.Errorf("previous solution still counted: %d", s)
	}
	page = asker.Act(thread, "/t/"+testkit.ThreadID(t, thread)+"/solution/remove")
	if page.Has(".solution-box") || strings.Contains(page.Text(".page-head"), "Résolu") {
		t.Error("solution still shown after removal")
	}
	var sum int
	srv.App.DB.Raw("SELECT COALESCE(SUM(solution_count), 0) FROM users").Scan(&sum)
	if sum != 0 {
		t.Errorf("solutions counted after removal: %d", sum)
	}
	_ = au
}

// postOne returns the id of the question of the thread at url.
func postOne(t *testing.T, srv *testkit.Server, threadURL string) string {
	t.Helper()
	var id int64
	srv.App.DB.Raw("SELECT id FROM posts WHERE thread_id = ? AND position = 1", testkit.ThreadID(t, threadURL)).Scan(&id)
	return itoa(id)
}

func TestReminderAppearsAndGoesWhenAcknowledged(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, _ := srv.NewUser(accounts.Newcomer)
	a, _ := srv.NewUser(accounts.Member)
	b, _ := srv.NewUser(accounts.Member)
	c, _ := srv.NewUser(accounts.Member)
	thread := asker.AskQuestion("Faut-il un contrat pour chaque client ?", "Je travaille sans contrat pour l'instant.")
	ra := a.Reply(thread, "Oui, même un devis signé suffit au début.")
	rb := b.Reply(thread, "Un contrat-cadre vous protège.")
	rc := c.Reply(thread, "Voyez le modèle du guide.")
	page := asker.Get(thread)
	if page.Doc.Find(".reminder").Length() != 3 || !strings.Contains(page.Text(".reminder-banner"), "3 réponses attendent") {
		t.Fatalf("reminders: %d, banner %q", page.Doc.Find(".reminder").Length(), page.Text(".reminder-banner"))
	}
	if a.Get(thread).Has(".reminder") {
		t.Error("someone else sees the asker's reminders")
	}
	asker.Act(thread, "/p/"+ra+"/thank")
	asker.Act(thread, "/p/"+rb+"/not-helpful")
	page = asker.Act(thread, "/p/"+rc+"/solution")
	if page.Has(".reminder") || page.Has(".reminder-banner") {
		t.Errorf("reminders left: %q", page.Text(".reminder"))
	}
	if !strings.Contains(page.Text("#p"+rb), "ne vous a pas aidé") {
		t.Errorf("the asker does not see their private mark: %q", page.Text("#p"+rb))
	}
	if strings.Contains(b.Get(thread).Text("main"), "pas aidé") {
		t.Error("the author of the reply sees the private mark")
	}
	// Undone, the reminder comes back.
	page = asker.Act(thread, "/p/"+rb+"/not-helpful", "undo", "1")
	if page.Doc.Find(".reminder").Length() != 1 {
		t.Errorf("reminder after undo: %d", page.Doc.Find(".reminder").Length())
	}
	// Only the asker marks a reply as not helpful.
	page = c.Act(thread, "/p/"+rb+"/not-helpful")
	if !strings.Contains(page.Text(".flash"), "Seule la personne qui a posé la question") {
		t.Errorf("not helpful by another: %q", page.Text(".flash"))
	}
}

func TestAcknowledgeBeforeAskingAgain(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, au := srv.NewUser(accounts.Newcomer)
	helper, _ := srv.NewUser(accounts.Member)
	thread := asker.AskQuestion("Comment trouver mes premiers clients ?", "Je ne sais pas où chercher.")
	reply := helper.Reply(thread, "Commencez par les cabinets médicaux de votre ville.")
	// Under search-first, the ask flow's first step is where a newcomer
	// starts a new question: the earlier answers come first there.
	srv.App.DB.Exec("UPDATE posts SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-25*time.Hour), reply)
	if page := asker.Get("/ask"); page.Has("#field-q") || !page.Has("#pending-"+reply) {
		t.Fatalf("the ask flow did not show the earlier answer first: %q", page.Text("main"))
	} else if skip, _ := page.Doc.Find(`a[href^="/ask?ack=skip"]`).Attr("href"); !asker.Get(skip).Has("#field-q") {
		t.Fatalf("skip %q did not lead to the ask flow's first step", skip)
	}
	srv.App.DB.Exec("UPDATE posts SET created_at = ? WHERE id = ?", time.Now().UTC(), reply)
	// Without search-first, /new is where a newcomer opens a thread.
	if err := srv.App.Rules.Set(context.Background(), rules.SearchFirst, rules.Off); err != nil {
		t.Fatal(err)
	}
	// A fresh reply does not hold the asker yet.
	if p := asker.Get("/new"); !p.Has("#field-title") {
		t.Fatalf("fresh reply held the asker: %q", p.Text("main"))
	}
	srv.App.DB.Exec("UPDATE posts SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-25*time.Hour), reply)

	// nudge, the default: the reply first, one click to skip.
	page := asker.Get("/new")
	if page.Has("#field-title") || !page.Has("#pending-"+reply) {
		t.Fatalf("nudge: %q", page.Text("main"))
	}
	skip, _ := page.Doc.Find(`a[href^="/new?ack=skip"]`).Attr("href")
	if p := asker.Get(skip); skip == "" || !p.Has("#field-title") {
		t.Fatalf("skip %q did not lead to the form", skip)
	}
	if p := asker.Post("/new", form("title", "Une deuxième question pressante", "body", "Texte.")); p.Status != http.StatusSeeOther {
		t.Fatalf("nudge refused the thread: %d", p.Status)
	}
	// A member is never held.
	if p := helper.Get("/new"); !p.Has("#field-section") {
		t.Error("a member was held by the rule")
	}

	ctx := context.Background()
	admin, _ := srv.NewUser(accounts.Admin)
	_ = admin
	adminUser := &accounts.User{ID: 0, Role: accounts.Admin}
	if err := srv.App.Forum.SetAckMode(ctx, adminUser, forum.AckRequire); err != nil {
		t.Fatal(err)
	}
	page = asker.Get("/new?ack=skip")
	if page.Has("#field-title") || page.Has(`a[href^="/new?ack=skip"]`) || !strings.Contains(page.Text(".notice"), "puis vous pourrez") {
		t.Fatalf("require: %q", page.Text("main"))
	}
	p := asker.Post("/new", form("title", "Une troisième question pressante", "body", "Mon texte à garder."))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "Répondre aux réponses reçues avant de redemander") ||
		!strings.Contains(p.Body, "Mon texte à garder.") {
		t.Fatalf("require refusal: %d %q", p.Status, p.Text(".form-errors"))
	}
	// Acknowledged from the list, the form comes.
	page = asker.Act("/new", "/p/"+reply+"/thank")
	if !page.Has("#field-title") {
		t.Fatalf("after thanking: %q", page.Text("main"))
	}
	if err := srv.App.Forum.SetAckMode(ctx, adminUser, forum.AckOff); err != nil {
		t.Fatal(err)
	}
	if err := srv.App.Forum.SetAckMode(ctx, &accounts.User{Role: accounts.Moderator}, forum.AckOff); err == nil {
		t.Error("a moderator changed the rule")
	}
	_ = au
}

func TestNotificationsCreatedGroupedAndRead(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, au := srv.NewUser(accounts.Newcomer)
	helper, hu := srv.NewUser(accounts.Member)
	others := make([]*testkit.Client, 3)
	for i := range others {
		others[i], _ = srv.NewUser(accounts.Member)
	}
	thread := asker.AskQuestion("Quelle assurance professionnelle choisir ?", "Faut-il une RC pro ?")
	if p := asker.Get("/"); p.Has(".unread-count") {
		t.Fatal("unread before any reply")
	}
	first := helper.Reply(thread, "Oui, une RC pro est indispensable.")
	page := asker.Get("/")
	if got := page.Text(".bell .unread-count"); got != "1" {
		t.Fatalf("bell: %q", got)
	}
	page = asker.Get("/notifications")
	if got := page.Text(".notification"); !strings.Contains(got, hu.Username+" a répondu à votre question") || !page.Has(`form[action="/p/`+first+`/thank"]`) {
		t.Fatalf("reply notification: %q", got)
	}
	others[0].Reply(thread, "Comparez trois devis.")
	others[1].Reply(thread, "Regardez les assurances des syndicats.")
	page = asker.Get("/notifications")
	if n := page.Doc.Find(".notification").Length(); n != 1 || !strings.Contains(page.Text(".notification"), "3 nouvelles réponses") {
		t.Fatalf("grouped replies: %d %q", n, page.Text(".notification"))
	}
	// Thanks from three people: one line for the helper.
	asker.Act(thread, "/p/"+first+"/thank")
	others[0].Act(thread, "/p/"+first+"/thank")
	others[2].Act(thread, "/p/"+first+"/thank")
	page = helper.Get("/notifications")
	if got := page.Text(".notification"); !strings.Contains(got, "3 personnes ont remercié votre réponse") {
		t.Fatalf("grouped thanks: %q", got)
	}
	if got := page.Text(".bell .unread-count"); got != "1" {
		t.Errorf("helper's bell: %q", got)
	}
	asker.Act(thread, "/p/"+first+"/solution")
	if _, _, _, unread := counters(t, srv, hu.ID); unread != 2 {
		t.Errorf("helper unread after the solution: %d", unread)
	}
	// Opening one marks it read and leads to the post.
	page = helper.Get("/notifications")
	id, _ := page.Doc.Find(".notification").First().Attr("id")
	link, _ := page.Doc.Find(".notification").First().Find(`input[name="open"]`).Attr("value")
	p := helper.Post("/notifications/"+strings.TrimPrefix(id, "n")+"/read", form("open", link))
	if p.Status != http.StatusSeeOther || p.Location != link || !strings.HasPrefix(link, "/p/") {
		t.Fatalf("open: %d %q %q", p.Status, p.Location, link)
	}
	if _, _, _, unread := counters(t, srv, hu.ID); unread != 1 {
		t.Errorf("after one read: %d", unread)
	}
	// Someone else's notification is not theirs to mark.
	asker.Get("/notifications")
	asker.Post("/notifications/"+strings.TrimPrefix(id, "n")+"/read", nil)
	helper.Get("/notifications")
	if p := helper.Post("/notifications/read", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("mark all: %d", p.Status)
	}
	if _, _, _, unread := counters(t, srv, hu.ID); unread != 0 {
		t.Errorf("after all read: %d", unread)
	}
	if helper.Get("/").Has(".unread-count") {
		t.Error("bell still counts")
	}
	// After reading, a new thank-you starts a new line.
	others[1].Act(thread, "/p/"+first+"/thank")
	if n := helper.Get("/notifications").Doc.Find(".notification.unread").Length(); n != 1 {
		t.Errorf("new unread after reading: %d", n)
	}
	_, _, _, unread := counters(t, srv, au.ID)
	var stored int
	srv.App.DB.Raw("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL", au.ID).Scan(&stored)
	if unread != stored {
		t.Errorf("asker's counter %d, unread rows %d", unread, stored)
	}
}

func TestNotificationsArePaged(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	srv.RaiseLimits() // one member opens 25 threads
	asker, au := srv.NewUser(accounts.Member)
	_, hu := srv.NewUser(accounts.Member)
	ctx := context.Background()
	for i := 0; i < 25; i++ {
		th, err := srv.App.Forum.CreateThread(ctx, au, forum.NewThread{SectionID: mustSection(t, srv, "entre-nous"), Title: "Question numéro " + strconv.Itoa(i), Body: "Texte."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := srv.App.Forum.Reply(ctx, hu, th.ID, "Réponse."); err != nil {
			t.Fatal(err)
		}
	}
	page := asker.Get("/notifications")
	if n := page.Doc.Find(".notification").Length(); n != 20 || !strings.Contains(page.Text(".notification"), "Question numéro 24") {
		t.Fatalf("first page: %d", n)
	}
	page = asker.Get("/notifications?page=2")
	if n := page.Doc.Find(".notification").Length(); n != 5 || !strings.Contains(page.Text(".notification"), "Question numéro 0") {
		t.Fatalf("second page: %d", n)
	}
	if p := asker.Get("/notifications?page=9"); p.Status != http.StatusNotFound {
		t.Errorf("page past the end: %d", p.Status)
	}
}

func mustSection(t *testing.T, srv *testkit.Server, slug string) int64 {
	t.Helper()
	var id int64
	srv.App.DB.Raw("SELECT id FROM sections WHERE slug = ?", slug).Scan(&id)
	return id
}

func TestSearchSolvedFilterBadgeAndRanking(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	asker, _ := srv.NewUser(accounts.Member)
	helper, _ := srv.NewUser(accounts.Member)
	// Two threads of the same relevance; the later one is solved.
	open := asker.OpenThread("entre-nous", "Facturer une cliente en retard de paiement", "Une cliente ne paie pas sa facture.")
	solved := asker.OpenThread("entre-nous", "Facturer un client en retard de paiement", "Un client ne paie pas sa facture.")
	srv.App.DB.Exec("UPDATE threads SET last_post_at = ? WHERE id = ?", time.Now().UTC().Add(time.Hour), testkit.ThreadID(t, open))
	reply := helper.Reply(solved, "Envoyez une mise en demeure.")
	srv.App.DB.Exec("UPDATE threads SET last_post_at = ? WHERE id = ?", time.Now().UTC().Add(-time.Hour), testkit.ThreadID(t, solved))
	visitor := srv.Client()
	titles := func(p *testkit.Page) []string {
		var out []string
		p.Doc.Find(".search-results .thread-title").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
		return out
	}
	before := titles(visitor.Get("/search?q=" + urlQuery("retard de paiement")))
	if len(before) != 2 || !strings.Contains(before[0], "cliente") {
		t.Fatalf("before: %q", before)
	}
	asker.Act(solved, "/p/"+reply+"/solution")
	page := visitor.Get("/search?q=" + urlQuery("retard de paiement"))
	after := titles(page)
	if len(after) != 2 || !strings.Contains(after[0], "un client") {
		t.Fatalf("solved thread not first: %q", after)
	}
	if got := page.Text(".search-results .thread-item:first-child .badge"); got != "Résolu" {
		t.Errorf("badge: %q", got)
	}
	if got := titles(visitor.Get("/search?status=solved&q=" + urlQuery("retard de paiement"))); len(got) != 1 || !strings.Contains(got[0], "un client") {
		t.Errorf("solved filter: %q", got)
	}
	if got := titles(visitor.Get("/search?status=unsolved&q=" + urlQuery("retard de paiement"))); len(got) != 1 || !strings.Contains(got[0], "cliente") {
		t.Errorf("unsolved filter: %q", got)
	}
	if p := visitor.Get("/search?status=n'importe&q=paiement"); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("unknown status: %d", p.Status)
	}
}
