package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/testkit"

	"github.com/PuerkitoBio/goquery"
)

func TestFormsWithoutCSRFTokenAreRefused(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	id := member.SectionID("entre-nous")
	p := member.PostRaw("/new", form("section", id, "title", "Un sujet sans jeton CSRF", "body", "Texte."))
	if p.Status != http.StatusForbidden || !strings.Contains(p.Text("main"), "expiré") {
		t.Fatalf("no token: %d %q", p.Status, p.Text("main"))
	}
	p = member.PostRaw("/new", form("csrf", "faux-jeton", "section", id, "title", "Un sujet avec un faux jeton", "body", "Texte."))
	if p.Status != http.StatusForbidden {
		t.Fatalf("wrong token: %d", p.Status)
	}
	visitor := srv.Client()
	if p := visitor.PostRaw("/login", form("login", "x", "password", "y")); p.Status != http.StatusForbidden {
		t.Fatalf("log-in without token: %d", p.Status)
	}
	if strings.Contains(srv.Client().Get("/s/entre-nous").Body, "jeton") {
		t.Fatal("a thread was created without a valid token")
	}
}

func TestCrossSiteOriginIsRefused(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	id := member.SectionID("entre-nous")
	member.Header.Set("Origin", "https://evil.example")
	if p := member.Post("/new", form("section", id, "title", "Un sujet venu d'ailleurs", "body", "Texte.")); p.Status != http.StatusForbidden {
		t.Fatalf("cross-site post: %d", p.Status)
	}
}

func TestGuardsForEveryRole(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	visitor := srv.Client()
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	member, _ := srv.NewUser(accounts.Member)
	moderator, _ := srv.NewUser(accounts.Moderator)
	admin, adminUser := srv.NewUser(accounts.Admin)
	// A thread with a reply for the thank-you routes: post 1 is the admin's
	// question, post 2 the member's reply.
	qURL := admin.OpenThread("entre-nous", "Une question pour les gardes", "Texte.")
	member.Reply(qURL, "Une réponse.")
	cases := []struct {
		path string
		want map[*testkit.Client]int
	}{
		{"/admin", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 403, admin: 200}},
		{"/admin/sections/new", map[*testkit.Client]int{visitor: http.StatusSeeOther, member: 403, moderator: 403, admin: 200}},
		{"/admin/settings", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 403, admin: 200}},
		{"/new", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: http.StatusSeeOther, member: 200, admin: 200}},
		{"/ask", map[*testkit.Client]int{visitor: 200, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/ask/pas-un-jeton", map[*testkit.Client]int{visitor: 404, newcomer: 404, member: 404}},
		{"/ask/pas-un-jeton/write", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 404, member: 404}},
		{"/rules", map[*testkit.Client]int{visitor: 200, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/admin/rules", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 403, admin: 200}},
		{"/mod", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 200, admin: 200}},
		{"/mod/ask", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 200, admin: 200}},
		{"/mod/words", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 200, admin: 200}},
		{"/mod/queue", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 200, admin: 200}},
		// A held post is its author's (and moderators'); none is held here.
		{"/pending/1", map[*testkit.Client]int{visitor: 404, newcomer: 404, member: 404, moderator: 404, admin: 404}},
		{"/settings", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 200}},
		{"/notifications", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/p/1/thanks", map[*testkit.Client]int{visitor: 200, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/", map[*testkit.Client]int{visitor: 200, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/settings/profile", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 200, member: 200, moderator: 200, admin: 200}},
		{"/settings/replies", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 200, moderator: 200, admin: 200}},
		{"/settings/replies/new", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 200}},
		{"/settings/replies/new?team=1", map[*testkit.Client]int{newcomer: 403, member: 200, moderator: 200}},
		{"/settings/replies/1/edit", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403}},
		{"/t/1/canned/1", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403}},
		{"/admin/specialties", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, moderator: 403, admin: 200}},
	}
	for _, c := range cases {
		for client, want := range c.want {
			if p := client.Get(c.path); p.Status != want {
				t.Errorf("GET %s: want %d, got %d", c.path, want, p.Status)
			} else if want == http.StatusSeeOther && client == visitor && !strings.HasPrefix(p.Location, "/login?next=") {
				t.Errorf("GET %s as visitor redirects to %q", c.path, p.Location)
			}
		}
	}
	visitor.Get("/")
	if p := visitor.Post("/new", form("title", "Un visiteur qui écrit", "body", "x")); p.Status != http.StatusUnauthorized {
		t.Errorf("visitor POST /new: %d", p.Status)
	}
	posts := []struct {
		path   string
		values url.Values
		want   map[*testkit.Client]int
	}{
		{"/admin/sections", form("slug", "pirate", "name", "Pirate"), map[*testkit.Client]int{newcomer: 403, member: 403, moderator: 403}},
		{"/admin/users/1/role", form("role", "admin"), map[*testkit.Client]int{newcomer: 403, member: 403, moderator: 403}},
		{"/admin/sections/1/newcomers", nil, map[*testkit.Client]int{member: 403, moderator: 403}},
		{"/admin/settings", form("registrations_per_address", "0", "registrations_per_hour", "0", "external_images", "show"),
			map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 403}},
		{"/admin/rules", form("search_first", "off"), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 403}},
		{"/mod/words", form("pattern", "pirate", "action", "block"), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403}},
		{"/mod/words/1/delete", nil, map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403}},
		{"/mod/queue/1/approve", nil, map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 404, admin: 404}},
		{"/mod/queue/1/reject", form("reason", "Hors sujet."), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 404, admin: 404}},
		{"/ask/write", form("title", "Une question sans jeton", "body", "x"), map[*testkit.Client]int{visitor: 401}},
		{"/ask/pas-un-jeton/found", form("thread", "1"), map[*testkit.Client]int{visitor: 404, newcomer: 404}},
		{"/t/1/reply", form("body", "x"), map[*testkit.Client]int{visitor: 401}},
		{"/p/1/edit", form("body", "x"), map[*testkit.Client]int{visitor: 401}},
		{"/p/1/delete", nil, map[*testkit.Client]int{visitor: 401}},
		{"/settings/password", form("current", "x"), map[*testkit.Client]int{visitor: 401}},
		{"/preview", form("body", "x"), map[*testkit.Client]int{visitor: 401}},
		// Thank-yous and notifications: visitors must log in; a refused
		// one-click action comes back to the page with its message (303),
		// never an error page. Post 1 is the admin's question below.
		{"/p/1/thank", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/p/1/unthank", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/p/2/solution", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/t/1/solution/remove", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/p/2/not-helpful", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, admin: 303}},
		{"/notifications/read", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/notifications/1/read", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, moderator: 303, admin: 303}},
		{"/settings/profile", form("display_name", "Pirate"), map[*testkit.Client]int{visitor: 401}},
		{"/settings/replies", form("title", "Pirate", "body", "x", "team", "1"), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403}},
		{"/settings/replies/1", form("title", "Pirate", "body", "x"), map[*testkit.Client]int{visitor: 401, newcomer: 403}},
		{"/settings/replies/1/delete", nil, map[*testkit.Client]int{visitor: 401, newcomer: 403}},
		{"/settings/replies/1/move", form("direction", "up"), map[*testkit.Client]int{visitor: 401, newcomer: 403}},
		{"/admin/specialties", form("name", "Pirate"), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 403}},
		{"/admin/specialties/1", form("name", "Pirate"), map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 403}},
		{"/admin/specialties/1/delete", nil, map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, moderator: 403}},
	}
	for _, c := range posts {
		for client, want := range c.want {
			client.Get("/")
			if p := client.Post(c.path, c.values); p.Status != want {
				t.Errorf("POST %s: want %d, got %d", c.path, want, p.Status)
			}
		}
	}
	// Only the asker (the admin) marks a reply "ne m'a pas aidé"; the
	// solution chosen was removed by the asker and the moderator.
	var solved int64
	var notHelpfulBy []int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM threads WHERE solution_post_id IS NOT NULL").Scan(&solved)
	srv.App.DB.Raw("SELECT user_id FROM not_helpful").Scan(&notHelpfulBy)
	if solved != 0 || len(notHelpfulBy) != 1 || notHelpfulBy[0] != adminUser.ID {
		t.Errorf("refused requests changed the thread: %d solved, not helpful by %v", solved, notHelpfulBy)
	}
	var admins int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM users WHERE role = 'admin'").Scan(&admins)
	if admins != 1 {
		t.Fatalf("refused requests changed roles: %d admins", admins)
	}
	var specialties, pirates, canned int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM specialties").Scan(&specialties)
	srv.App.DB.Raw("SELECT COUNT(*) FROM specialties WHERE name = 'Pirate'").Scan(&pirates)
	srv.App.DB.Raw("SELECT COUNT(*) FROM canned_replies").Scan(&canned)
	if specialties != 8 || pirates != 0 || canned != 0 {
		t.Fatalf("refused requests changed specialties or canned replies: %d specialties, %d pirates, %d canned replies", specialties, pirates, canned)
	}
	t.Run("moderation", testModerationGuards)
}

// testModerationGuards (run by TestGuardsForEveryRole) extends the guard table to the
// moderators' routes and the flags: each route as visitor, newcomer,
// member, suspended member, moderator and admin, on the person's own
// content and others'. Only moderators and admins pass the route guard;
// the domain turns away a moderator acting on an admin, a suspended member
// who writes, flags or thanks, and anyone answering another's duplicate.
// Nothing changes for those refused.
func testModerationGuards(t *testing.T) {
	srv := testkit.NewServer(t)
	visitor := srv.Client()
	newcomer, newcomerUser := srv.NewUser(accounts.Newcomer)
	member, memberUser := srv.NewUser(accounts.Member)
	suspended, suspendedUser := srv.NewUser(accounts.Member)
	moderator, _ := srv.NewUser(accounts.Moderator)
	admin, adminUser := srv.NewUser(accounts.Admin)
	// Post 1 opens the member's thread, post 2 is the suspended member's
	// reply (their own content), post 3 the admin's.
	tURL := member.OpenThread("entre-nous", "Un sujet pour les gardes de la modération", "Texte de la question.")
	tid := testkit.ThreadID(t, tURL)
	own := suspended.Reply(tURL, "Ma réponse, écrite avant la suspension.")
	adminPost := admin.Reply(tURL, "La réponse de l'administratrice.")
	other := admin.OpenThread("entre-nous", "Un autre sujet, candidat canonique", "Texte.")
	until := "2099-01-01 00:00:00"
	if err := srv.App.DB.Exec("UPDATE users SET suspended_until = ?, suspension_reason = ? WHERE id = ?", until, "Propos insultants", suspendedUser.ID).Error; err != nil {
		t.Fatal(err)
	}
	modOnly := func(ok int) map[*testkit.Client]int {
		return map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 403, member: 403, suspended: 403, moderator: ok, admin: ok}
	}
	gets := []struct {
		path string
		want map[*testkit.Client]int
	}{
		{"/mod/flags", modOnly(200)},
		{"/mod/log", modOnly(200)},
		{"/mod/log?action=thread_pin&moderator=" + adminUser.Username, modOnly(200)},
		{"/mod/t/" + tid + "/edit", modOnly(200)},
		{"/mod/t/" + tid + "/duplicate", modOnly(200)},
		{"/mod/p/" + own + "/hide", modOnly(200)},
		{"/mod/users/" + itoa(newcomerUser.ID), modOnly(200)},
		{"/p/" + adminPost + "/flag", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 200, member: 200, suspended: 200, moderator: 200, admin: 200}},
		{"/t/" + tid + "/duplicate/no", map[*testkit.Client]int{visitor: http.StatusSeeOther, newcomer: 404, member: 404, suspended: 404, moderator: 404}},
		{tURL, map[*testkit.Client]int{visitor: 200, newcomer: 200, member: 200, suspended: 200, moderator: 200, admin: 200}},
	}
	for _, c := range gets {
		for client, want := range c.want {
			if p := client.Get(c.path); p.Status != want {
				t.Errorf("GET %s: want %d, got %d", c.path, want, p.Status)
			}
		}
	}
	// The thread page shows the moderators' forms to moderators only, and
	// the flag link to logged-in people who are not suspended.
	for client, want := range map[*testkit.Client]bool{visitor: false, newcomer: false, member: false, suspended: false, moderator: true, admin: true} {
		if got := client.Get(tURL).Has(".mod-tools"); got != want {
			t.Errorf("moderators' tools shown: %v, want %v", got, want)
		}
	}
	if p := suspended.Get(tURL); p.Has(".flag-link") || !strings.Contains(p.Text(".suspension-notice"), "Propos insultants") {
		t.Errorf("suspended member's page: flag link %v, notice %q", p.Has(".flag-link"), p.Text(".suspension-notice"))
	}
	nonMods := map[*testkit.Client]int{visitor: 401, newcomer: 403, member: 403, suspended: 403}
	sec := member.SectionID("juridique-et-statut")
	posts := []struct {
		path   string
		values url.Values
		want   map[*testkit.Client]int
	}{
		{"/mod/t/" + tid + "/do/close", nil, nonMods},
		{"/mod/t/" + tid + "/do/pin", nil, nonMods},
		{"/mod/t/" + tid + "/move", form("section", sec), nonMods},
		{"/mod/t/" + tid + "/title", form("title", "Un titre changé par un pirate"), nonMods},
		{"/mod/t/" + tid + "/duplicate", form("canonical", testkit.ThreadID(t, other)), nonMods},
		{"/mod/p/" + adminPost + "/hide", form("reason", "Pirate"), nonMods},
		{"/mod/p/" + adminPost + "/restore", nil, nonMods},
		{"/mod/users/" + itoa(newcomerUser.ID) + "/suspend", form("days", "3", "reason", "Pirate"), nonMods},
		{"/mod/users/" + itoa(suspendedUser.ID) + "/lift", nil, nonMods},
		{"/mod/users/" + itoa(newcomerUser.ID) + "/promote", nil, nonMods},
		{"/mod/flags/" + adminPost + "/dismiss", nil, nonMods},
		// A moderator does not act on an admin: a message, nothing changed.
		{"/mod/users/" + itoa(adminUser.ID) + "/suspend", form("days", "3", "reason", "Essai"), map[*testkit.Client]int{moderator: 303}},
		// Flags: the suspended member is refused with a message; nobody
		// flags their own post.
		{"/p/" + adminPost + "/flag", form("kind", "spam"), map[*testkit.Client]int{visitor: 401, suspended: 303}},
		{"/p/" + own + "/flag", form("kind", "spam"), map[*testkit.Client]int{suspended: 303}},
		{"/p/" + adminPost + "/flag", form("kind", "spam"), map[*testkit.Client]int{admin: 303}},
		// Only the asker answers a duplicate's closing (this one is none).
		{"/t/" + tid + "/duplicate/yes", nil, map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303, suspended: 303}},
		{"/t/" + tid + "/duplicate/no", form("sentence", "Pirate"), map[*testkit.Client]int{visitor: 401, newcomer: 303, member: 303}},
		// A suspended member cannot write or thank.
		{"/t/" + tid + "/reply", form("body", "Je réponds pendant ma suspension."), map[*testkit.Client]int{suspended: 422}},
		{"/p/" + adminPost + "/thank", nil, map[*testkit.Client]int{suspended: 303}},
		{"/p/" + own + "/edit", form("body", "Je modifie pendant ma suspension."), map[*testkit.Client]int{suspended: 403}},
	}
	for _, c := range posts {
		for client, want := range c.want {
			client.Get("/")
			if p := client.Post(c.path, c.values); p.Status != want {
				t.Errorf("POST %s: want %d, got %d", c.path, want, p.Status)
			}
		}
	}
	var changed struct {
		Moved, Closed, Pinned, Retitled, Hidden, Suspended, Promoted, Flags, Thanks, Posts, Log int64
	}
	q := srv.App.DB.Raw
	q("SELECT COUNT(*) FROM threads WHERE section_id = ?", sec).Scan(&changed.Moved)
	q("SELECT COUNT(*) FROM threads WHERE closed OR duplicate_of IS NOT NULL").Scan(&changed.Closed)
	q("SELECT COUNT(*) FROM threads WHERE pinned").Scan(&changed.Pinned)
	q("SELECT COUNT(*) FROM threads WHERE title LIKE '%pirate%'").Scan(&changed.Retitled)
	q("SELECT COUNT(*) FROM posts WHERE hidden_at IS NOT NULL").Scan(&changed.Hidden)
	q("SELECT COUNT(*) FROM users WHERE suspended_until IS NOT NULL AND id <> ?", suspendedUser.ID).Scan(&changed.Suspended)
	q("SELECT COUNT(*) FROM users WHERE id = ? AND role <> 'newcomer'", newcomerUser.ID).Scan(&changed.Promoted)
	q("SELECT COUNT(*) FROM flags WHERE user_id <> ?", adminUser.ID).Scan(&changed.Flags)
	q("SELECT COUNT(*) FROM thanks").Scan(&changed.Thanks)
	q("SELECT COUNT(*) FROM posts WHERE author_id = ?", suspendedUser.ID).Scan(&changed.Posts)
	q("SELECT COUNT(*) FROM mod_log").Scan(&changed.Log)
	if changed.Moved+changed.Closed+changed.Pinned+changed.Retitled+changed.Hidden+changed.Suspended+changed.Promoted+changed.Flags+changed.Thanks+changed.Log != 0 || changed.Posts != 1 {
		t.Fatalf("refused requests changed something: %+v", changed)
	}
	var stillSuspended int64
	q("SELECT COUNT(*) FROM users WHERE id = ? AND suspended_until IS NOT NULL", suspendedUser.ID).Scan(&stillSuspended)
	if stillSuspended != 1 {
		t.Fatal("a refused lift ended the suspension")
	}
	// The allowed roles succeed: a moderator pins, an admin unpins.
	moderator.Get(tURL)
	if p := moderator.Post("/mod/t/"+tid+"/do/pin", nil); p.Status != http.StatusSeeOther || !strings.Contains(moderator.Follow(p).Text(".flash"), "épinglé") {
		t.Fatalf("moderator pins: %d", p.Status)
	}
	admin.Get(tURL)
	if p := admin.Post("/mod/t/"+tid+"/do/unpin", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("admin unpins: %d", p.Status)
	}
	_ = memberUser
}

func TestLockedThreadRefusesRepliesButToModerators(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Un sujet bientôt verrouillé", "Texte.")
	id := testkit.ThreadID(t, url)
	srv.App.DB.Exec("UPDATE threads SET locked = TRUE WHERE id = ?", id)
	page := member.Get(url)
	if page.Has("#field-body") || !strings.Contains(page.Text(".notice"), "verrouillé") || !strings.Contains(page.Text(".badges"), "Verrouillé") {
		t.Fatalf("locked thread page: %q", page.Text("main"))
	}
	if p := member.Get("/t/" + id + "/reply"); p.Status != http.StatusForbidden {
		t.Errorf("reply form on a locked thread: %d", p.Status)
	}
	if p := member.Post("/t/"+id+"/reply", form("body", "Je réponds quand même.")); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "verrouillé") {
		t.Errorf("reply to a locked thread: %d %q", p.Status, p.Text(".form-errors"))
	}
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get(url)
	if p := mod.Post("/t/"+id+"/reply", form("body", "Un mot de la modération.")); p.Status != http.StatusSeeOther {
		t.Errorf("a moderator replies to a locked thread: %d", p.Status)
	}
}

// hostile are inputs that must come out inert wherever they are shown.
var hostile = []string{
	`<script>alert("xss")</script>`,
	`[cliquez ici](javascript:alert(1))`,
	`[encodé](&#106;avascript:alert(1))`,
	`<img src=x onerror=alert(1)>`,
	`<a href="https://exemple.fr" onclick="alert(1)">lien</a>`,
	`<iframe src="https://evil.example"></iframe>`,
	`![image](javascript:alert(1))`,
	`[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`<svg onload=alert(1)>`,
	`"><script>alert(1)</script>`,
	"un NUL \x00 collé : PostgreSQL refuse ce caractère dans un texte",
	"des octets invalides \xff\xfe\xc3( qu'aucune base ne doit garder",
	"un renversement \u202egpj.exe et un isolat \u2067\u202e\u2069 de droite à gauche",
	"des espaces sans largeur \u200b\u200b\ufeff\u2060 et un remplissage \u3164",
}

func TestHostileInputIsStoredAndShownInert(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", `Titre <script>alert("t")</script> piégé`, "Premier message")
	id := testkit.ThreadID(t, url)
	for _, h := range hostile {
		member.Get(url)
		if p := member.Post("/t/"+id+"/reply", form("body", "Texte autour : "+h)); p.Status != http.StatusSeeOther {
			t.Fatalf("reply %q: %d", h, p.Status)
		}
	}
	for _, path := range []string{url, url + "?page=1", "/", "/s/entre-nous"} {
		page := srv.Client().Get(path)
		assertInert(t, path, page.Doc)
	}
	// What reaches the database is valid UTF-8 without NUL nor bidi
	// controls, on both databases alike.
	var bodies []string
	srv.App.DB.Raw("SELECT body FROM posts").Scan(&bodies)
	for _, b := range bodies {
		if !utf8.ValidString(b) || strings.ContainsAny(b, "\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			t.Errorf("stored body %q", b)
		}
	}
	page := srv.Client().Get(url)
	if !strings.Contains(page.Text("h1"), `<script>alert("t")</script>`) {
		t.Errorf("the title should be shown as text: %q", page.Text("h1"))
	}
	if n := page.Doc.Find(".post-body").Length(); n != len(hostile)+1 {
		t.Errorf("%d posts shown", n)
	}
	// Links that survive carry the rel the product asks for.
	page.Doc.Find(".post-body a").Each(func(_ int, a *goquery.Selection) {
		if rel := a.AttrOr("rel", ""); !strings.Contains(rel, "nofollow") || !strings.Contains(rel, "ugc") || !strings.Contains(rel, "noopener") {
			t.Errorf("link %q has rel %q", a.AttrOr("href", ""), rel)
		}
	})
}

// assertInert fails if the page could run script from what members wrote.
func assertInert(t *testing.T, where string, doc *goquery.Document) {
	t.Helper()
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		if src, _ := s.Attr("src"); !strings.HasPrefix(src, "/static/") || strings.TrimSpace(s.Text()) != "" {
			t.Errorf("%s: foreign script %q %q", where, src, s.Text())
		}
	})
	doc.Find("iframe, object, embed, main svg, main style").Each(func(_ int, s *goquery.Selection) {
		t.Errorf("%s: forbidden element %s", where, goquery.NodeName(s))
	})
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			name, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(name, "on") {
				t.Errorf("%s: event handler attribute %s=%q", where, a.Key, a.Val)
			}
			if (name == "href" || name == "src") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")) {
				t.Errorf("%s: dangerous %s=%q", where, a.Key, a.Val)
			}
		}
	})
}

func TestSecurityHeadersOnEveryPage(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	for _, path := range []string{"/", "/login", "/nexiste-pas", "/s/entre-nous"} {
		p := srv.Client().Get(path)
		csp := p.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if p.Header.Get("X-Content-Type-Options") != "nosniff" || p.Header.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, p.Header)
		}
		if strings.Contains(p.Body, "<script>") {
			t.Errorf("%s: inline script", path)
		}
	}
	p := srv.Client().Get("/")
	var cookie string
	for _, c := range p.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "entraide=") {
			cookie = c
		}
	}
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Errorf("session cookie %q", cookie)
	}
}

func TestOversizedBodyIsRefused(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	id := member.SectionID("entre-nous")
	p := member.Post("/new", url.Values{"section": {id}, "title": {"Un message beaucoup trop long"}, "body": {strings.Repeat("a", 2<<20)}})
	if p.Status != http.StatusRequestEntityTooLarge || !strings.Contains(p.Text("main"), "trop volumineux") {
		t.Fatalf("2 MiB body: %d %q", p.Status, p.Text("main"))
	}
	p = member.Post("/new", url.Values{"section": {id}, "title": {"Un message un peu trop long"}, "body": {strings.Repeat("é", 50001)}})
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-body"), "50 000") {
		t.Fatalf("50,001 characters: %d %q", p.Status, p.Text("#error-body"))
	}
}

func TestTextIsGivenBackWhenItCannotBeSaved(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Un sujet pour tester les pannes", "Premier message.")
	id := testkit.ThreadID(t, url)
	member.Get(url)

	// An expired or forged token: refused, and the text comes back to copy —
	// but never as a form to send again, which would carry a valid token
	// and the attacker's other fields.
	p := member.PostRaw("/t/"+id+"/reply", form("csrf", "périmé", "body", "Une longue réponse <écrite> avec soin.", "role", "admin"))
	if p.Status != http.StatusForbidden || p.Text("textarea") != "Une longue réponse <écrite> avec soin." {
		t.Fatalf("expired form: %d %q", p.Status, p.Text("main"))
	}
	if p.Has(".unsaved form") || p.Has(`input[name="role"]`) {
		t.Fatal("a refused cross-site post came back as a form ready to send")
	}

	// The database gone: the text comes back too, never a bare error.
	if err := srv.App.DB.Close(); err != nil {
		t.Fatal(err)
	}
	p = member.Post("/new", form("section", "6", "title", "Un sujet écrit pendant la panne", "body", "Tout ce que j'ai écrit pendant la panne."))
	if p.Status != http.StatusInternalServerError || p.Text(".unsaved form #field-body") != "Tout ce que j'ai écrit pendant la panne." {
		t.Fatalf("database down: %d %q", p.Status, p.Text("main"))
	}
	if v, _ := p.Doc.Find(`.unsaved input[name="title"]`).Attr("value"); v != "Un sujet écrit pendant la panne" {
		t.Errorf("the title was not kept: %q", v)
	}
	if p.Has(`.unsaved input[name="password"]`) {
		t.Error("a password field was echoed")
	}
}

// TestAssetsAndProbesSetNoCookie: what a shared cache or a load balancer
// fetches carries no session, and pages tell caches to keep to themselves.
func TestAssetsAndProbesSetNoCookie(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	page := srv.Client().Get("/")
	if cc := page.Header.Get("Cache-Control"); !strings.Contains(cc, "private") {
		t.Errorf("page Cache-Control %q", cc)
	}
	css, _ := page.Doc.Find(`link[rel=stylesheet]`).Attr("href")
	for _, path := range []string{css, "/healthz", "/readyz"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || len(resp.Header.Values("Set-Cookie")) != 0 {
			t.Errorf("%s: %d, Set-Cookie %v", path, resp.StatusCode, resp.Header.Values("Set-Cookie"))
		}
	}
}

// TestCrossSitePostDoesNotReplaceTheSession: a POST that arrives without
// the session cookie (as a cross-site one does) is refused without handing
// out a new cookie that would log the member out.
func TestCrossSitePostDoesNotReplaceTheSession(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	resp, err := http.PostForm(srv.URL+"/logout", url.Values{"x": {"y"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || len(resp.Header.Values("Set-Cookie")) != 0 {
		t.Fatalf("cookie-less POST: %d, Set-Cookie %v", resp.StatusCode, resp.Header.Values("Set-Cookie"))
	}
}
