package testkit

import (
	"net/http"
	"strings"
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
