package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/moderation"
	"entraide/internal/replies"
	"entraide/internal/rules"
	"entraide/internal/testkit"
	"entraide/internal/words"
)

// TestPagesRunAFixedNumberOfStatements holds every page everyone reads to a
// number of SQL statements that does not grow with what the page lists: the
// same count with one thread and one reply as with thirty threads by thirty
// authors and twenty replies by twenty others. An N+1 query (an author, a
// section or a count looked up per line) makes the second count larger.
// The member reading is the thread's asker: the thread has thank-yous (some
// of them the reader's), a chosen solution and reminders, and the reader
// unread notifications in the header.
func TestPagesRunAFixedNumberOfStatements(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	// The authors write the same short texts many times, faster than the
	// posting limits allow.
	srv.RaiseLimits()
	ctx := context.Background()
	counter := db.CountStatements(srv.App.DB)
	// Count the section list's query on every page, as when its cache is cold.
	srv.App.Forum.SetSectionsTTL(0)
	srv.App.Settings.SetSiteTTL(0)         // and the site settings' (the image policy)
	srv.App.Search.Speller().SetRefresh(0) // and the search's vocabulary
	srv.App.Rules.SetCacheTTL(0)           // and the rules' values
	srv.App.Words.SetCacheTTL(0)           // and the watched words
	srv.App.Replies.SetTeamTTL(0)          // and the team's canned replies
	member, asker := srv.NewUser(accounts.Member)
	moderator, modUser := srv.NewUser(accounts.Moderator)
	reader := asker // the member reading keeps canned replies too
	_, newbie := srv.NewUser(accounts.Newcomer)
	visitor := srv.Client()
	visitor.Get("/") // a browser keeps the cookie of its first page
	admin, adminUser := srv.NewUser(accounts.Admin)
	authors := insertMembers(t, srv, 60)
	svc := srv.App.Forum
	sec, err := svc.SectionBySlug(ctx, authors[0], "trouver-des-clients")
	if err != nil {
		t.Fatal(err)
	}
	open := func(i int) *forum.Thread {
		th, err := svc.CreateThread(ctx, authors[i], forum.NewThread{SectionID: sec.ID,
			Title: fmt.Sprintf("Sujet numéro %d sur la prospection", i), Body: "Comment faites-vous ?"})
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
	reply := func(th *forum.Thread, i int) *forum.Post {
		p, err := svc.Reply(ctx, authors[i], th.ID, fmt.Sprintf("Réponse %d : je fais comme ça.", i))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	thank := func(u *accounts.User, p *forum.Post) {
		if _, err := svc.Thank(ctx, u, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	thread, err := svc.CreateThread(ctx, asker, forum.NewThread{SectionID: sec.ID, Title: "La question de la lectrice sur la prospection", Body: "Comment faites-vous ?"})
	if err != nil {
		t.Fatal(err)
	}
	solution := reply(thread, 1)
	thank(authors[2], solution)
	if _, err := svc.ChooseSolution(ctx, asker, solution.ID); err != nil {
		t.Fatal(err)
	}
	thank(asker, reply(thread, 3))
	reply(thread, 4) // left for a reminder
	second := open(2)
	threadPath := "/t/" + itoa(thread.ID) + "/" + thread.Slug
	// A newcomer's question: the member's reply box suggests a canned reply.
	question := testkit.AskedThread(t, srv.App, newbie, forum.NewThread{Title: "Comment se lancer dans la prospection ?", Body: "Par où commencer ?"})
	reply(question, 3)
	questionPath := "/t/" + itoa(question.ID) + "/" + question.Slug
	// Authors' contact preferences beside their posts and the reader's
	// canned replies in the reply box: one statement each, however many.
	prefer := func(u *accounts.User) {
		if _, err := srv.App.Profiles.Save(ctx, u, accounts.ProfileInput{ContactMode: accounts.ContactPhone,
			Windows: []accounts.WindowInput{{Day: "2", From: "09:00", To: "11:00"}}}); err != nil {
			t.Fatal(err)
		}
	}
	canned := func(team bool, i int) {
		owner := reader
		if team {
			owner = authors[59]
			srv.App.DB.Exec("UPDATE users SET role = 'moderator' WHERE id = ?", owner.ID)
			owner.Role = accounts.Moderator
		}
		if _, err := srv.App.Replies.Create(ctx, owner, team, replies.Input{Title: fmt.Sprintf("Se lancer dans la prospection, réponse %d", i),
			Body: "Commencez par votre réseau."}); err != nil {
			t.Fatal(err)
		}
	}
	prefer(authors[0])
	canned(false, 0)
	// The older page of the section starts after the newest thread.
	cursor := forum.Cursor{At: time.Now().Add(time.Hour), ID: 1 << 40}.String()

	// Moderation: a duplicate closed onto the reader's thread, flags on
	// the thread's posts, lines in the log; more of each in the long run.
	dupe := open(1)
	if _, err := svc.CloseAsDuplicate(ctx, modUser, dupe.ID, thread.ID, "La réponse est là."); err != nil {
		t.Fatal(err)
	}
	flag := func(u *accounts.User, p *forum.Post) {
		if err := srv.App.Moderation.Flag(ctx, u, p.ID, moderation.NewFlag{Kind: moderation.Other, Sentence: "Hors sujet, je crois."}); err != nil {
			t.Fatal(err)
		}
	}
	flag(authors[5], solution)
	dupePath := "/t/" + itoa(dupe.ID) + "/" + dupe.Slug

	pages := []struct{ name, path string }{
		{"home", "/"},
		{"section", "/s/" + sec.Slug},
		{"section, older page", "/s/" + sec.Slug + "?after=" + cursor},
		{"thread", threadPath},
		{"thread, last page", ""}, // set once the thread has two pages
		{"search", "/search?q=prospection"},
		{"search, corrected", "/search?q=prospetcion"},
		{"search, most words", "/search?q=prospection+lectrice"},
		{"ask, step 1", "/ask"},
		{"ask, step 2", ""}, // a fresh session before each measure
		{"rules", "/rules"},
		{"newcomer's question", questionPath},
		{"duplicate", dupePath},
		{"mod flags", "/mod/flags"},
		{"mod log", "/mod/log"},
		{"mod log, filtered", "/mod/log?action=thread_duplicate&moderator=" + modUser.Username},
	}
	// Pages of moderators and admins, measured as an admin.
	adminPages := []struct{ name, path string }{
		{"admin rules", "/admin/rules"},
		{"watched words", "/mod/words"},
		{"approval queue", "/mod/queue"},
	}
	// Posts waiting for approval: one, then many (new threads, so the
	// examined one brings its similar threads each time).
	hold := func(i int) {
		d := forum.Draft{OpensThread: true, SectionID: sec.ID, Title: fmt.Sprintf("Prospection par téléphone, question %d", i),
			Body: "Comment trouver des clients par téléphone ?", Hold: rules.ApprovalFirstPosts}
		if _, err := srv.App.Approval.Hold(ctx, authors[50+i%10], d, ""); err != nil {
			t.Fatal(err)
		}
	}
	hold(0)
	// Step 2 of a session the visitor starts: the first view records that
	// it was shown, later ones only read.
	freshAsk := func() {
		sess, err := srv.App.Ask.Start(ctx, nil, "", "un sujet sur la prospection")
		if err != nil {
			t.Fatal(err)
		}
		pages[9].path = "/ask/" + sess.Token
	}
	measure := func() (map[string]int, map[string][]string) {
		counts, lists := map[string]int{}, map[string][]string{}
		for _, who := range []struct {
			name string
			c    *testkit.Client
		}{{"visitor", visitor}, {"member", member}, {"moderator", moderator}, {"admin", admin}} {
			list := pages
			if who.name == "admin" {
				list = adminPages
			}
			for _, p := range list {
				if strings.HasPrefix(p.path, "/mod") && who.c != moderator && who.c != admin {
					continue
				}
				path := p.path
				if path == "" && p.name == "thread, last page" {
					path = threadPath
				}
				counter.Reset()
				page := who.c.Get(path)
				if page.Status != http.StatusOK {
					t.Fatalf("%s %s: %d", who.name, path, page.Status)
				}
				key := who.name + " " + p.name
				counts[key], lists[key] = counter.Count(), counter.List()
				t.Logf("%-28s %d statements", key, counts[key])
			}
		}
		return counts, lists
	}
	freshAsk()
	small, smallSQL := measure()
	// The thread page, caches cold: the site settings and the image policy,
	// the sections, the thread, then its posts in one read with the
	// reader's marks and the authors' contact preferences; a member's also
	// reads her account and her canned replies, a moderator's what waits
	// for the team. A statement more must be argued here.
	for name, most := range map[string]int{"visitor thread": 5, "member thread": 7, "moderator thread": 9} {
		if small[name] > most {
			t.Errorf("%s: %d statements, at most %d:\n  %s", name, small[name], most, strings.Join(smallSQL[name], "\n  "))
		}
	}

	for i := 3; i < 33; i++ {
		th := open(i)
		reply(th, i+20) // a last author who is not the author
	}
	reply(second, 59)
	for i := 1; i < 30; i++ {
		prefer(authors[i])
		reply(question, i+3)
	}
	for i := 1; i < 10; i++ {
		canned(i%2 == 0, i)
	}
	for i := 5; i < 5+forum.PostsPerPage+5; i++ {
		p := reply(thread, i)
		thank(authors[i-1], p)
		if i%3 == 0 {
			thank(asker, p)
		}
	}
	if asker, err = srv.App.Accounts.ByID(ctx, asker.ID); err != nil || asker.UnreadNotifications == 0 {
		t.Fatalf("the reader has no unread notifications: %v", err)
	}
	for i := range 20 {
		if _, err := srv.App.Words.Add(ctx, adminUser, fmt.Sprintf("mot%02d", i), words.Masking); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < 20; i++ {
		hold(i)
	}
	for i := 20; i < 40; i++ {
		th := open(i)
		p := reply(th, i+1)
		if _, err := svc.CloseAsDuplicate(ctx, modUser, th.ID, thread.ID, "Même question."); err != nil {
			t.Fatal(err)
		}
		flag(authors[i+2], p)
		flag(authors[i+3], p)
	}
	pages[4].path = threadPath + "?page=2"
	freshAsk()
	large, largeSQL := measure()

	for name, n := range small {
		if large[name] != n {
			t.Errorf("%s: %d statements with a short list, %d with a long one:\n  %s\n---\n  %s", name, n, large[name],
				strings.Join(smallSQL[name], "\n  "), strings.Join(largeSQL[name], "\n  "))
		}
	}
}

// insertMembers writes n members straight into the database, sharing one
// password hash: registering them one by one would hash n passwords.
func insertMembers(t *testing.T, srv *testkit.Server, n int) []*accounts.User {
	t.Helper()
	hash, err := accounts.HashPassword(testkit.Password)
	if err != nil {
		t.Fatal(err)
	}
	users := make([]*accounts.User, n)
	now := time.Now().UTC()
	for i := range users {
		name := fmt.Sprintf("autrice%d", i)
		u := &accounts.User{Username: name, UsernameKey: name, Email: name + "@exemple.fr", EmailKey: name + "@exemple.fr",
			PasswordHash: hash, Role: accounts.Member, SessionVersion: 1, CreatedAt: now, UpdatedAt: now}
		if err := srv.App.DB.Create(u).Error; err != nil {
			t.Fatal(err)
		}
		users[i] = u
	}
	return users
}
