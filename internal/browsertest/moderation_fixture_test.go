package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// moderate gives the fixture its moderation, through the moderators'
// forms: a pinned and a locked thread, the newcomer's second question
// closed as a duplicate of the member's thread, a hidden reply and a
// pending flag.
func (f *site) moderate(t *testing.T, newcomerHTTP *testkit.Client, pinned, locked string) {
	t.Helper()
	f.moderatorHTTP, f.moderator = f.srv.NewUser(accounts.Moderator)
	f.setDisplayName(f.moderator, "Hélène Moreau")
	mod := f.moderatorHTTP
	do := func(path string, values ...string) {
		t.Helper()
		mod.Get("/")
		if p := mod.Post(path, testkit.URLValues(values...)); p.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", path, p.Status, p.Text(".form-errors"))
		}
	}
	do("/mod/t/" + strings.Split(pinned, "/")[2] + "/do/pin")
	do("/mod/t/" + strings.Split(locked, "/")[2] + "/do/lock")
	asked := newcomerHTTP.AskThread("trouver des premiers clients en secretariat", "", "Trouver des premiers clients quand on débute en secrétariat",
		"Je débute et je ne sais pas où chercher mes premiers clients.", "J'ai lu le guide des premières étapes.")
	if asked.Status != http.StatusSeeOther {
		t.Fatalf("the newcomer's second question: %d %s", asked.Status, asked.Text(".form-errors, .field-error"))
	}
	f.duplicateURL, f.duplicateID = asked.Location, strings.Split(asked.Location, "/")[2]
	do("/mod/t/"+f.duplicateID+"/duplicate", "canonical", f.threadID, "message", "La réponse est déjà dans le sujet de Martine.")
	spam := newcomerHTTP.Reply("/t/"+f.threadID, "Découvrez mon annuaire payant, inscription à prix réduit cette semaine.")
	do("/mod/p/"+spam+"/hide", "reason", "Publicité")
	f.memberHTTP.Get("/p/" + f.solutionID + "/flag")
	if p := f.memberHTTP.Post("/p/"+f.solutionID+"/flag", testkit.URLValues("kind", "other", "sentence", "Le lien vers la chambre de commerce ne marche plus.")); p.Status != http.StatusSeeOther {
		t.Fatalf("flag: %d", p.Status)
	}
}
