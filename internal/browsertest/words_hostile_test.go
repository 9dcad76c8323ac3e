package browsertest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/testkit"
	"entraide/internal/words"
)

// TestHostileWatchedWordsStayInert writes every hostile input of the
// project's list as a watched word (those without two letters are refused
// by the form, as they should be) and loads the moderators' list; then a
// member's post stopped by such a word shows the refusal, which quotes the
// word, and a rejection page keeps the member's hostile text.
func TestHostileWatchedWordsStayInert(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, mod := srv.NewUser(accounts.Moderator)
	added := 0
	var blocking string
	for _, h := range hostileInputs {
		w, err := srv.App.Words.Add(ctx, mod, cut(h, words.MaxPattern), words.Block)
		if _, invalid := errs.AsInvalid(err); invalid {
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", h, err)
		}
		added++
		if blocking == "" && strings.Contains(h, "<script>") {
			blocking = w.Pattern
		}
	}
	if added < len(hostileInputs)/2 || blocking == "" {
		t.Fatalf("only %d hostile words were added", added)
	}
	tab := browser.Tab(t, srv)
	tab.Login(mod.Username, testkit.Password)
	if status := tab.Go("/mod/words"); status != http.StatusOK {
		t.Fatalf("/mod/words: %d", status)
	}
	expectInert(t, tab, "/mod/words")
	tab.Logout()

	admin, _ := srv.NewUser(accounts.Admin)
	threadURL := admin.OpenThread("entre-nous", "Un sujet pour les mots piégés", "Premier message.")
	_, member := srv.NewUser(accounts.Member)
	tab.Login(member.Username, testkit.Password)
	tab.Go("/t/" + strings.Split(threadURL, "/")[2] + "/reply")
	tab.Fill(`textarea[name="body"]`, "Je cite : "+blocking)
	if status := tab.Submit(`form.post-form button.primary`); status != http.StatusUnprocessableEntity {
		t.Fatalf("the post with a blocking word: %d at %s: %q (word %q)", status, tab.Path(), tab.Text("main"), blocking)
	}
	if !strings.Contains(tab.Text(".form-errors"), "mots surveillés") {
		t.Fatalf("no refusal: %q", tab.Text(".form-errors"))
	}
	expectInert(t, tab, "refusal quoting a hostile word")
}
