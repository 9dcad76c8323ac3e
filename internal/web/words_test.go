package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/limits"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// Moderators keep the list at /mod/words; a bad entry comes back with its
// message and the text typed.
func TestModeratorsKeepTheWatchedWords(t *testing.T) {
	srv := testkit.NewServer(t)
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get("/mod/words")
	for _, w := range [][2]string{{"arnaq*", "block"}, {"argent facile", "mask"}} {
		if p := mod.Post("/mod/words", form("pattern", w[0], "action", w[1])); p.Status != http.StatusSeeOther {
			t.Fatalf("add %q: %d %q", w[0], p.Status, p.Text("main"))
		}
	}
	page := mod.Get("/mod/words")
	if got := page.Text("table.words"); !strings.Contains(got, "arnaq*") || !strings.Contains(got, "Refuser le message") || !strings.Contains(got, "Masquer le mot") {
		t.Fatalf("the list: %q", got)
	}
	for _, bad := range []struct{ pattern, action, field, msg string }{
		{"", "block", "pattern", "au moins une lettre"},
		{"***", "block", "pattern", "au moins une lettre"},
		{"a*", "block", "pattern", "deux lettres"},
		{strings.Repeat("mot ", 30), "mask", "pattern", "100 caractères"},
		{"ARNAQ*", "mask", "pattern", "déjà dans la liste"},
		{"spam", "supprimer", "action", "Choisissez"},
	} {
		p := mod.Post("/mod/words", form("pattern", bad.pattern, "action", bad.action))
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-"+bad.field), bad.msg) {
			t.Errorf("%q/%q: %d %q", bad.pattern, bad.action, p.Status, p.Text("main"))
		}
		if bad.field == "pattern" && p.Doc.Find("#field-pattern").AttrOr("value", "") != bad.pattern {
			t.Errorf("%q not given back", bad.pattern)
		}
	}
	if n := mod.Get("/mod/words").Doc.Find("table.words tbody tr").Length(); n != 2 {
		t.Fatalf("%d words after refused entries, want 2", n)
	}
	// The domain refuses anyone but a moderator.
	_, member := srv.NewUser(accounts.Member)
	if _, err := srv.App.Words.Add(context.Background(), member, "pirate", "block"); err == nil {
		t.Fatal("a member added a watched word")
	}
}

func TestWatchedWordsBlockAndMask(t *testing.T) {
	srv, admin, section, threadURL := limitsForum(t)
	mod, _ := srv.NewUser(accounts.Moderator)
	mod.Get("/mod/words")
	mod.Post("/mod/words", form("pattern", "arnaq*", "action", "block"))
	mod.Post("/mod/words", form("pattern", "argent facile", "action", "mask"))
	c, u := srv.NewUser(accounts.Member)
	c.Get(threadURL)
	text := "Attention, c'est une ARNAQUÉE bien montée."
	p := c.Post("/t/"+testkit.ThreadID(t, threadURL)+"/reply", form("body", text))
	refusedBy(t, srv, p, u, rules.WatchedWords, "mots surveillés", text, 0)
	if !strings.Contains(p.Text(".form-errors"), "« arnaq* »") {
		t.Errorf("the message does not name the word: %q", p.Text(".form-errors"))
	}
	// In a title, for a newcomer.
	nc, nu := srv.NewUser(accounts.Newcomer)
	nc.Get("/new")
	p = nc.Post("/new", form("section", section, "title", "Est-ce une arnaque connue ?", "body", "Je me pose la question."))
	refusedBy(t, srv, p, nu, rules.WatchedWords, "mots surveillés", "Je me pose la question.", 0)
	// Masked: the post is published with the word replaced, and logged.
	c.Reply(threadURL, "Méfiez-vous de l'Argent Facile promis par mail.")
	shown := c.Get(threadURL).Text(".post")
	if strings.Contains(shown, "Argent Facile") || !strings.Contains(shown, "de l'••• promis") {
		t.Fatalf("not masked: %q", shown)
	}
	if n, _ := srv.App.ModLog.Count(context.Background(), modlog.Filter{Action: limits.WordMasked, UserID: u.ID}); n != 1 {
		t.Fatalf("%d masking lines, want 1", n)
	}
	// Moderators are not subject to them.
	mod.Reply(threadURL, "Ce n'est pas une arnaque, c'est un conseil.")
	// With the rule off, nothing is refused.
	admin.Get("/admin/rules")
	if p := admin.Post("/admin/rules", form(rules.WatchedWords, rules.Off)); p.Status != http.StatusSeeOther {
		t.Fatal(p.Status)
	}
	c.Reply(threadURL, text)
	if !strings.Contains(srv.Client().Get("/rules").Text("#rule-watched_words"), "n'applique pas") {
		t.Error("/rules does not follow the setting")
	}
}

// Odd and hostile text as watched words: each is added or refused with a
// message, never an error; the list shows them as text; matching posts
// against all of them fails on none.
func TestHostileWatchedWords(t *testing.T) {
	srv := testkit.NewServer(t)
	mod, mu := srv.NewUser(accounts.Moderator)
	ctx := context.Background()
	for _, h := range append([]string{"\xff\xfe arnaque \x00", "\u202e\u200b", strings.Repeat("é", 101)}, hostile...) {
		mod.Get("/mod/words")
		if p := mod.Post("/mod/words", form("pattern", h, "action", "mask")); p.Status != http.StatusSeeOther && p.Status != http.StatusUnprocessableEntity {
			t.Errorf("%q: %d", h, p.Status)
		}
	}
	lines := hostileLines(t)
	for _, l := range lines {
		if _, err := srv.App.Words.Add(ctx, mu, l, "block"); err != nil {
			if _, invalid := errs.AsInvalid(err); !invalid {
				t.Fatalf("%q: %v", l, err)
			}
		}
	}
	if p := mod.Get("/mod/words"); p.Status != http.StatusOK || strings.Contains(p.Body, "<script>alert") {
		t.Fatalf("/mod/words: %d", p.Status)
	}
	// Every line against the whole list in one post (a post per line
	// would read the list thousands of times).
	all := strings.Join(append(lines, hostile...), "\n")
	for _, l := range []string{all, strings.Join(hostile, " ")} {
		if _, err := srv.App.Words.Check(ctx, l, l); err != nil {
			t.Fatalf("check %q: %v", l, err)
		}
	}
}
