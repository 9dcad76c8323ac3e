package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/approval"
	"entraide/internal/db"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// queueCounts reads what approval must not move before a decision: the
// thread's replies, the section's threads and posts, the author's posts,
// the asker's unread notifications.
func queueCounts(t *testing.T, srv *testkit.Server, threadID, authorID, askerID int64) [5]int {
	t.Helper()
	var c [5]int
	err := srv.App.DB.Raw(`SELECT (SELECT reply_count FROM threads WHERE id = ?), (SELECT SUM(thread_count) FROM sections),
		(SELECT SUM(post_count) FROM sections), (SELECT thread_count + reply_count FROM users WHERE id = ?),
		(SELECT unread_notifications FROM users WHERE id = ?)`, threadID, authorID, askerID).Row().Scan(&c[0], &c[1], &c[2], &c[3], &c[4])
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// logged counts the moderation log's lines of action about userID.
func logged(t *testing.T, srv *testkit.Server, action modlog.Action, userID int64) []modlog.Line {
	t.Helper()
	lines, _, err := srv.App.ModLog.List(context.Background(), modlog.Filter{Action: action, UserID: userID}, 1)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// A newcomer's first reply waits: its author sees it marked, others do
// not, search does not find it and no counter moves; approved, it is
// published with the counters, search and the asker's notification.
func TestNewcomersFirstReplyWaitsThenIsApproved(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	srv.ApprovalOn(1)
	var askerID int64
	srv.App.DB.Raw("SELECT author_id FROM threads WHERE id = ?", testkit.ThreadID(t, threadURL)).Row().Scan(&askerID)
	nc, nu := srv.NewUser(accounts.Newcomer)
	tid := int64(0)
	srv.App.DB.Raw("SELECT id FROM threads").Row().Scan(&tid)
	before := queueCounts(t, srv, tid, nu.ID, askerID)
	nc.Get(threadURL)
	p := nc.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", "Ma première réponse : essayez Zéphyrin pour la facturation."))
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/pending/") {
		t.Fatalf("held reply: %d %q %s", p.Status, p.Location, p.Text(".form-errors"))
	}
	pending := p.Location
	page := nc.Follow(p)
	if !strings.Contains(page.Text("main"), "en attente de validation") || !strings.Contains(page.Text("main"), "Zéphyrin") {
		t.Fatalf("the author's view: %q", page.Text("main"))
	}
	if got := nc.Get(threadURL).Text(".pending-post"); !strings.Contains(got, "en attente de validation") || !strings.Contains(got, "Zéphyrin") {
		t.Fatalf("the author does not see the reply on the thread: %q", got)
	}
	other, _ := srv.NewUser(accounts.Member)
	if strings.Contains(other.Get(threadURL).Text("main"), "Zéphyrin") || strings.Contains(srv.Client().Get(threadURL).Text("main"), "Zéphyrin") {
		t.Fatal("others see the waiting reply")
	}
	if got := other.Get(pending).Status; got != http.StatusNotFound {
		t.Fatalf("another member reads the waiting post: %d", got)
	}
	if srv.Client().Get("/search?q=zephyrin").Has(".search-results") {
		t.Fatal("search finds the waiting reply")
	}
	if after := queueCounts(t, srv, tid, nu.ID, askerID); after != before {
		t.Fatalf("counters moved before approval: %v → %v", before, after)
	}
	if l := logged(t, srv, approval.Queued, nu.ID); len(l) != 1 || l[0].ActorID != nil || l[0].Reason != rules.ApprovalFirstPosts {
		t.Fatalf("queueing not logged: %+v", l)
	}
	// The moderator's queue, and the header's link.
	mod, _ := srv.NewUser(accounts.Moderator)
	q := mod.Get("/mod/queue")
	if !strings.Contains(q.Text(".queue-focus"), "Zéphyrin") || !strings.Contains(q.Text("main"), "1 message en attente") {
		t.Fatalf("the queue: %q", q.Text("main"))
	}
	if got := q.Text(".mod-link"); !strings.Contains(got, "1") {
		t.Errorf("the header's moderators' link does not count the queue: %q", got)
	}
	if got := mod.Get("/mod").Text("main"); !strings.Contains(got, "1 message attend une validation") {
		t.Errorf("/mod does not count the queue: %q", got)
	}
	id := strings.TrimPrefix(pending, "/pending/")
	a := mod.Post("/mod/queue/"+id+"/approve", form())
	if a.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(a).Text("main"), "Aucun message n'attend") {
		t.Fatalf("approve: %d", a.Status)
	}
	want := before
	want[0]++
	want[2]++
	want[3]++
	want[4]++
	if after := queueCounts(t, srv, tid, nu.ID, askerID); after != want {
		t.Fatalf("counters after approval: %v, want %v", after, want)
	}
	if !strings.Contains(other.Get(threadURL).Text(".post"), "Zéphyrin") || !srv.Client().Get("/search?q=zephyrin").Has(".search-results") {
		t.Fatal("the approved reply is not published or not searchable")
	}
	if strings.Contains(nc.Get(threadURL).Text("main"), "en attente") {
		t.Fatal("the published reply is still marked as waiting")
	}
	if !strings.Contains(nc.Get("/notifications").Text("main"), "publié votre message") {
		t.Fatalf("the author is not told: %q", nc.Get("/notifications").Text("main"))
	}
	if l := logged(t, srv, approval.Approved, nu.ID); len(l) != 1 || l[0].ActorID == nil {
		t.Fatalf("approval not logged: %+v", l)
	}
	// Approving again, or rejecting what was approved: a message, no 500.
	for _, path := range []string{"/mod/queue/" + id + "/approve", "/mod/queue/" + id + "/reject"} {
		mod.Get("/mod/queue")
		r := mod.Post(path, form("reason", "Trop tard."))
		if r.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(r).Text(".flash"), "déjà été validé ou refusé") {
			t.Fatalf("%s twice: %d %q", path, r.Status, r.Text("main"))
		}
	}
	// Their second post is published at once (the rule holds one).
	nc.Reply(threadURL, "Et une deuxième réponse, publiée directement.")
	_ = admin
}

// A newcomer's first thread waits too: the author sees it, others get 404
// and the lists do not show it. Rejected with a reason (required), the
// author is told and still reads it with the reason; approving it then is
// refused with a message.
func TestNewcomersFirstThreadRejectedWithAReason(t *testing.T) {
	srv, _, section, _ := limitsForum(t)
	srv.ApprovalOn(1)
	nc, nu := srv.NewUser(accounts.Newcomer)
	nc.Get("/new")
	p := nc.Post("/new", form("section", section, "title", "Comment facturer un client à l'étranger ?", "body", "Je découvre la TVA intracommunautaire."))
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/pending/") {
		t.Fatalf("held thread: %d %q %s", p.Status, p.Location, p.Text(".form-errors"))
	}
	pending := p.Location
	if got := nc.Get(pending).Text("h1"); !strings.Contains(got, "facturer un client") {
		t.Fatalf("the author's view: %q", got)
	}
	for _, c := range []*testkit.Client{srv.Client(), nc} {
		if strings.Contains(c.Get("/").Text("main"), "facturer un client") {
			t.Fatal("the waiting thread is listed")
		}
	}
	if got := srv.Client().Get(pending).Status; got != http.StatusNotFound {
		t.Fatalf("a visitor reads the waiting thread: %d", got)
	}
	mod, _ := srv.NewUser(accounts.Moderator)
	id := strings.TrimPrefix(pending, "/pending/")
	mod.Get("/mod/queue")
	r := mod.Post("/mod/queue/"+id+"/reject", form("reason", "  "))
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Text("#error-reason"), "raison du refus") {
		t.Fatalf("reject without a reason: %d %q", r.Status, r.Text("main"))
	}
	reason := "Merci de préciser le pays du client <b>et</b> votre statut."
	r = mod.Post("/mod/queue/"+id+"/reject", form("reason", reason))
	if r.Status != http.StatusSeeOther {
		t.Fatalf("reject: %d %q", r.Status, r.Text("main"))
	}
	page := nc.Get(pending)
	if !strings.Contains(page.Text(".rejection-reason"), reason) || !strings.Contains(page.Text("main"), "TVA intracommunautaire") {
		t.Fatalf("the author's view after rejection: %q", page.Text("main"))
	}
	if !strings.Contains(nc.Get("/notifications").Text("main"), "n'a pas publié votre message") {
		t.Fatal("the author is not told of the rejection")
	}
	// The author gets their text back as written, to ask again.
	if got := page.Text("textarea#rework-text"); got != "Je découvre la TVA intracommunautaire." {
		t.Fatalf("the text to take up again: %q", got)
	}
	if mod.Get(pending).Has(".rework") {
		t.Fatal("the moderator is offered to rework someone else's post")
	}
	if l := logged(t, srv, approval.Rejected, nu.ID); len(l) != 1 || l[0].Reason != reason {
		t.Fatalf("rejection not logged: %+v", l)
	}
	mod.Get("/mod/queue")
	a := mod.Post("/mod/queue/"+id+"/approve", form())
	if a.Status != http.StatusSeeOther || !strings.Contains(mod.Follow(a).Text(".flash"), "déjà été validé ou refusé") {
		t.Fatalf("approving a rejected post: %d", a.Status)
	}
	var threads int
	srv.App.DB.Raw("SELECT COUNT(*) FROM threads WHERE author_id = ?", nu.ID).Row().Scan(&threads)
	if threads != 0 {
		t.Fatal("a rejected thread was written")
	}
}

// The setting: 0 publishes a newcomer's posts at once, 2 holds the first
// two; a member is never held; a watched word set to "queue" holds a
// member's post.
func TestApprovalSettingAndWatchedWordQueue(t *testing.T) {
	srv, admin, _, threadURL := limitsForum(t)
	srv.ApprovalOn(1)
	setRule(t, admin, rules.ApprovalFirstPosts, 0)
	if !strings.Contains(srv.Client().Get("/rules").Text("main"), "sans attendre de validation") {
		t.Error("/rules does not say the rule is off")
	}
	nc, _ := srv.NewUser(accounts.Newcomer)
	nc.Reply(threadURL, "Publiée sans attendre, la règle est coupée.")
	setRule(t, admin, rules.ApprovalFirstPosts, 2)
	if !strings.Contains(srv.Client().Get("/rules").Text("main"), "Les 2 premiers messages") {
		t.Error("/rules does not say 2")
	}
	n2, _ := srv.NewUser(accounts.Newcomer)
	for i, body := range []string{"Première réponse, retenue.", "Deuxième réponse, retenue aussi."} {
		n2.Get(threadURL)
		if p := n2.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", body)); !strings.HasPrefix(p.Location, "/pending/") {
			t.Fatalf("post %d not held: %d %q", i+1, p.Status, p.Location)
		}
	}
	// Both wait: the count of published posts has not moved, so a third is
	// held too; approving two publishes the next at once.
	mod, _ := srv.NewUser(accounts.Moderator)
	for i := 0; i < 2; i++ {
		items, err := srv.App.Approval.Waiting(context.Background(), 10)
		if err != nil || len(items) == 0 {
			t.Fatal(items, err)
		}
		mod.Get("/mod/queue")
		mod.Post("/mod/queue/"+itoa(items[0].ID)+"/approve", form())
	}
	n2.Reply(threadURL, "Troisième réponse, publiée directement.")
	member, mu := srv.NewUser(accounts.Member)
	member.Reply(threadURL, "Un membre n'attend pas.")
	mod.Get("/mod/words")
	mod.Post("/mod/words", form("pattern", "crypto*", "action", "queue"))
	member.Get(threadURL)
	p := member.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", "Avez-vous essayé les CRYPTOmonnaies ?"))
	if !strings.HasPrefix(p.Location, "/pending/") {
		t.Fatalf("watched word queue: %d %q", p.Status, p.Location)
	}
	if l := logged(t, srv, approval.Queued, mu.ID); len(l) != 1 || l[0].Reason != rules.WatchedWords || l[0].Detail != "crypto*" {
		t.Fatalf("queueing by a word not logged: %+v", l)
	}
	if !strings.Contains(mod.Get("/mod/queue").Text(".queue-focus"), "mot surveillé") {
		t.Error("the queue does not say a word held it")
	}
}

// Posts waiting for approval count in the rate limits: a newcomer whose
// threads all wait still opens only as many a day as the rule allows.
func TestHeldPostsCountInTheRateLimits(t *testing.T) {
	srv, admin, section, _ := limitsForum(t)
	srv.ApprovalOn(100)
	setRule(t, admin, rules.ThreadsPerDayNewcomer, 2)
	nc, nu := srv.NewUser(accounts.Newcomer)
	for i := 1; i <= 2; i++ {
		if p := postN(nc, true, section, "", i, ""); !strings.HasPrefix(p.Location, "/pending/") {
			t.Fatalf("thread %d not held: %d %q %s", i, p.Status, p.Location, p.Text(".form-errors"))
		}
	}
	p := postN(nc, true, section, "", 3, "")
	refusedBy(t, srv, p, nu, rules.ThreadsPerDayNewcomer, "2", "Mon message numéro 3.", 0)
	if n, _ := srv.App.Approval.Count(context.Background()); n != 2 {
		t.Fatalf("%d posts waiting, want 2", n)
	}
}

// A newcomer's question that waits for approval ends its ask session as
// asked (the session cannot open a second one), and the approved thread is
// the session's: the moderators' figures count it, the invariants hold.
func TestHeldQuestionFromTheAskFlowKeepsItsSession(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	srv.ApprovalOn(1)
	nc, nu := srv.NewUser(accounts.Newcomer)
	sentence := "Comment relancer un client qui ne paie pas sa facture ?"
	token := nc.AskToken(sentence)
	if w := nc.Get("/ask/" + token + "/write"); w.Status != http.StatusOK {
		t.Fatalf("step 3: %d", w.Status)
	}
	ask := func() *testkit.Page {
		return nc.Post("/ask/write", form("session", token, "title", "Relancer un client qui ne paie pas",
			"body", "Ma cliente a trente jours de retard, que lui écrire ?", "tried", testkit.AskedTried, "reviewed", "1"))
	}
	p := ask()
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/pending/") {
		t.Fatalf("held question: %d %q %s", p.Status, p.Location, p.Text(".form-errors"))
	}
	pendingID := strings.TrimPrefix(p.Location, "/pending/")
	session := func() (outcome string, pending, thread *int64) {
		t.Helper()
		if err := srv.App.DB.Raw("SELECT outcome, pending_id, thread_id FROM ask_sessions WHERE token = ?", token).Row().
			Scan(&outcome, &pending, &thread); err != nil {
			t.Fatal(err)
		}
		return
	}
	if outcome, pending, thread := session(); outcome != "posted" || pending == nil || itoa(*pending) != pendingID || thread != nil {
		t.Fatalf("session after the hold: %s %v %v", outcome, pending, thread)
	}
	// The same session cannot ask again.
	nc.Get("/ask/" + token + "/write")
	if again := ask(); again.Status != http.StatusUnprocessableEntity && again.Status != http.StatusSeeOther || strings.HasPrefix(again.Location, "/pending/") {
		t.Fatalf("a second question from one session: %d %q", again.Status, again.Location)
	}
	var held int
	srv.App.DB.Raw("SELECT COUNT(*) FROM pending_posts WHERE author_id = ?", nu.ID).Row().Scan(&held)
	if held != 1 {
		t.Fatalf("%d questions held from one session", held)
	}
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get("/mod/queue")
	if a := mod.Post("/mod/queue/"+pendingID+"/approve", form()); a.Status != http.StatusSeeOther {
		t.Fatalf("approve: %d", a.Status)
	}
	var threadID int64
	srv.App.DB.Raw("SELECT id FROM threads WHERE author_id = ?", nu.ID).Row().Scan(&threadID)
	if outcome, _, thread := session(); outcome != "posted" || thread == nil || *thread != threadID {
		t.Fatalf("session after the approval: %s %v (thread %d)", outcome, thread, threadID)
	}
	if got := mod.Get("/mod/ask").Text("main"); !strings.Contains(got, strings.ToLower(sentence)) || !strings.Contains(got, "1 (100 %)") {
		t.Fatalf("the moderators' figures miss the question: %q", got)
	}
	found, err := db.Check(context.Background(), srv.App.DB, app.Invariants(), false)
	if err != nil || len(found) != 0 {
		t.Fatalf("invariants: %v %+v", err, found)
	}
}

// A rejected reply is taken up again from its page: the reply form opens
// with its author's text, and with nobody else's.
func TestRejectedReplyIsReworked(t *testing.T) {
	t.Parallel()
	srv, _, _, threadURL := limitsForum(t)
	srv.ApprovalOn(1)
	nc, _ := srv.NewUser(accounts.Newcomer)
	text := "Essayez un logiciel de facturation, il y en a de bons et de moins bons."
	nc.Get(threadURL)
	p := nc.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", text))
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/pending/") {
		t.Fatalf("held reply: %d %q", p.Status, p.Location)
	}
	pending := p.Location
	// While it waits, it cannot be sent a second time from the form.
	waiting := "/t/" + testkit.ThreadID(t, threadURL) + "/reply?rework=" + strings.TrimPrefix(pending, "/pending/")
	if got := nc.Get(waiting).Text("#field-body"); got != "" {
		t.Fatalf("a waiting reply fills the form: %q", got)
	}
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get("/mod/queue")
	if r := mod.Post("/mod/queue/"+strings.TrimPrefix(pending, "/pending/")+"/reject", form("reason", "Citez au moins un logiciel.")); r.Status != http.StatusSeeOther {
		t.Fatalf("reject: %d", r.Status)
	}
	link, ok := nc.Get(pending).Doc.Find("a.rework-link").Attr("href")
	if !ok {
		t.Fatal("no link to rework the rejected reply")
	}
	if got := nc.Get(link).Text("#field-body"); got != text {
		t.Fatalf("the reply form opens with %q", got)
	}
	other, _ := srv.NewUser(accounts.Member)
	if got := other.Get(link).Text("#field-body"); got != "" {
		t.Fatalf("someone else's rejected reply fills the form: %q", got)
	}
}
