package markup_test

import (
	"strings"
	"testing"

	"entraide/internal/markup"
)

func TestQuote(t *testing.T) {
	tests := []struct {
		name, author, in, want string
	}{
		{"one line", "martine", "Merci pour le modèle de devis.",
			"> @martine\n>\n> Merci pour le modèle de devis.\n\n"},
		{"several lines", "claire", "Bonjour,\nvoici ma réponse type.",
			"> @claire\n>\n> Bonjour,\n> voici ma réponse type.\n\n"},
		{"blank lines inside kept, around dropped", "claire", "\n\nPremier point.\n\nSecond point.\n\n\n",
			"> @claire\n>\n> Premier point.\n>\n> Second point.\n\n"},
		{"nested quote kept one level deeper", "nadia", "> @martine\n>\n> Le statut d'abord.\n\nD'accord avec toi.",
			"> @nadia\n>\n> > @martine\n> >\n> > Le statut d'abord.\n>\n> D'accord avec toi.\n\n"},
		{"CRLF and CR line endings", "claire", "un\r\ndeux\rtrois",
			"> @claire\n>\n> un\n> deux\n> trois\n\n"},
		{"tab-indented code stays code", "sam", "\tClients/\n\t\tDupont/",
			"> @sam\n>\n>     Clients/\n>         Dupont/\n\n"},
		{"empty post", "sam", "  \n\n", "> @sam\n\n"},
		{"Markdown in the name is escaped", "*la_secrétaire*", "x",
			"> @\\*la\\_secrétaire\\*\n>\n> x\n\n"},
		{"newline in the name cannot break out", "eve\n# titre", "x",
			"> @eve \\# titre\n>\n> x\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markup.Quote(tt.author, tt.in); got != tt.want {
				t.Errorf("Quote(%q, %q)\n got: %q\nwant: %q", tt.author, tt.in, got, tt.want)
			}
		})
	}
}

// TestQuoteRenders checks that the quoted post keeps its shape once
// rendered, whatever its first line is.
func TestQuoteRenders(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"thematic break first does not make a heading", "---\nsuite",
			[]string{"<blockquote>\n<p>@martine</p>\n<hr>"}},
		{"list starting at 2 stays a list", "2. deux\n3. trois", []string{`<ol start="2">`}},
		{"indented code stays code", "    code", []string{"<pre><code>code"}},
		{"table stays a table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>"}},
		{"nested quote", "> avant\n\naprès", []string{"<p>@martine</p>\n<blockquote>\n<p>avant</p>\n</blockquote>\n<p>après</p>\n</blockquote>"}},
		{"fenced code", "```go\nx := 1\n```", []string{`<pre><code class="language-go">x := 1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, markup.Quote("martine", tt.in)+"Ma réponse.")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q\nout: %q", w, out)
				}
			}
			if !strings.HasPrefix(out, "<blockquote>\n<p>@martine</p>") || !strings.HasSuffix(out, "</blockquote>\n<p>Ma réponse.</p>\n") {
				t.Errorf("attribution or reply misplaced\nout: %q", out)
			}
		})
	}
}
