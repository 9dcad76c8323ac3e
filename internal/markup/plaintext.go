package markup

import (
	"bytes"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// plainMarkdown is built on first use and never changed afterwards, so
// PlainText can be a plain function and still share one parser.
var plainMarkdown = sync.OnceValue(newMarkdown)

// PlainText returns the text a reader would see in the post, without markup,
// whitespace collapsed to single spaces, for snippets, excerpts and feeds.
// Raw HTML in the Markdown is dropped, as Render drops it. The result is text,
// not HTML: a member's literal "<" or "&" is kept, so escape it wherever it is
// written (html/template does). It never contains a tag, though: "<" before a
// letter, "/", "!" or "?" gets a space after it, so that a consumer that does
// forget to escape, or a feed reader that reads the text as HTML, still finds
// no tag in it ("<scr<script>ipt>" would otherwise come out as "<script>").
func PlainText(markdown string) string {
	var buf bytes.Buffer
	if err := plainMarkdown().Convert([]byte(markdown), &buf); err != nil {
		// goldmark only fails when its writer does, and a bytes.Buffer
		// does not; an empty snippet beats a panic all the same.
		return ""
	}
	return textOf(&buf)
}

// textOf extracts the text of goldmark's HTML. Going through HTML rather than
// the AST lets goldmark resolve entities and backslash escapes exactly as it
// does for Render, and the tokenizer decodes them.
func textOf(r *bytes.Buffer) string {
	var b strings.Builder
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return defuseTags(strings.Join(strings.Fields(b.String()), " "))
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			writeTagText(&b, z)
		}
	}
}

// writeTagText keeps words of neighbouring blocks apart and keeps images'
// alternative text, which is the image's text for anyone who cannot see it.
func writeTagText(b *strings.Builder, z *html.Tokenizer) {
	name, hasAttr := z.TagName()
	if string(name) == "img" {
		for hasAttr {
			var key, val []byte
			key, val, hasAttr = z.TagAttr()
			if string(key) == "alt" {
				b.WriteByte(' ')
				b.Write(val)
				b.WriteByte(' ')
			}
		}
		return
	}
	if !isInline(string(name)) {
		b.WriteByte(' ')
	}
}

// isInline reports whether goldmark emits the tag inside a line of text,
// where a space would split a word ("auto**entrepreneur**").
func isInline(name string) bool {
	switch name {
	case "a", "em", "strong", "del", "code":
		return true
	}
	return false
}

// defuseTags puts a space after every "<" that would open a tag, a comment or
// a processing instruction in HTML; "< script>" is text to every HTML parser.
func defuseTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '<' && i+1 < len(s) && opensTag(s[i+1]) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// opensTag reports whether c, just after "<", starts markup in HTML's
// tokenizer (the tag open state).
func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}
