package browsertest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// TestNewcomerIsRemindedAndThanksInPlace follows a newcomer whose question
// gets a reply: the bell counts it, the notification leads to the reply,
// the reminder waits under it, "Merci" is sent in place (same document,
// count updated, reminder gone), and the reply is chosen as the solution.
// Screenshots of each step land in test-artifacts/.
func TestNewcomerIsRemindedAndThanksInPlace(t *testing.T) {
	srv := testkit.NewServer(t)
	askerHTTP, asker := srv.NewUser(accounts.Newcomer)
	asked := askerHTTP.AskThread("comment trouver mes premiers clients", "", "Comment trouver mes premiers clients ?",
		"Je démarre en secrétariat médical et je ne sais pas par où commencer.", testkit.AskedTried)
	if asked.Status != http.StatusSeeOther {
		t.Fatalf("ask: %d %s", asked.Status, asked.Text(".form-errors"))
	}
	threadPath := asked.Location
	tab := browser.Tab(t, srv)
	tab.Login(asker.Username, testkit.Password)
	memberHTTP, member := srv.NewUser(accounts.Member)
	replyID := memberHTTP.Reply(threadPath, "Commencez par les cabinets de votre ville : un courrier, puis un appel une semaine après.")

	tab.Go("/")
	if got := tab.Text(".bell .unread-count"); got != "1" {
		t.Fatalf("the bell shows %q", got)
	}
	tab.Screenshot("thanks-flow-1-bell")
	if status := tab.Submit(".bell"); status != http.StatusOK || tab.Path() != "/notifications" {
		t.Fatalf("the bell leads to %s (%d)", tab.Path(), status)
	}
	if got := tab.Text(".notification"); !strings.Contains(got, member.Username+" a répondu à votre question") {
		t.Fatalf("notification: %q", got)
	}
	tab.Screenshot("thanks-flow-2-notifications")
	if status := tab.Submit(".notification .open-form button"); status != http.StatusOK || !strings.HasSuffix(tab.Path(), "#p"+replyID) {
		t.Fatalf("the notification leads to %s (%d)", tab.Path(), status)
	}
	if tab.Has(".bell .unread-count") {
		t.Error("opening the notification did not mark it read")
	}
	post := "#p" + replyID
	if !tab.Has(post+" .reminder") || !strings.Contains(tab.Text(".reminder-banner"), "1 réponse attend votre retour") {
		t.Fatalf("no reminder: %q", tab.Text("main"))
	}
	tab.Screenshot("thanks-flow-3-reminder")

	tab.Eval(`window.__sameDocument = true`, nil)
	tab.Click(post + " .thanks button.thank")
	tab.WaitVisible(post + " .thanks .thanked")
	var same bool
	tab.Eval(`window.__sameDocument === true`, &same)
	if !same {
		t.Error("Merci reloaded the page")
	}
	if got := tab.Text(post + " .thank-count"); got != "1 merci" {
		t.Errorf("count after Merci: %q", got)
	}
	if tab.Has(post + " .reminder") {
		t.Error("the reminder stayed after Merci")
	}
	tab.Screenshot("thanks-flow-4-merci-in-place")

	if status := tab.Submit(post + ` form[action$="/solution"] button`); status != http.StatusOK {
		t.Fatalf("solution: %d", status)
	}
	if !strings.Contains(tab.Text(".page-head .badges"), "Résolu") || !strings.Contains(tab.Text(".solution-box"), "cabinets de votre ville") {
		t.Errorf("after the solution: badges %q, box %q", tab.Text(".page-head .badges"), tab.Text(".solution-box"))
	}
	tab.Screenshot("thanks-flow-5-solution")
	tab.ExpectNoProblems("newcomer thanks and chooses the solution")

	helper := browser.Tab(t, srv)
	helper.Login(member.Username, testkit.Password)
	if got := helper.Text(".bell .unread-count"); got != "2" {
		t.Errorf("the helper's bell: %q", got)
	}
	helper.Go("/notifications")
	helper.Screenshot("thanks-flow-6-helper-notifications")
	helper.ExpectNoProblems("helper's notifications")
}

// TestHostileTextInThanksPagesStaysInert shows hostile titles, bodies and
// display names in the pages this feature adds or changes: notifications,
// the chosen reply under the question, who thanked, and the answers listed
// before a new question.
func TestHostileTextInThanksPagesStaysInert(t *testing.T) {
	srv := testkit.NewServer(t)
	askerHTTP, asker := srv.NewUser(accounts.Newcomer)
	writerHTTP, writer := srv.NewUser(accounts.Admin)
	hostile := hostileInputs[:24]
	for _, u := range []*accounts.User{asker, writer} {
		if err := srv.App.DB.Exec("UPDATE users SET display_name = ? WHERE id = ?", hostile[int(u.ID)%len(hostile)], u.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	asked := askerHTTP.AskThread("question piegee", "", fmt.Sprintf("Question piégée %.120s", hostile[0]), strings.Join(hostile[:6], "\n\n"), testkit.AskedTried)
	if asked.Status != http.StatusSeeOther {
		t.Fatalf("ask: %d %s", asked.Status, asked.Text(".form-errors, .field-error"))
	}
	thread := asked.Location
	id := strings.Split(thread, "/")[2]
	chosen := writerHTTP.Reply("/t/"+id, strings.Join(hostile, "\n\n"))
	waiting := writerHTTP.Reply("/t/"+id, strings.Join(hostile[6:], "\n\n"))
	askerHTTP.Act(thread, "/p/"+chosen+"/solution")
	if err := srv.App.DB.Exec("UPDATE posts SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-48*time.Hour), waiting).Error; err != nil {
		t.Fatal(err)
	}
	askerTab := browser.Tab(t, srv)
	askerTab.Login(asker.Username, testkit.Password)
	for _, path := range []string{"/notifications", thread, "/new", "/p/" + chosen + "/thanks"} {
		if status := askerTab.Go(path); status != http.StatusOK {
			t.Fatalf("%s: %d", path, status)
		}
		expectInert(t, askerTab, path)
	}
	writerTab := browser.Tab(t, srv)
	writerTab.Login(writer.Username, testkit.Password)
	writerTab.Go("/notifications")
	expectInert(t, writerTab, "the writer's notifications")
}
