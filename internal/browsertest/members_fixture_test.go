package browsertest

import (
	"context"
	"strconv"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/replies"
)

// memberProfile gives the fixture's member a complete profile: a bio with
// formatting, specialties, a website and phone appointments with windows,
// so that every part of the profile page and of the settings form is seen.
func (f *site) memberProfile(t *testing.T) {
	t.Helper()
	u, err := f.srv.App.Profiles.Save(context.Background(), f.member, accounts.ProfileInput{DisplayName: "Martine Lefèvre",
		Bio: "Télésecrétaire **médicale** depuis 2015.\n\n- cabinets de kinésithérapie\n- centres dentaires", SpecialtyIDs: []int64{2, 4},
		SpecialtiesOther: "Orthophonistes", Region: "44", Website: "https://martine-secretariat.example", ContactMode: accounts.ContactPhone,
		ContactNote: "Je réponds sous 48 h.", Windows: []accounts.WindowInput{{Day: "2", From: "14:00", To: "16:00"}, {Day: "4", From: "09:30", To: "11:00"}}})
	if err != nil {
		t.Fatal(err)
	}
	*f.member = *u
}

// canned writes a canned reply through the service and returns its id.
func (f *site) canned(t *testing.T, owner *accounts.User, team bool, title, body string) string {
	t.Helper()
	r, err := f.srv.App.Replies.Create(context.Background(), owner, team, replies.Input{Title: title, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(r.ID, 10)
}

func openCannedList(tab interface {
	Click(string)
	WaitVisible(string)
}) {
	tab.Click("details.canned summary")
	tab.WaitVisible("details.canned .canned-list a")
}
