package markup

import (
	"bytes"
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// ExternalImagesAsLinks turns each image of a post's sanitised HTML into a
// link to it, labelled with its description (or its address), so that the
// reader's browser asks nothing of another server until the reader follows
// the link. Images are only ever from http(s) servers (allowImages), so
// every image is external. The admin's "show external images as links"
// setting applies it where posts are shown; the rules feature can apply it
// to newcomers' posts alone. HTML without an image comes back as it was.
func ExternalImagesAsLinks(sanitised HTML) HTML {
	if !strings.Contains(string(sanitised), "<img") {
		return sanitised
	}
	var out bytes.Buffer
	out.Grow(len(sanitised))
	z := xhtml.NewTokenizer(strings.NewReader(string(sanitised)))
	inLink := 0 // an image inside a link becomes its label: links do not nest
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return HTML(out.String())
		}
		raw := z.Raw()
		if tt == xhtml.EndTagToken {
			if name, _ := z.TagName(); string(name) == "a" && inLink > 0 {
				inLink--
			}
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) != "img" {
			if string(name) == "a" && tt == xhtml.StartTagToken {
				inLink++
			}
			out.Write(raw)
			continue
		}
		var src, alt string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "src":
				src = string(v)
			case "alt":
				alt = string(v)
			}
		}
		if src == "" {
			continue
		}
		label := alt
		if strings.TrimSpace(label) == "" {
			label = src
		}
		if inLink > 0 {
			out.WriteString(html.EscapeString(label))
			continue
		}
		out.WriteString(`<a class="external-image" href="` + html.EscapeString(src) + `" rel="` + linkRel + `">`)
		out.WriteString(html.EscapeString(label))
		out.WriteString(`</a>`)
	}
}
