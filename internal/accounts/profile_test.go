package accounts_test

import (
	"errors"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/markup"
	"entraide/internal/testkit"
)

func TestLooksLikePhoneNumber(t *testing.T) {
	for _, c := range []struct {
		text  string
		phone bool
	}{
		{"Appelez-moi au 06 12 34 56 78", true},
		{"06.12.34.56.78", true},
		{"0612345678", true},
		{"01-23-45-67-89 le matin", true},
		{"+33 6 12 34 56 78", true},
		{"+33 (0)6 12 34 56 78", true},
		{"0033612345678", true},
		{"+1 514 555 0199", true},
		{"０６ １２ ３４ ５６ ７８", true}, // full-width digits
		{"Je réponds sous 48 h, du lundi au vendredi", false},
		{"SIRET 123 456 789 00012", false},
		{"Tarif : 1,20 € par appel, 90 € par mois", false},
		{"En activité depuis 2012, 350 clients", false},
		{"", false},
	} {
		if got := accounts.LooksLikePhoneNumber(c.text); got != c.phone {
			t.Errorf("%q: %v, want %v", c.text, got, c.phone)
		}
	}
}

func newProfiles(t *testing.T) (*accounts.Service, *accounts.Profiles) {
	t.Helper()
	d := testkit.NewDB(t)
	return accounts.New(d), accounts.NewProfiles(d, markup.New())
}

func TestSaveProfileAndReadItBack(t *testing.T) {
	s, p := newProfiles(t)
	u := register(t, s, "sylvie")
	list, err := p.Specialties(ctx)
	if err != nil || len(list) < 5 || list[0].Name != "Juridique" {
		t.Fatalf("default specialties: %v %v", list, err)
	}
	saved, err := p.Save(ctx, u, accounts.ProfileInput{
		DisplayName: "  Sylvie   Martin ", Bio: "Secrétaire **médicale** depuis 12 ans.\r\n\r\n<script>alert(1)</script>",
		SpecialtyIDs: []int64{list[1].ID, list[3].ID, list[1].ID}, SpecialtiesOther: "Orthophonistes", Region: "69",
		Website: "www.sylvie-secretariat.fr", ContactMode: accounts.ContactPhone, ContactNote: "Je réponds sous 48 h.",
		Windows: []accounts.WindowInput{{Day: "3", From: "14:00", To: "16:30"}, {}, {Day: "1", From: "9h", To: "12:00"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if saved.DisplayName != "Sylvie Martin" || saved.Name() != "Sylvie Martin" || !strings.Contains(saved.Bio, "**médicale**") {
		t.Fatalf("user: %+v", saved)
	}
	pr, err := p.Of(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(pr.BioHTML), "<strong>médicale</strong>") || strings.Contains(string(pr.BioHTML), "<script") {
		t.Errorf("bio HTML not sanitised as posts are: %q", string(pr.BioHTML))
	}
	if len(pr.Specialties) != 2 || pr.Specialties[0].Name != "Médical" || pr.Specialties[1].Name != "Transcription" {
		t.Errorf("specialties: %+v", pr.Specialties)
	}
	if pr.Website != "https://www.sylvie-secretariat.fr" || pr.Region != "69" || pr.TimeZone != "Europe/Paris" || pr.ContactNote != "Je réponds sous 48 h." {
		t.Errorf("profile: %+v", pr)
	}
	if len(pr.Windows) != 2 || pr.Windows[0].Weekday != 1 || pr.Windows[0].StartMinute != 9*60 || pr.Windows[1].EndMinute != 16*60+30 {
		t.Errorf("windows: %+v", pr.Windows)
	}
	// Back to "forum only": the windows go with the phone.
	if _, err := p.Save(ctx, saved, accounts.ProfileInput{ContactMode: accounts.ContactForum}); err != nil {
		t.Fatal(err)
	}
	p2, _ := p.Of(ctx, u.ID)
	if p2.ContactMode != accounts.ContactForum || len(p2.Windows) != 0 || len(p2.Specialties) != 0 || p2.Website != "" {
		t.Errorf("after clearing: %+v", p2)
	}
}

// TestContactModes: the mode saved is the one read back, and a member
// without a profile is reached through the forum (the thread page reads the
// modes with the posts, internal/forum).
func TestContactModes(t *testing.T) {
	s, p := newProfiles(t)
	a, b, c := register(t, s, "anne"), register(t, s, "berthe"), register(t, s, "carole")
	if _, err := p.Save(ctx, a, accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: []accounts.WindowInput{{Day: "2", From: "10:00", To: "11:00"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Save(ctx, b, accounts.ProfileInput{ContactMode: accounts.ContactForum}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		u    *accounts.User
		mode accounts.ContactMode
	}{{a, accounts.ContactPhone}, {b, accounts.ContactForum}} {
		if pr, err := p.Of(ctx, want.u.ID); err != nil || pr.ContactMode != want.mode {
			t.Errorf("%s: %+v %v", want.u.Username, pr, err)
		}
	}
	if pr, _ := p.Of(ctx, c.ID); pr.ContactMode != accounts.ContactForum || pr.TimeZone != accounts.DefaultTimeZone {
		t.Errorf("defaults: %+v", pr)
	}
}

func TestSaveProfileRefusesBadInput(t *testing.T) {
	s, p := newProfiles(t)
	u := register(t, s, "odette")
	window := []accounts.WindowInput{{Day: "1", From: "09:00", To: "12:00"}}
	cases := []struct {
		name string
		in   accounts.ProfileInput
		want map[string]string
	}{
		{"long display name", accounts.ProfileInput{DisplayName: strings.Repeat("é", 51)}, map[string]string{"display_name": "members.display_name.too_long"}},
		{"staff name", accounts.ProfileInput{DisplayName: "Modérateur"}, map[string]string{"display_name": "members.display_name.reserved"}},
		{"long bio", accounts.ProfileInput{Bio: strings.Repeat("a", 1001)}, map[string]string{"bio": "members.bio.too_long"}},
		{"phone in bio", accounts.ProfileInput{Bio: "Joignable au 06 12 34 56 78"}, map[string]string{"bio": "members.phone_number"}},
		{"phone in note", accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: window, ContactNote: "+33 6 12 34 56 78"}, map[string]string{"contact_note": "members.phone_number"}},
		{"phone in name", accounts.ProfileInput{DisplayName: "Sylvie 0612345678"}, map[string]string{"display_name": "members.phone_number"}},
		{"phone in specialties", accounts.ProfileInput{SpecialtiesOther: "appelez le 01 23 45 67 89"}, map[string]string{"specialties_other": "members.phone_number"}},
		{"phone in website", accounts.ProfileInput{Website: "https://exemple.fr/appelez-0612345678"}, map[string]string{"website": "members.phone_number"}},
		{"javascript website", accounts.ProfileInput{Website: "javascript:alert(1)"}, map[string]string{"website": "members.website.scheme"}},
		{"ftp website", accounts.ProfileInput{Website: "ftp://exemple.fr"}, map[string]string{"website": "members.website.scheme"}},
		{"data website", accounts.ProfileInput{Website: "data:text/html,<script>alert(1)</script>"}, map[string]string{"website": "members.website.scheme"}},
		{"website with credentials", accounts.ProfileInput{Website: "https://moi:secret@exemple.fr"}, map[string]string{"website": "members.website.invalid"}},
		{"website without host", accounts.ProfileInput{Website: "https://"}, map[string]string{"website": "members.website.invalid"}},
		{"website breaking out", accounts.ProfileInput{Website: `https://exemple.fr/"><script>`}, map[string]string{"website": "members.website.invalid"}},
		{"unknown region", accounts.ProfileInput{Region: "99"}, map[string]string{"region": "members.region.unknown"}},
		{"unknown zone", accounts.ProfileInput{TimeZone: "Mars/Olympus"}, map[string]string{"time_zone": "members.time_zone.unknown"}},
		{"unknown mode", accounts.ProfileInput{ContactMode: "pigeon"}, map[string]string{"contact_mode": "members.contact.unknown"}},
		{"messages before they exist", accounts.ProfileInput{ContactMode: accounts.ContactMessage}, map[string]string{"contact_mode": "members.contact.unknown"}},
		{"phone without windows", accounts.ProfileInput{ContactMode: accounts.ContactPhone}, map[string]string{"windows": "members.windows.required"}},
		{"window ends first", accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: []accounts.WindowInput{{Day: "1", From: "12:00", To: "09:00"}}}, map[string]string{"window-0": "members.windows.order"}},
		{"window without day", accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: []accounts.WindowInput{{}, {From: "09:00", To: "10:00"}}}, map[string]string{"window-1": "members.windows.day"}},
		{"window bad time", accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: []accounts.WindowInput{{Day: "8", From: "09:00", To: "10:00"}, {Day: "2", From: "25:00", To: "26:00"}}},
			map[string]string{"window-0": "members.windows.day", "window-1": "members.windows.time"}},
		{"windows overlap", accounts.ProfileInput{ContactMode: accounts.ContactPhone, Windows: []accounts.WindowInput{{Day: "1", From: "09:00", To: "12:00"}, {Day: "1", From: "11:00", To: "13:00"}}},
			map[string]string{"windows": "members.windows.overlap"}},
		{"unknown specialty", accounts.ProfileInput{SpecialtyIDs: []int64{999999}}, map[string]string{"specialties": "members.specialties.unknown"}},
		{"too many specialties", accounts.ProfileInput{SpecialtyIDs: []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, map[string]string{"specialties": "members.specialties.too_many"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.Save(ctx, u, c.in)
			bad, ok := errs.AsInvalid(err)
			if !ok {
				t.Fatalf("want field errors, got %v", err)
			}
			for field, key := range c.want {
				if bad[field] != key {
					t.Errorf("%s: want %s, got %q (all: %v)", field, key, bad[field], bad)
				}
			}
		})
	}
	if pr, _ := p.Of(ctx, u.ID); pr.UpdatedAt.Unix() > 0 {
		t.Fatalf("a refused profile was written: %+v", pr)
	}
	p.MessagesEnabled = true
	if _, err := p.Save(ctx, u, accounts.ProfileInput{ContactMode: accounts.ContactMessage}); err != nil {
		t.Fatalf("private messages once they exist: %v", err)
	}
}

func TestHostileProfileTextIsCleaned(t *testing.T) {
	s, p := newProfiles(t)
	u := register(t, s, "hortense")
	saved, err := p.Save(ctx, u, accounts.ProfileInput{DisplayName: "Hor\u202etense\x00\x07 <b>", ContactNote: "note\x00 \u2066cachée", Bio: "un NUL \x00 et \xff",
		SpecialtiesOther: "<img src=x onerror=alert(1)>"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.DisplayName != "Hor tense <b>" || strings.ContainsAny(saved.Bio, "\x00") {
		t.Errorf("cleaned: %q %q", saved.DisplayName, saved.Bio)
	}
	pr, _ := p.Of(ctx, u.ID)
	if pr.ContactNote != "note cachée" || pr.SpecialtiesOther != "<img src=x onerror=alert(1)>" {
		t.Errorf("cleaned note %q, other %q (kept as text, escaped where shown)", pr.ContactNote, pr.SpecialtiesOther)
	}
}

func TestOnlyAdminsKeepTheSpecialties(t *testing.T) {
	s, p := newProfiles(t)
	member := register(t, s, "mireille")
	admin, err := s.CreateAdmin(ctx, "patronne", "patronne@exemple.fr", goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.AddSpecialty(ctx, member, "Pirate"); !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("a member added a specialty: %v", err)
	}
	if err := p.AddSpecialty(ctx, admin, "  Traduction  "); err != nil {
		t.Fatal(err)
	}
	if err := p.AddSpecialty(ctx, admin, "traduction"); err == nil {
		t.Fatal("the same specialty twice")
	}
	if err := p.AddSpecialty(ctx, admin, ""); err == nil {
		t.Fatal("an empty specialty")
	}
	list, _ := p.Specialties(ctx)
	last := list[len(list)-1]
	if last.Name != "Traduction" {
		t.Fatalf("added at the end: %+v", last)
	}
	if _, err := p.Save(ctx, member, accounts.ProfileInput{SpecialtyIDs: []int64{last.ID, list[0].ID}}); err != nil {
		t.Fatal(err)
	}
	if err := p.RenameSpecialty(ctx, admin, last.ID, "Traduction juridique", 0); err != nil {
		t.Fatal(err)
	}
	if pr, _ := p.Of(ctx, member.ID); len(pr.Specialties) != 2 || pr.Specialties[0].Name != "Traduction juridique" {
		t.Fatalf("renamed specialty kept by the member, first by position: %+v", pr.Specialties)
	}
	if err := p.DeleteSpecialty(ctx, member, last.ID); !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("a member deleted a specialty: %v", err)
	}
	if err := p.DeleteSpecialty(ctx, admin, last.ID); err != nil {
		t.Fatal(err)
	}
	if pr, _ := p.Of(ctx, member.ID); len(pr.Specialties) != 1 {
		t.Fatalf("deleted specialty still on the profile: %+v", pr.Specialties)
	}
}
