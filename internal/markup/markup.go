// Package markup turns members' Markdown into safe HTML.
//
// A post is rendered once, when it is saved, and the HTML is stored: pages
// never render Markdown per view. goldmark parses and renders; bluemonday
// runs last and is the only step trusted for safety, because a Markdown
// renderer is not a sanitiser (CVE-2026-5160 let entity-encoded javascript:
// links through goldmark before 1.7.17).
package markup

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
)

// Renderer turns Markdown into sanitised HTML. It is safe for concurrent use:
// build it once at start with New and share it (the zero Renderer is not
// usable).
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New builds a Renderer. Building the parser and the policy costs more than
// rendering a post, hence one Renderer for the whole process.
func New() *Renderer {
	return &Renderer{md: newMarkdown(), policy: newPolicy()}
}

// HTML is a member's post as sanitised HTML. Only this package's Render
// makes one from a member's text (and the database hands back what Render
// stored): a plain string can never reach a page unescaped by passing for
// it. TestHTMLConversionsStayInMarkup keeps conversions out of other code.
type HTML string

// Safe hands the sanitised markup to html/template unescaped.
func (h HTML) Safe() template.HTML { return template.HTML(h) }

// Render returns the sanitised HTML for a member's Markdown. It refuses no
// input: size limits belong to the forms, not to the renderer.
func (r *Renderer) Render(markdown string) (HTML, error) {
	var buf bytes.Buffer
	buf.Grow(len(markdown) + len(markdown)/2)
	if err := r.md.Convert([]byte(markdown), &buf); err != nil {
		return "", fmt.Errorf("markup: render: %w", err)
	}
	return HTML(r.policy.SanitizeBytes(buf.Bytes())), nil
}
