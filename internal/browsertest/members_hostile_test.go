package browsertest

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// cut keeps the first n characters of s, as a form's maxlength would.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// TestHostileProfileAndCannedRepliesNeverRun writes every hostile input of
// the project's list into every new text field — display name, bio, other
// specialties, contact note, a canned reply's title and body, personal and
// the team's — and loads every page that shows them: the profile, the
// thread page (the author's name and contact line, the reply box's list),
// the reply page filled with a canned reply, the canned replies' page, and
// an insertion in place by the reply box's script.
func TestHostileProfileAndCannedRepliesNeverRun(t *testing.T) {
	srv := testkit.NewServer(t)
	writer, wu := srv.NewUser(accounts.Admin) // keeps the team's set too
	threadURL := openThread(t, writer, "entre-nous", "Un sujet écrit par un profil piégé", "Premier message.")
	threadID := strings.Split(threadURL, "/")[2]
	reply(t, writer, threadID, "Une réponse, pour la ligne de contact.")

	tab := browser.Tab(t, srv)
	tab.Login(wu.Username, testkit.Password)
	var lastCanned string
	for i, h := range hostileInputs {
		writer.Get("/settings/profile")
		p := writer.Post("/settings/profile", testkit.URLValues("display_name", cut(h, 50), "bio", cut(h, 1000),
			"specialties_other", cut(h, 150), "contact_note", cut(h, 200), "contact_mode", "forum", "time_zone", "Europe/Paris"))
		if p.Status != http.StatusSeeOther {
			t.Fatalf("hostileInputs[%d] in the profile: %d %s", i, p.Status, p.Text(".form-errors, .field-error"))
		}
		values := testkit.URLValues("title", "Réponse "+cut(h, 90), "body", "Texte : "+h)
		if i%2 == 0 { // the personal list holds 50 replies at most
			values.Set("team", "1")
		}
		writer.Get("/settings/replies/new")
		if p := writer.Post("/settings/replies", values); p.Status != http.StatusSeeOther {
			t.Fatalf("hostileInputs[%d] in a canned reply: %d %s", i, p.Status, p.Text(".form-errors, .field-error"))
		}
		for _, path := range []string{"/u/" + wu.Username, threadURL} {
			if status := tab.Go(path); status != http.StatusOK {
				t.Fatalf("%s: status %d", path, status)
			}
			expectInert(t, tab, path+" with hostileInputs["+strconv.Itoa(i)+"]")
		}
		var id int64
		srv.App.DB.Raw("SELECT MAX(id) FROM canned_replies").Scan(&id)
		lastCanned = strconv.FormatInt(id, 10)
		tab.Go("/t/" + threadID + "/reply?canned=" + lastCanned)
		expectInert(t, tab, "reply page with canned reply of hostileInputs["+strconv.Itoa(i)+"]")
	}
	for _, path := range []string{"/settings/replies", "/settings/profile", "/"} {
		tab.Go(path)
		expectInert(t, tab, path)
	}
	// The script inserts the text into the box, never into the page.
	tab.Go(threadURL)
	openCannedList(tab)
	tab.Click(`details.canned .canned-list a[data-canned-id="` + lastCanned + `"]`)
	waitFor(t, tab, `document.querySelector('form.post-form input[name="canned"]') !== null`)
	expectInert(t, tab, "canned reply inserted in place")
	if status := tab.Submit(`form.post-form button.primary`); status != http.StatusOK {
		t.Fatalf("publish the hostile canned reply: %d", status)
	}
	expectInert(t, tab, "published canned reply")
}
