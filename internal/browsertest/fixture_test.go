package browsertest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// site is a server with the content a real forum shows on every kind of
// page: a thread with replies by people of every role (Markdown of every
// kind, an edited reply), a newcomer's question, a pinned and a locked
// thread.
type site struct {
	srv               *testkit.Server
	member, newcomer  *accounts.User
	admin             *accounts.User
	memberHTTP        *testkit.Client
	threadURL         string // the member's thread, with replies
	threadID          string
	firstPostID       string // the member's post opening threadURL
	replyID           string // the member's own edited reply in threadURL
	newcomerThreadURL string
	solutionID        string // the admin's reply in threadURL: thanked, and the member's chosen solution
	askToken          string // the newcomer's ask session, at step 2
	visitorAskToken   string // a visitor's ask session, at step 2
	cannedReplyID     string // the member's canned reply that answers the newcomer's question
	pendingURL        string // the newcomer's reply waiting for approval in threadURL
	// Moderation (moderation_fixture_test.go).
	moderator     *accounts.User
	moderatorHTTP *testkit.Client
	duplicateURL  string // the newcomer's second question, closed onto threadURL
	duplicateID   string
}

// richPost uses every kind of formatting the editor's help teaches, and a
// few more, so that screenshots and contrast checks see them all.
const richPost = `Bonjour à toutes,

Je me lance comme **télésecrétaire indépendante** et je cherche mes *premiers clients*.
Ce que j'ai déjà fait :

- un site simple, avec mes tarifs ;
- une fiche sur [l'annuaire des indépendants](https://exemple.fr/annuaire) ;
- des messages à trois cabinets médicaux de ma ville.

> Ne cassez pas vos prix : on ne remonte jamais un tarif trop bas.

Mon modèle de relance, que je colle avec ` + "`Ctrl+V`" + ` :

` + "```" + `
Bonjour Docteur, je me permets de revenir vers vous…
` + "```" + `

| Prestation | Tarif |
|---|---|
| Permanence téléphonique | 1,20 € / appel |
| Frappe de courriers | 28 € / heure |

Merci d'avance pour vos conseils !`

func newForum(t *testing.T) *site {
	t.Helper()
	f := &site{srv: testkit.NewServer(t)}
	var adminHTTP, newcomerHTTP *testkit.Client
	f.memberHTTP, f.member = f.srv.NewUser(accounts.Member)
	newcomerHTTP, f.newcomer = f.srv.NewUser(accounts.Newcomer)
	adminHTTP, f.admin = f.srv.NewUser(accounts.Admin)
	f.setDisplayName(f.member, "Martine Lefèvre")

	f.threadURL = f.memberHTTP.OpenThread("trouver-des-clients", "Comment trouver ses premiers clients en télésecrétariat ?", richPost)
	f.threadID = strings.Split(f.threadURL, "/")[2]
	f.firstPostID = idAfter(t, f.memberHTTP.Get(f.threadURL).Doc.Find("article.post").First().AttrOr("id", ""), "p")
	newcomerHTTP.Reply("/t/"+f.threadID, "Merci pour ce sujet, je suis dans le même cas. Avez-vous essayé les plateformes de mise en relation ?")
	f.solutionID = adminHTTP.Reply("/t/"+f.threadID, "Pensez aussi aux **réseaux locaux** : chambres de commerce, clubs d'entrepreneurs.")
	f.replyID = f.memberHTTP.Reply("/t/"+f.threadID, "Merci à vous deux ! Je teste les deux pistes.")
	f.memberHTTP.Get("/p/" + f.replyID + "/edit")
	if p := f.memberHTTP.Post("/p/"+f.replyID+"/edit", testkit.URLValues("body", "Merci à vous deux ! Je teste les deux pistes et je vous dis.")); p.Status != http.StatusSeeOther {
		t.Fatalf("edit the reply: %d", p.Status)
	}
	// A newcomer's question comes through the ask flow.
	asked := newcomerHTTP.AskThread("faut il un diplome pour devenir secretaire independante", "", "Faut-il un diplôme pour devenir secrétaire indépendante ?",
		"Je viens de l'hôtellerie et je voudrais me reconvertir.", "J'ai lu le guide des premières étapes et la discussion sur les formations.")
	if asked.Status != http.StatusSeeOther {
		t.Fatalf("the newcomer's question: %d %s", asked.Status, asked.Text(".form-errors, .field-error"))
	}
	f.newcomerThreadURL = asked.Location
	f.askToken = newcomerHTTP.AskToken("comment trouver mes premiers clients")
	f.visitorAskToken = f.srv.Client().AskToken("comment trouver mes premiers clients")

	// Thank-yous and a solution: the newcomer thanks the admin's reply, the
	// member chooses it; the member's answer to the newcomer, two days old,
	// waits for the newcomer's response (reminder, and the step before a
	// new question). Everyone has notifications.
	newcomerHTTP.Act(f.threadURL, "/p/"+f.solutionID+"/thank")
	f.memberHTTP.Act(f.threadURL, "/p/"+f.solutionID+"/solution")
	waiting := f.memberHTTP.Reply(f.newcomerThreadURL, "Aucun diplôme n'est exigé : une formation courte en secrétariat médical aide beaucoup.")
	f.exec(t, "UPDATE posts SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-48*time.Hour), waiting)
	f.memberProfile(t)
	f.cannedReplyID = f.canned(t, f.member, false, "Se reconvertir : le diplôme n'est pas obligatoire", "Bonjour {prénom},\n\nAucun diplôme n'est exigé ; une formation aide. Lisez d'abord :\n\n{guides}")
	f.canned(t, f.admin, true, "Bienvenue", "Bienvenue {auteur}, les membres répondent ici, sur le forum.")

	pinned := adminHTTP.OpenThread("trouver-des-clients", "À lire avant de poser une question sur la prospection", "Les réponses aux questions les plus fréquentes.")
	locked := f.memberHTTP.OpenThread("trouver-des-clients", "Ancien sujet sur les annuaires payants", "Sujet clos.")
	f.moderate(t, newcomerHTTP, pinned, locked)

	// A reply of the newcomer's waits in the approval queue (testkit turns
	// the rule off; it holds their first posts for this one reply).
	f.srv.ApprovalOn(10)
	newcomerHTTP.Get(f.threadURL)
	held := newcomerHTTP.Post("/t/"+f.threadID+"/reply", testkit.URLValues("body", "Je débute aussi : est-ce que les **plateformes** prennent une commission ?"))
	if held.Status != http.StatusSeeOther || !strings.HasPrefix(held.Location, "/pending/") {
		t.Fatalf("the held reply: %d %q", held.Status, held.Location)
	}
	f.pendingURL = held.Location
	f.srv.ApprovalOn(0)
	return f
}

func (f *site) exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	if err := f.srv.App.DB.Exec(sql, args...).Error; err != nil {
		t.Fatal(err)
	}
}

func (f *site) setDisplayName(u *accounts.User, name string) {
	if err := f.srv.App.DB.Exec("UPDATE users SET display_name = ? WHERE id = ?", name, u.ID).Error; err == nil {
		u.DisplayName = name
	}
}

func idAfter(t *testing.T, s, marker string) string {
	t.Helper()
	i := strings.LastIndex(s, marker)
	if i < 0 {
		t.Fatalf("no %q in %q", marker, s)
	}
	return s[i+len(marker):]
}
