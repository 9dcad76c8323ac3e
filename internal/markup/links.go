package markup

import (
	"strings"

	xhtml "golang.org/x/net/html"
)

// CountLinks counts the links of a post's sanitised HTML that lead to
// another site: each link to an http(s) address, and each image (images
// only ever come from other servers, and the forum may show them as links,
// see ExternalImagesAsLinks), an image inside a link counting once with it.
// The rules engine bounds this number for newcomers.
func CountLinks(sanitised HTML) int {
	s := string(sanitised)
	if !strings.Contains(s, "<a") && !strings.Contains(s, "<img") {
		return 0
	}
	n, inLink := 0, 0
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return n
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); string(name) == "a" && inLink > 0 {
				inLink--
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "a":
				if tt == xhtml.StartTagToken {
					inLink++
				}
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" && external(string(v)) {
						n++
					}
				}
			case "img":
				if inLink == 0 {
					n++
				}
			}
		}
	}
}

// external reports whether href leads to another site.
func external(href string) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	return strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "//")
}
