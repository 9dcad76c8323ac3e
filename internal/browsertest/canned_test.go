package browsertest

import (
	"strings"
	"testing"
	"time"

	"entraide/internal/testkit"
)

func TestInsertCannedReply(t *testing.T) { insertCannedReply(t, true) }

func TestInsertCannedReplyWithoutJavaScript(t *testing.T) { insertCannedReply(t, false) }

// insertCannedReply is the member answering the newcomer's question with
// her canned reply: suggested by the reply box, inserted in place after
// what she typed with JavaScript, through the reply page without, filled
// in for the asker and the thread either way, and counted once published.
func insertCannedReply(t *testing.T, javaScript bool) {
	f := newForum(t)
	tab := browser.Tab(t, f.srv)
	if !javaScript {
		tab.DisableJavaScript()
	}
	tab.Login(f.member.Username, testkit.Password)
	tab.Go(f.newcomerThreadURL)
	if !strings.Contains(tab.Text(".canned-suggestion"), "Se reconvertir") {
		t.Errorf("no suggestion for the newcomer's question: %q", tab.Text(".canned-suggestion"))
	}
	tab.Fill("#field-body", "Bonjour,")
	openCannedList(tab)
	link := `details.canned a[data-canned-id="` + f.cannedReplyID + `"]`
	if javaScript {
		tab.Eval(`window.__sameDocument = true`, nil)
		tab.Click(link)
		waitFor(t, tab, `document.querySelector('form.post-form input[name="canned"][value="`+f.cannedReplyID+`"]') !== null`)
		var same bool
		tab.Eval(`window.__sameDocument === true`, &same)
		if !same || tab.Path() != f.newcomerThreadURL {
			t.Errorf("the insertion reloaded the page (now at %s)", tab.Path())
		}
		if !strings.Contains(tab.Text(".canned-status"), "insérée") {
			t.Errorf("the insertion is not announced: %q", tab.Text(".canned-status"))
		}
	} else if status := tab.Submit(link); status != 200 || !strings.Contains(tab.Path(), "/reply?canned=") {
		t.Fatalf("without JavaScript: status %d at %s", status, tab.Path())
	}
	var body string
	tab.Eval(`document.querySelector("#field-body").value`, &body)
	newcomerName := f.newcomer.Name()
	if !strings.Contains(body, "Bonjour "+newcomerName+",") || !strings.Contains(body, "Aucun diplôme") || strings.Contains(body, "{") {
		t.Errorf("inserted text: %q", body)
	}
	if javaScript && !strings.HasPrefix(body, "Bonjour,\n\nBonjour "+newcomerName) {
		t.Errorf("what was typed before was not kept: %q", body)
	}
	if status := tab.Submit(`form.post-form button.primary`); status != 200 {
		t.Fatalf("publish: status %d: %s", status, tab.Text(".form-errors"))
	}
	if !strings.Contains(tab.Text(".post:last-of-type .post-body"), "Aucun diplôme") {
		t.Errorf("the published reply: %q", tab.Text(".post:last-of-type .post-body"))
	}
	var uses int
	f.srv.App.DB.Raw("SELECT use_count FROM canned_replies WHERE id = ?", f.cannedReplyID).Scan(&uses)
	if uses != 1 {
		t.Errorf("%d uses counted, want 1", uses)
	}
	tab.ExpectNoProblems("insert a canned reply")
}

// waitFor evaluates condition in the page until it holds, for what a script
// does without showing anything (a hidden field).
func waitFor(t *testing.T, tab *testkit.Tab, condition string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var ok bool
		tab.Eval(condition, &ok)
		if ok {
			return
		}
	}
	t.Fatalf("still false after 10 s: %s", condition)
}
