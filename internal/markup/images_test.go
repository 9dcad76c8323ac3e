package markup

import (
	"strings"
	"testing"
)

func TestExternalImagesAsLinks(t *testing.T) {
	r := New()
	cases := []struct{ md, want string }{
		{"![mon agenda](https://img.exemple.net/a.png)", `<a class="external-image" href="https://img.exemple.net/a.png" rel="nofollow ugc noopener">mon agenda</a>`},
		{"![](https://img.exemple.net/a.png?x=1&y=2)", `>https://img.exemple.net/a.png?x=1&amp;y=2</a>`},
		{`![a "quote" <b>](https://img.exemple.net/q.png)`, `>a &#34;quote&#34; `},
		{"[![logo](https://img.exemple.net/l.png)](https://exemple.net)", `<a href="https://exemple.net" rel="nofollow ugc noopener">logo</a>`},
		{"Pas d'image, **du gras**.", "<p>Pas d&#39;image, <strong>du gras</strong>.</p>"},
	}
	for _, c := range cases {
		html, err := r.Render(c.md)
		if err != nil {
			t.Fatal(err)
		}
		got := string(ExternalImagesAsLinks(html))
		if strings.Contains(got, "<img") || !strings.Contains(got, c.want) {
			t.Errorf("%q: %s", c.md, got)
		}
	}
}
