package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/replies"
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

// TestHostileProfileAndCannedRepliesNeverRun puts every hostile input of
// the project's list into every new text field — a display name, a bio,
// other specialties and a contact note (one member per input), a canned
// reply's title (one reply per input, personal and the team's) and body
// (all of them in one) — and loads every page that shows them: each
// profile, the thread's pages with every author's name and contact line
// and the reply box's list, the canned replies' page, the reply page filled
// with the canned reply, and an insertion in place by the box's script.
// The HTTP tests (internal/web) send the same inputs through the forms;
// here they are written through the services, to keep the suite short.
func TestHostileProfileAndCannedRepliesNeverRun(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	writer, wu := srv.NewUser(accounts.Admin) // keeps the team's set too
	threadURL := writer.OpenThread("entre-nous", "Un sujet où répondent des profils piégés", "Premier message.")
	threadID, _ := strconv.ParseInt(strings.Split(threadURL, "/")[2], 10, 64)
	hash, err := accounts.HashPassword(testkit.Password)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for i, h := range hostileInputs {
		name := fmt.Sprintf("piege%d", i)
		u := &accounts.User{Username: name, UsernameKey: name, Email: name + "@exemple.fr", EmailKey: name + "@exemple.fr", PasswordHash: hash,
			Role: accounts.Member, SessionVersion: 1, CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
		if err := srv.App.DB.Create(u).Error; err != nil {
			t.Fatal(err)
		}
		in := accounts.ProfileInput{DisplayName: cut(h, accounts.MaxDisplayName), Bio: cut(h, accounts.MaxBio),
			SpecialtiesOther: cut(h, accounts.MaxSpecialtiesOther), ContactNote: cut(h, accounts.MaxContactNote), ContactMode: accounts.ContactForum}
		if i%2 == 0 {
			in.ContactMode, in.Windows = accounts.ContactPhone, []accounts.WindowInput{{Day: "1", From: "09:00", To: "10:00"}}
		}
		if _, err := srv.App.Profiles.Save(ctx, u, in); err != nil {
			t.Fatalf("hostileInputs[%d] in a profile: %v", i, err)
		}
		if _, err := srv.App.Forum.Reply(ctx, u, threadID, "Une réponse de "+name); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.App.Replies.Create(ctx, wu, i%2 == 0, replies.Input{Title: "Réponse " + cut(h, 90), Body: "Texte : " + h}); err != nil {
			t.Fatalf("hostileInputs[%d] in a canned reply: %v", i, err)
		}
		all = append(all, h)
	}
	long, err := srv.App.Replies.Create(ctx, wu, false, replies.Input{Title: "Toutes les entrées piégées", Body: cut(strings.Join(all, "\n\n"), replies.MaxBodyLength)})
	if err != nil {
		t.Fatal(err)
	}

	tab := browser.Tab(t, srv)
	tab.Login(wu.Username, testkit.Password)
	for i := range hostileInputs {
		path := fmt.Sprintf("/u/piege%d", i)
		if status := tab.Go(path); status != http.StatusOK {
			t.Fatalf("%s: status %d", path, status)
		}
		expectInert(t, tab, path)
	}
	pages := (len(hostileInputs) + 1 + forum.PostsPerPage - 1) / forum.PostsPerPage
	for n := 1; n <= pages; n++ {
		path := threadURL + "?page=" + strconv.Itoa(n)
		tab.Go(path)
		expectInert(t, tab, path)
	}
	id := strconv.FormatInt(threadID, 10)
	for _, path := range []string{"/settings/replies", "/t/" + id + "/reply?canned=" + strconv.FormatInt(long.ID, 10)} {
		tab.Go(path)
		expectInert(t, tab, path)
	}
	// The script inserts the text into the box, never into the page.
	tab.Go(threadURL + "?page=" + strconv.Itoa(pages))
	openCannedList(tab)
	tab.Click(`details.canned .canned-list a[data-canned-id="` + strconv.FormatInt(long.ID, 10) + `"]`)
	waitFor(t, tab, `document.querySelector('form.post-form input[name="canned"]') !== null`)
	expectInert(t, tab, "canned reply inserted in place")
	if status := tab.Submit(`form.post-form button.primary`); status != http.StatusOK {
		t.Fatalf("publish the hostile canned reply: %d", status)
	}
	expectInert(t, tab, "published canned reply")
}
