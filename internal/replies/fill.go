package replies

import (
	"strings"

	"entraide/internal/search"
)

// Guide is a pinned guide of the newcomers' section, for {guides}.
type Guide struct {
	Title string
	URL   string // the thread's address on the forum
}

// Context is what the placeholders are filled with when a reply is
// inserted into a thread.
type Context struct {
	Asker  string // the display name of the thread's author
	Thread string // the thread's title
	Guides []Guide
}

// Placeholders are the words a canned reply may hold, filled on insertion.
// {prénom} and {auteur} both name the asker; {prenom} is forgiven.
var Placeholders = []string{"{prénom}", "{auteur}", "{sujet}", "{guides}"}

// Fill returns body with its placeholders filled from c. Values are
// escaped for Markdown, so a name or a title cannot add a link or markup
// of its own to the reply; the result is a draft in the reply box, which
// is sanitised as every post when published.
func Fill(body string, c Context) string {
	var guides strings.Builder
	for i, g := range c.Guides {
		if i > 0 {
			guides.WriteByte('\n')
		}
		guides.WriteString("- [" + escapeMarkdown(g.Title) + "](" + g.URL + ")")
	}
	asker := escapeMarkdown(c.Asker)
	return strings.NewReplacer(
		"{prénom}", asker, "{prenom}", asker, "{Prénom}", asker, "{auteur}", asker,
		"{sujet}", escapeMarkdown(c.Thread), "{guides}", guides.String(),
	).Replace(body)
}

// escapeMarkdown puts a backslash before the characters that would make
// Markdown of a name or a title.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]()<>#!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Suggest returns the reply of list that best answers a question (its
// title and Markdown body), or nil when none is close enough: the
// similar-threads scoring of internal/search, on the replies' titles and
// bodies.
func Suggest(list []Reply, title, body string) *Reply {
	texts := make([]search.Text, len(list))
	for i, r := range list {
		texts[i] = search.Text{Title: r.Title, Body: r.Body}
	}
	if i, _ := search.Closest(title, body, texts); i >= 0 {
		return &list[i]
	}
	return nil
}
