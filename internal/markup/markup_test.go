package markup_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"entraide/internal/markup"
)

// renderer is shared by the tests, as the application shares one.
var renderer = markup.New()

func render(t testing.TB, in string) string {
	t.Helper()
	out, err := renderer.Render(in)
	if err != nil {
		t.Fatalf("Render(%q): %v", in, err)
	}
	return string(out)
}

func TestRenderMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // substrings the output must contain
		not  []string // substrings it must not contain
	}{
		{"emphasis", "Un *devis* **signé** vaut contrat.",
			[]string{"<em>devis</em>", "<strong>signé</strong>"}, nil},
		{"hard wraps", "Bonjour Claire,\nmerci pour la réponse.\nMartine",
			[]string{"Bonjour Claire,<br>\nmerci pour la réponse.<br>\nMartine"}, nil},
		{"bullet list", "- devis\n- facture\n- relance",
			[]string{"<ul>\n<li>devis</li>\n<li>facture</li>\n<li>relance</li>\n</ul>"}, nil},
		{"ordered list keeps its start", "3. relancer\n4. encaisser",
			[]string{`<ol start="3">`, "<li>relancer</li>"}, nil},
		{"task list as text, not inputs", "- [x] statut déclaré\n- [ ] site vitrine",
			[]string{"<li>☑ statut déclaré</li>", "<li>☐ site vitrine</li>"}, []string{"<input"}},
		{"link", `[le guide](https://entraide.example/guides/devis "Devis")`,
			[]string{`<a href="https://entraide.example/guides/devis" title="Devis" rel="nofollow ugc noopener">le guide</a>`}, nil},
		{"relative link", "[règles](/regles#contact)",
			[]string{`<a href="/regles#contact" rel="nofollow ugc noopener">règles</a>`}, nil},
		{"mailto link", "[écrire](mailto:martine@secretariat.example)",
			[]string{`href="mailto:martine@secretariat.example"`}, nil},
		{"reference link", "Voir [l'URSSAF][u].\n\n[u]: https://www.urssaf.fr",
			[]string{`<a href="https://www.urssaf.fr" rel="nofollow ugc noopener">l&#39;URSSAF</a>`}, nil},
		{"autolink URL", "Le site https://www.urssaf.fr/accueil est clair.",
			[]string{`<a href="https://www.urssaf.fr/accueil" rel="nofollow ugc noopener">https://www.urssaf.fr/accueil</a>`}, nil},
		{"autolink www", "voir www.service-public.fr",
			[]string{`<a href="http://www.service-public.fr" rel="nofollow ugc noopener">www.service-public.fr</a>`}, nil},
		{"autolink email", "Écrivez à contact@secretariat.example svp",
			[]string{`<a href="mailto:contact@secretariat.example" rel="nofollow ugc noopener">contact@secretariat.example</a>`}, nil},
		{"angle autolink", "<https://entraide.example/t/1>",
			[]string{`<a href="https://entraide.example/t/1" rel="nofollow ugc noopener">`}, nil},
		{"ftp is not linkified", "ftp://archives.example/tarifs.pdf",
			[]string{"<p>ftp://archives.example/tarifs.pdf</p>"}, []string{"<a"}},
		{"table with alignment", "| Prestation | Tarif |\n|:--|--:|\n| Saisie | 25 € |",
			[]string{"<table>", `<th align="left">Prestation</th>`, `<td align="right">25 €</td>`}, []string{"style"}},
		{"strikethrough", "~~12 € de l'heure~~ 25 €",
			[]string{"<del>12 € de l&#39;heure</del> 25 €"}, nil},
		{"inline code", "le fichier `facture.pdf`",
			[]string{"<code>facture.pdf</code>"}, nil},
		{"fenced code keeps its language", "```go\nfmt.Println(\"<b>\")\n```",
			[]string{`<pre><code class="language-go">fmt.Println(&#34;&lt;b&gt;&#34;)`}, nil},
		{"fenced code with odd language", "```c++\nint main();\n```",
			[]string{`<code class="language-c++">`}, nil},
		{"indented code", "    Clients/\n      Dupont/",
			[]string{"<pre><code>Clients/\n  Dupont/\n</code></pre>"}, nil},
		{"quote", "> Le premier client vient du bouche-à-oreille.\n> > Le deuxième aussi.",
			[]string{"<blockquote>\n<p>Le premier client", "<blockquote>\n<p>Le deuxième aussi.</p>"}, nil},
		{"heading # becomes h3", "# Bien démarrer", []string{"<h3>Bien démarrer</h3>"}, []string{"<h1", "id="}},
		{"heading ## becomes h4", "## Statut", []string{"<h4>Statut</h4>"}, []string{"<h2"}},
		{"heading ### becomes h5", "### Tarifs", []string{"<h5>Tarifs</h5>"}, nil},
		{"deeper headings stop at h6", "#### a\n##### b\n###### c",
			[]string{"<h6>a</h6>", "<h6>b</h6>", "<h6>c</h6>"}, nil},
		{"setext heading shifted", "Tarifs\n======\n\nStatut\n------",
			[]string{"<h3>Tarifs</h3>", "<h4>Statut</h4>"}, nil},
		{"image over https", `![logo](https://img.example/logo.png "Logo")`,
			[]string{`<img src="https://img.example/logo.png" alt="logo" title="Logo">`}, nil},
		{"relative image loses its src", "![logo](/static/logo.png)",
			[]string{`<img alt="logo">`}, []string{"src="}},
		{"thematic break", "avant\n\n---\n\naprès", []string{"<hr>"}, nil},
		{"entities", "Dupont &amp; fils &copy; &#233;", []string{"Dupont &amp; fils © é"}, nil},
		{"French punctuation untouched", "« Bonjour ! » — dit-elle ; voilà.",
			[]string{"« Bonjour ! » — dit-elle ; voilà."}, nil},
		{"empty", "", nil, []string{"<"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.in)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q\n in: %q\nout: %q", w, tt.in, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q\n in: %q\nout: %q", n, tt.in, out)
				}
			}
			for _, v := range renderedViolations(out) {
				t.Errorf("unsafe output: %s\nout: %q", v, out)
			}
		})
	}
}

// hostileInputs must all come out inert. They also seed FuzzRender.
var hostileInputs = []struct {
	name string
	in   string
	keep string // text that must survive, since nothing is refused
}{
	{"script element", "<script>alert(1)</script>", ""},
	{"script inline", "Bonjour <script>alert(1)</script> Claire", "Claire"},
	{"script uppercase", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", ""},
	{"javascript link", "[x](javascript:alert(1))", "x"},
	{"javascript link mixed case", "[x](JaVaScRiPt:alert(1))", "x"},
	{"javascript link in angle brackets", "[x](<javascript:alert(1)>)", "x"},
	{"javascript reference link", "[x][1]\n\n[1]: javascript:alert(1)", "x"},
	{"entity-encoded javascript", "[x](&#106;avascript:alert(1))", "x"},
	{"fully entity-encoded javascript", "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))", "x"},
	{"named entity colon", "[x](javascript&colon;alert(1))", "x"},
	{"encoded tab in scheme", "[x](jav&#x09;ascript:alert(1))", "x"},
	{"named tab in scheme", "[x](java&Tab;script:alert(1))", "x"},
	{"encoded newline in scheme", "[x](java&#10;script:alert(1))", "x"},
	{"vbscript link", "[x](vbscript:msgbox(1))", "x"},
	{"file link", "[x](file:///etc/passwd)", "x"},
	{"data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "x"},
	{"data link plain", "[x](data:text/html,<script>alert(1)</script>)", ""},
	{"javascript image", "![x](javascript:alert(1))", ""},
	{"data image png", "![x](data:image/png;base64,iVBORw0KGgo=)", ""},
	{"data image svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", ""},
	{"img onerror", "<img src=x onerror=alert(1)>", ""},
	{"img onerror in text", "Voici <img src=x onerror=alert(1)> mon logo", "mon logo"},
	{"raw html block", "<div onmouseover=\"alert(1)\">survol</div>", ""},
	{"raw html inline", "du <b onclick=alert(1)>gras</b> brut", "gras"},
	{"raw html link", `<a href="javascript:alert(1)">x</a>`, "x"},
	{"anchor with onclick", `<a href="https://entraide.example" onclick="alert(1)">clic</a>`, "clic"},
	{"svg onload", "<svg onload=alert(1)>", ""},
	{"svg with script", "<svg><script>alert(1)</script></svg>", ""},
	{"svg block", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<circle r=\"4\"/>\n</svg>", ""},
	{"iframe", `<iframe src="https://evil.example"></iframe>`, ""},
	{"iframe srcdoc", `<iframe srcdoc="<script>alert(1)</script>">`, ""},
	{"style element", "<style>body{display:none}</style>", ""},
	{"style attribute", `<p style="position:fixed;top:0">x</p>`, ""},
	{"broken script tags", "<scr<script>ipt>alert(1)</scr</script>ipt>", ""},
	{"comment then script", "<!-- --><script>alert(1)</script>", ""},
	{"form", `<form action="https://evil.example"><input name=p type=password><button>OK</button></form>`, ""},
	{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, ""},
	{"object", `<object data="javascript:alert(1)"></object>`, ""},
	{"embed", "<embed src=javascript:alert(1)>", ""},
	{"base", `<base href="javascript:/">`, ""},
	{"details ontoggle", "<details open ontoggle=alert(1)>", ""},
	{"math mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""},
	{"javascript autolink in text", "Essayez javascript:alert(1) pour voir", "javascript:alert(1)"},
	{"javascript angle autolink", "<javascript:alert(1)>", "javascript:alert(1)"},
	{"title breaking out", `[x](https://entraide.example "t\" onclick=\"alert(1)")`, "x"},
	{"code language breaking out", "```\" onclick=\"alert(1)\nx\n```", "x"},
	{"emphasis around html", "_<img src=x onerror=alert(1)>_", ""},
	{"RTL override in link text", "[\u202egnp.exe](javascript:alert(1))", "gnp.exe"},
	{"RTL override in URL", "[facture](https://entraide.example/\u202eexe.pdf)", "facture"},
	{"zero-width space in javascript", "[x](java\u200bscript:alert(1))", "x"},
	{"zero-width joiner in javascript", "[x](java\u200dscript:alert(1))", "x"},
	{"BOM before javascript", "[x](\ufeffjavascript:alert(1))", "x"},
	{"no-break space before javascript", "[x](\u00a0javascript:alert(1))", "x"},
	{"fullwidth colon", "[x](javascript\uff1aalert(1))", "x"},
	{"zero-width in autolink text", "java\u200bscript:alert(1)", "script:alert(1)"},
	{"NUL byte", "[x](java\x00script:alert(1))", "x"},
}

func TestRenderHostile(t *testing.T) {
	for _, tt := range hostileInputs {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.in)
			for _, v := range renderedViolations(out) {
				t.Errorf("unsafe output: %s\n in: %q\nout: %q", v, tt.in, out)
			}
			if tt.keep != "" && !strings.Contains(out, tt.keep) {
				t.Errorf("text %q was lost\n in: %q\nout: %q", tt.keep, tt.in, out)
			}
		})
	}
}

// TestRenderLargeInput guards against quadratic behaviour: 100 KB of input
// of several shapes must render well within a second on a laptop; the
// bound is loose so that slow CI machines and -race do not flake.
func TestRenderLargeInput(t *testing.T) {
	post, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		t.Fatal(err)
	}
	const size = 100 << 10
	shapes := map[string]string{
		"posts":         string(post),
		"brackets":      "[",
		"emphasis":      "*a ",
		"nested quotes": ">",
		"links":         "[a](https://b.example/",
		"backticks":     "`",
		"entities":      "&#106;",
		"list nesting":  "- ",
		"table cells":   "|a",
		"angle":         "<a ",
	}
	for name, unit := range shapes {
		t.Run(name, func(t *testing.T) {
			in := strings.Repeat(unit, size/len(unit)+1)
			start := time.Now()
			render(t, in)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("rendering 100 KB of %q took %v", unit, d)
			}
		})
	}
}

// TestRenderConcurrent lets the race detector check that one Renderer, and
// PlainText, can serve every request at once.
func TestRenderConcurrent(t *testing.T) {
	post, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			in := string(post) + hostileInputs[i%len(hostileInputs)].in
			if _, err := renderer.Render(in); err != nil {
				t.Error(err)
			}
			markup.PlainText(in)
		})
	}
	wg.Wait()
}
