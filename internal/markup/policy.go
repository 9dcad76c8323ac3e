package markup

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// newPolicy is bluemonday's UGCPolicy tightened to exactly what our goldmark
// pipeline emits. It starts from NewPolicy rather than UGCPolicy because
// bluemonday cannot take back what a policy allows, and UGCPolicy allows
// more than posts need (id, cite, details, images of any scheme...).
// Anything else — script, style, iframe, form controls, svg, event handlers,
// style attributes — is dropped because it is not listed here.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "em", "strong", "del", "code", "pre",
		"blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr")
	// h1 and h2 belong to the page: posts' headings are shifted to h3..h6,
	// and any other heading is stripped to its text.
	p.AllowElements("h3", "h4", "h5", "h6")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("th", "td")
	p.AllowElements("th", "td")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_.+#-]{1,40}$`)).OnElements("code")
	allowLinks(p)
	allowImages(p)
	return p
}

// allowLinks lets links through with web, mail and relative URLs only.
func allowLinks(p *bluemonday.Policy) {
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	// Unparseable URLs are dropped rather than passed on: browsers are more
	// forgiving than url.Parse, and that gap is where scheme tricks live.
	p.RequireParseableURLs(true)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("title").OnElements("a", "img")
	// goldmark sets rel on every link; only that exact value may pass, and
	// bluemonday still adds nofollow to any link that lacks a rel.
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + regexp.QuoteMeta(linkRel) + `$`)).OnElements("a")
	p.RequireNoFollowOnLinks(true)
}

// allowImages keeps members' images, but only from http and https: no data:,
// no relative src (which would make readers' browsers send requests to our
// own URLs, with their cookies). External images do let their host see who
// reads a post; most forums accept that, and an image proxy is the remedy if
// members object.
func allowImages(p *bluemonday.Policy) {
	p.AllowAttrs("src").Matching(regexp.MustCompile(`(?i)^https?://`)).OnElements("img")
	p.AllowAttrs("alt").OnElements("img")
}
