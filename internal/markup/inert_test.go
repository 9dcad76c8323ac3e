package markup_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// forbiddenElements can run script, load other documents, restyle the page
// or collect input. The list is wider than what the policy could ever let
// through, on purpose: the checker must not share the policy's blind spots.
var forbiddenElements = map[string]bool{
	"script": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "svg": true, "math": true,
	"style": true, "link": true, "meta": true, "base": true, "template": true,
	"form": true, "input": true, "button": true, "textarea": true,
	"select": true, "noscript": true,
}

// urlAttributes are the attributes a browser follows or fetches.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "srcset": true, "action": true,
	"formaction": true, "xlink:href": true, "cite": true, "background": true,
	"poster": true, "data": true, "lowsrc": true, "dynsrc": true,
	"codebase": true, "ping": true, "longdesc": true,
}

// allowedSchemes are the only URL schemes a member's HTML may use; URLs
// without a scheme are relative and allowed.
var allowedSchemes = []string{"http", "https", "mailto"}

// InertViolations lists what in an HTML fragment could run script or escape
// the post it belongs to: forbidden elements, event-handler and style
// attributes, and URLs whose scheme is not http, https or mailto. It reads
// the fragment with a real HTML tokenizer, so entities are decoded the way a
// browser decodes them. An empty result means inert.
func InertViolations(fragment string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return found
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if forbiddenElements[tok.Data] {
			found = append(found, fmt.Sprintf("element <%s>", tok.Data))
		}
		for _, a := range tok.Attr {
			if v := attrViolation(a); v != "" {
				found = append(found, fmt.Sprintf("<%s %s>", tok.Data, v))
			}
		}
	}
}

// attrViolation says what is wrong with one attribute, or "" when nothing is.
func attrViolation(a html.Attribute) string {
	key := strings.ToLower(a.Key)
	switch {
	case strings.HasPrefix(key, "on"):
		return fmt.Sprintf("event handler %s=%q", key, a.Val)
	case key == "style":
		return fmt.Sprintf("style=%q", a.Val)
	case urlAttributes[key]:
		if s := URLScheme(a.Val); s != "" && !slices.Contains(allowedSchemes, s) {
			return fmt.Sprintf("%s=%q with scheme %q", key, a.Val, s)
		}
	}
	return ""
}

// URLScheme returns the lower-cased scheme a browser would see in an
// attribute's (already entity-decoded) value, or "" for a relative URL. Like
// the WHATWG URL parser it drops tabs and newlines anywhere and trims
// control characters and spaces around; unlike it, it calls anything before
// the first ":" a scheme, so that odd characters are reported, not excused.
func URLScheme(value string) string {
	v := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, value)
	v = strings.ToLower(strings.TrimFunc(v, func(r rune) bool { return r <= ' ' }))
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return v[:i]
}

// wantRel are the rel tokens every link in a post carries, sorted.
var wantRel = []string{"nofollow", "noopener", "ugc"}

// LinkRelViolations lists the <a> elements of a rendered post whose rel is
// not exactly "nofollow ugc noopener" (in any order).
func LinkRelViolations(fragment string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return found
		}
		tok := z.Token()
		if (tt != html.StartTagToken && tt != html.SelfClosingTagToken) || tok.Data != "a" {
			continue
		}
		if rel := relOf(tok); !slices.Equal(rel, wantRel) {
			found = append(found, fmt.Sprintf("%s has rel %q", tok, rel))
		}
	}
}

// relOf returns the sorted rel tokens of a tag.
func relOf(tok html.Token) []string {
	for _, a := range tok.Attr {
		if a.Key == "rel" {
			rel := strings.Fields(a.Val)
			slices.Sort(rel)
			return rel
		}
	}
	return nil
}

// TagsIn lists the tags found when text is read as HTML; plain text must
// have none, even where a consumer forgets to escape it.
func TagsIn(text string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.TextToken:
		default:
			found = append(found, z.Token().String())
		}
	}
}

// renderedViolations is what every rendered post must satisfy; it returns the
// violations so callers can report them with their own context.
func renderedViolations(out string) []string {
	v := InertViolations(out)
	v = append(v, LinkRelViolations(out)...)
	if strings.Contains(strings.ToLower(out), "<script") {
		v = append(v, "raw \"<script\" in output")
	}
	return v
}

// TestCheckers makes sure the checkers see what they are meant to see, so
// that a passing hostile test means something.
func TestCheckers(t *testing.T) {
	tests := []struct {
		name    string
		html    string
		inert   bool
		goodRel bool
	}{
		{"clean link", `<p><a href="https://a.example/x" rel="nofollow ugc noopener">x</a></p>`, true, true},
		{"relative and mailto", `<a href="/t/1#p2" rel="ugc noopener nofollow">a</a><a href="mailto:a@b.example" rel="nofollow ugc noopener">b</a>`, true, true},
		{"missing rel", `<a href="https://a.example">x</a>`, true, false},
		{"partial rel", `<a href="https://a.example" rel="nofollow">x</a>`, true, false},
		{"extra rel", `<a href="https://a.example" rel="nofollow ugc noopener opener">x</a>`, true, false},
		{"javascript href", `<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>`, false, true},
		{"entity-encoded tab in scheme", `<a href="jav&#x09;ascript:alert(1)">x</a>`, false, false},
		{"spaces and case", `<img src="  JaVaScRiPt:alert(1)">`, false, true},
		{"data src", `<img src="data:image/png;base64,AAAA">`, false, true},
		{"zero-width in scheme", "<a href=\"java\u200bscript:alert(1)\">x</a>", false, false},
		{"event handler", `<p onclick="alert(1)">x</p>`, false, true},
		{"event handler upper case", `<p ONMOUSEOVER=alert(1)>x</p>`, false, true},
		{"style attribute", `<p style="color:red">x</p>`, false, true},
		{"script", `<script>alert(1)</script>`, false, true},
		{"svg", `<svg><circle r="1"></circle></svg>`, false, true},
		{"form", `<form><input name="p"></form>`, false, true},
		{"iframe self-closing", `<iframe src="https://a.example"/>`, false, true},
		{"escaped text is inert", `<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x javascript:alert(1)</p>`, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if v := InertViolations(tt.html); (len(v) == 0) != tt.inert {
				t.Errorf("InertViolations(%q) = %q, want inert %v", tt.html, v, tt.inert)
			}
			if v := LinkRelViolations(tt.html); (len(v) == 0) != tt.goodRel {
				t.Errorf("LinkRelViolations(%q) = %q, want good %v", tt.html, v, tt.goodRel)
			}
		})
	}
}
