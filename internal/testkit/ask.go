package testkit

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/forum"
)

// AskToken walks steps 1 and 2 of the ask flow for sentence, as a person
// without JavaScript would, and returns the session's token.
func (c *Client) AskToken(sentence string) string {
	c.t.Helper()
	c.Get("/ask")
	p := c.Post("/ask", URLValues("q", sentence))
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/ask/") {
		c.t.Fatalf("ask %q: %d %q", sentence, p.Status, p.Text("main"))
	}
	if step2 := c.Get(p.Location); step2.Status != http.StatusOK {
		c.t.Fatalf("ask step 2: %d", step2.Status)
	}
	return strings.TrimPrefix(p.Location, "/ask/")
}

// AskThread walks the whole ask flow — the sentence, what exists, the form —
// and publishes a thread (section is used by members only; "" for none). It
// returns the answer to the form's submission: 303 to the new thread.
func (c *Client) AskThread(sentence, section, title, body, tried string) *Page {
	c.t.Helper()
	token := c.AskToken(sentence)
	if w := c.Get("/ask/" + token + "/write"); w.Status != http.StatusOK {
		c.t.Fatalf("ask step 3: %d %q", w.Status, w.Location)
	}
	return c.Post("/ask/write", URLValues("session", token, "section", section, "title", title, "body", body,
		"tried", tried, "reviewed", "1"))
}

// AskedTried is a "what I already read or tried" long enough for the rule.
const AskedTried = "J'ai lu les guides de la rubrique et cherché dans le forum avant de demander."

// AskedThread opens a thread for u through the ask flow at the domain
// level: steps 1 and 2 on the title, then the thread with its session.
func AskedThread(t testing.TB, a *app.App, u *accounts.User, in forum.NewThread) *forum.Thread {
	t.Helper()
	ctx := context.Background()
	sess, err := a.Ask.Walk(ctx, u, in.Title)
	if err != nil {
		t.Fatal(err)
	}
	in.AskSession = sess.Token
	if in.Tried == "" {
		in.Tried = AskedTried
	}
	th, err := a.Ask.Post(ctx, u, in)
	if err != nil {
		t.Fatal(err)
	}
	return th
}
