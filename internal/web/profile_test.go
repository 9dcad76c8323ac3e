package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"

	"github.com/PuerkitoBio/goquery"
)

// profileForm is a complete, valid profile as the form sends it.
func profileForm(pairs ...string) url.Values {
	v := form("display_name", "Sylvie Martin", "bio", "Secrétaire **médicale** depuis 12 ans.", "specialties", "2",
		"specialties_other", "Orthophonistes", "region", "69", "website", "https://sylvie-secretariat.fr",
		"contact_mode", "phone", "time_zone", "Europe/Paris", "contact_note", "Je réponds sous 48 h.",
		"day-0", "1", "from-0", "09:00", "to-0", "12:00", "day-1", "4", "from-1", "14:00", "to-1", "16:30")
	v.Add("specialties", "4")
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func TestProfileFormSavesAndTheProfileShowsIt(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, u := srv.NewUser(accounts.Member)
	page := member.Get("/settings/profile")
	if page.Status != http.StatusOK || !page.Has(`input[name="contact_mode"][value="forum"][checked]`) || page.Has(`input[value="message"]`) {
		t.Fatalf("empty form: %d, forum checked by default, no private messages yet: %s", page.Status, page.Text("form"))
	}
	p := member.Post("/settings/profile", profileForm())
	if p.Status != http.StatusSeeOther || p.Location != "/u/"+u.Username {
		t.Fatalf("save: %d %q %s", p.Status, p.Location, p.Text(".form-errors, .field-error"))
	}
	for _, who := range []*testkit.Client{srv.Client(), member} {
		prof := who.Get("/u/" + u.Username)
		if prof.Text("h1") != "Sylvie Martin" || prof.Text(".bio strong") != "médicale" || !strings.Contains(prof.Text(".meta"), "Rhône") {
			t.Errorf("profile: h1 %q, bio %q, meta %q", prof.Text("h1"), prof.Text(".bio"), prof.Text(".meta"))
		}
		if got := strings.Join(prof.Doc.Find(".profile-facts .tags li").Map(func(_ int, s *goquery.Selection) string { return s.Text() }), ", "); got != "Médical, Transcription, Orthophonistes" {
			t.Errorf("specialties: %q", got)
		}
		link := prof.Doc.Find(`.profile-facts a[href="https://sylvie-secretariat.fr"]`)
		if rel := link.AttrOr("rel", ""); !strings.Contains(rel, "nofollow") || !strings.Contains(rel, "ugc") {
			t.Errorf("website link rel %q", rel)
		}
		contact := prof.Text(".contact-preference")
		for _, want := range []string{"rendez-vous téléphonique est possible", "lundi, de 09:00 à 12:00", "jeudi, de 14:00 à 16:30", "Europe/Paris", "Je réponds sous 48 h.", "Aucun numéro"} {
			if !strings.Contains(contact, want) {
				t.Errorf("contact section lacks %q: %q", want, contact)
			}
		}
	}
	// The form comes back with what was saved.
	page = member.Get("/settings/profile")
	if page.Doc.Find("#field-display_name").AttrOr("value", "") != "Sylvie Martin" || !page.Has(`#specialty-2[checked]`) ||
		!page.Has(`#contact-phone[checked]`) || page.Doc.Find("#from-1").AttrOr("value", "") != "14:00" || !page.Has(`#field-region option[value="69"][selected]`) {
		t.Errorf("form after saving: %s", page.Text("form"))
	}
	if srv.Client().Get("/u/" + u.Username).Has(`a[href="/settings/profile"]`) {
		t.Error("a visitor is offered to edit the profile")
	}
}

func TestProfileFormRefusesBadInputAndKeepsIt(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, u := srv.NewUser(accounts.Newcomer) // newcomers have a profile too
	member.Get("/settings/profile")
	cases := []struct {
		name   string
		values url.Values
		field  string // the id of the message
		want   string
	}{
		{"phone number in the note", profileForm("contact_note", "Appelez-moi au 06 12 34 56 78"), "#error-contact_note", "Pas de numéro de téléphone"},
		{"phone number in the bio", profileForm("bio", "Joignable au +33 6 12 34 56 78 le soir"), "#error-bio", "Pas de numéro de téléphone"},
		{"javascript website", profileForm("website", "javascript:alert(1)"), "#error-website", "http:// ou https://"},
		{"window backwards", profileForm("from-1", "17:00", "to-1", "09:00"), "#error-window-1", "après l'heure de début"},
		{"phone without windows", profileForm("day-0", "", "from-0", "", "to-0", "", "day-1", "", "from-1", "", "to-1", ""), "#error-windows", "au moins un créneau"},
		{"overlapping windows", profileForm("day-1", "1", "from-1", "11:00", "to-1", "13:00"), "#error-windows", "se chevauchent"},
		{"long name", profileForm("display_name", strings.Repeat("a", 51)), "#error-display_name", "50 caractères"},
		{"unknown region", profileForm("region", "99"), "#error-region", "département"},
		{"unknown zone", profileForm("time_zone", "Mars/Olympus"), "#error-time_zone", "fuseau"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := member.Post("/settings/profile", c.values)
			if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(c.field), c.want) || !p.Has("#form-errors") {
				t.Fatalf("%d, %s: %q", p.Status, c.field, p.Text(c.field))
			}
			if p.Text("#field-bio") != c.values.Get("bio") || p.Doc.Find("#field-contact_note").AttrOr("value", "") != c.values.Get("contact_note") {
				t.Errorf("the text typed was not kept: %q %q", p.Text("#field-bio"), p.Doc.Find("#field-contact_note").AttrOr("value", ""))
			}
		})
	}
	var n int64
	srv.App.DB.Raw("SELECT COUNT(*) FROM profiles WHERE user_id = ?", u.ID).Scan(&n)
	if n != 0 {
		t.Fatal("a refused profile was saved")
	}
}

func TestHostileProfileIsInertEverywhere(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, u := srv.NewUser(accounts.Member)
	url := member.OpenThread("entre-nous", "Un sujet écrit par un profil piégé", "Premier message.")
	for _, h := range hostile {
		member.Get("/settings/profile")
		values := profileForm("display_name", h[:min(len(h), 50)], "bio", "Bio : "+h, "specialties_other", h[:min(len(h), 150)], "contact_note", h[:min(len(h), 200)])
		p := member.Post("/settings/profile", values)
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save %q: %d %s", h, p.Status, p.Text(".form-errors, .field-error"))
		}
		for _, path := range []string{"/u/" + u.Username, url, "/settings/profile", "/"} {
			page := member.Get(path)
			if page.Status != http.StatusOK {
				t.Fatalf("%s: %d", path, page.Status)
			}
			assertInert(t, path+" with "+h, page.Doc)
		}
	}
	// Websites that would run script are refused, not made inert.
	for _, w := range []string{`javascript:alert(1)`, `JaVaScRiPt:alert(1)`, `data:text/html,<script>alert(1)</script>`, `vbscript:msgbox(1)`, `https://exemple.fr/"onmouseover="alert(1)`} {
		if p := member.Post("/settings/profile", profileForm("website", w)); p.Status != http.StatusUnprocessableEntity {
			t.Errorf("website %q: %d", w, p.Status)
		}
	}
}

func TestContactLineBesidePostsAndNewcomersReminder(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	newcomer, _ := srv.NewUser(accounts.Newcomer)
	member.Get("/settings/profile")
	if p := member.Post("/settings/profile", profileForm()); p.Status != http.StatusSeeOther {
		t.Fatalf("save: %d", p.Status)
	}
	url := newcomer.AskQuestion("Comment devenir secrétaire indépendante ?", "Je débute, par où commencer ?")
	id := testkit.ThreadID(t, url)
	member.Get(url)
	if p := member.Post("/t/"+id+"/reply", form("body", "Bienvenue, voici quelques pistes.")); p.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d", p.Status)
	}
	page := srv.Client().Get(url)
	lines := page.Doc.Find(".post-head .contact-line")
	if lines.Length() != 2 || lines.Eq(0).Text() != "Préfère les échanges sur le forum" || lines.Eq(1).Text() != "Rendez-vous téléphonique sur demande" {
		t.Errorf("contact lines: %d %q", lines.Length(), page.Text(".post-head .contact-line"))
	}
	if strings.Contains(page.Body, "48 h") {
		t.Error("the contact note is the profile's, not every post's")
	}
	if !strings.Contains(page.Text(".newcomers-reminder"), "sur le forum") {
		t.Errorf("newcomers' thread header: %q", page.Text(".newcomers-reminder"))
	}
	other := member.OpenThread("entre-nous", "Un sujet entre membres confirmés", "Texte.")
	if srv.Client().Get(other).Has(".newcomers-reminder") {
		t.Error("the newcomers' reminder on a members' thread")
	}
}

func TestAdminKeepsTheSpecialties(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	page := admin.Get("/admin")
	if !page.Has(`a[href="/admin/specialties"]`) {
		t.Fatal("no way to the specialties from /admin")
	}
	page = admin.Get("/admin/specialties")
	if page.Doc.Find("#name-1").AttrOr("value", "") != "Juridique" {
		t.Fatalf("list: %s", page.Text("main"))
	}
	if p := admin.Post("/admin/specialties", form("name", "Traduction")); p.Status != http.StatusSeeOther {
		t.Fatalf("add: %d %s", p.Status, p.Text(".field-error"))
	}
	if p := admin.Post("/admin/specialties", form("name", "")); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-name"), "Indiquez") {
		t.Fatalf("empty name: %d %q", p.Status, p.Text("#error-name"))
	}
	if p := admin.Post("/admin/specialties", form("name", "JURIDIQUE")); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-name"), "déjà") {
		t.Fatalf("same name: %d %q", p.Status, p.Text("#error-name"))
	}
	if p := admin.Post("/admin/specialties/1", form("name", "Médical", "position", "1")); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-name-1"), "déjà") ||
		p.Doc.Find("#name-1").AttrOr("value", "") != "Médical" {
		t.Fatalf("rename onto another: %d %q", p.Status, p.Text("#error-name-1"))
	}
	if p := admin.Post("/admin/specialties/1", form("name", `Juridique <script>alert(1)</script>`, "position", "1")); p.Status != http.StatusSeeOther {
		t.Fatalf("rename: %d", p.Status)
	}
	if p := admin.Post("/admin/specialties/2/delete", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("delete: %d", p.Status)
	}
	member, _ := srv.NewUser(accounts.Member)
	page = member.Get("/settings/profile")
	assertInert(t, "profile form", page.Doc)
	if !strings.Contains(page.Text(".checkboxes"), "Juridique <script>") || !strings.Contains(page.Text(".checkboxes"), "Traduction") || strings.Contains(page.Text(".checkboxes"), "Médical") {
		t.Errorf("the member's choices: %q", page.Text(".checkboxes"))
	}
}
