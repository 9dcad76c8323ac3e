package testkit

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The forum's everyday steps through its forms, as a person without
// JavaScript takes them; each fails the test when the forum refuses.

// SectionID returns the id of the section with slug, as the new-thread
// form's select offers it.
func (c *Client) SectionID(slug string) string {
	c.t.Helper()
	page := c.Get("/new?ack=skip&section=" + slug)
	id, ok := page.Doc.Find("#field-section option[selected]").Attr("value")
	if !ok {
		c.t.Fatalf("no section %s in the form", slug)
	}
	return id
}

// OpenThread opens a thread in the section slug through the new-thread
// form and returns its address.
func (c *Client) OpenThread(slug, title, body string) (threadURL string) {
	c.t.Helper()
	p := c.Post("/new", URLValues("section", c.SectionID(slug), "title", title, "body", body))
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("open thread %q: %d %s", title, p.Status, p.Text(".form-errors, .field-error"))
	}
	return p.Location
}

// AskQuestion opens a thread through the ask flow, as a newcomer does (in
// the newcomers' section, whatever the form says), and returns its address.
func (c *Client) AskQuestion(title, body string) (threadURL string) {
	c.t.Helper()
	p := c.AskThread(title, "", title, body, AskedTried)
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("ask: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	return p.Location
}

var postAnchor = regexp.MustCompile(`#p(\d+)$`)

// Reply answers the thread at threadURL through its reply form and returns
// the reply's id.
func (c *Client) Reply(threadURL, body string) (postID string) {
	c.t.Helper()
	if page := c.Get(threadURL); page.Status >= 300 && page.Status < 400 {
		c.Follow(page) // /t/{id} leads to the thread's full address
	}
	p := c.Post("/t/"+ThreadID(c.t, threadURL)+"/reply", URLValues("body", body))
	m := postAnchor.FindStringSubmatch(p.Location)
	if p.Status != http.StatusSeeOther || m == nil {
		c.t.Fatalf("reply: %d %q %s", p.Status, p.Location, p.Text(".form-errors, .field-error"))
	}
	return m[1]
}

// Act sends a one-click form (Merci, the solution, a moderator's action…)
// from the page at from and returns the page it leads back to.
func (c *Client) Act(from, action string, extra ...string) *Page {
	c.t.Helper()
	c.Get(from)
	p := c.Post(action, URLValues(append([]string{"next", from}, extra...)...))
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("POST %s: %d %s", action, p.Status, p.Text("main"))
	}
	page := c.Follow(p)
	if strings.Contains(page.Body, "%!") {
		c.t.Errorf("a message was formatted with the wrong arguments on %s: %s", p.Location, page.Text("main"))
	}
	return page
}

// ThreadID is the id in a thread's address, /t/{id}….
func ThreadID(t testing.TB, threadURL string) string {
	t.Helper()
	parts := strings.Split(threadURL, "/")
	if len(parts) < 3 {
		t.Fatalf("not a thread address: %q", threadURL)
	}
	return parts[2]
}
