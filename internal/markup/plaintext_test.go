package markup_test

import (
	"testing"

	"entraide/internal/markup"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"emphasis", "Un *devis* **signé** ~~oral~~", "Un devis signé oral"},
		{"link keeps its text only", "Voir [le guide](https://entraide.example/guides) du forum", "Voir le guide du forum"},
		{"autolink keeps the address", "Site : https://www.urssaf.fr", "Site : https://www.urssaf.fr"},
		{"blocks apart", "# Statut\n\nMicro-entreprise.\n\n- devis\n- facture", "Statut Micro-entreprise. devis facture"},
		{"whitespace collapsed", "  Bonjour\n\n\n   Claire,\t\tmerci  ", "Bonjour Claire, merci"},
		{"hard wraps are spaces", "Bonjour\nClaire", "Bonjour Claire"},
		{"words inside a line stay whole", "auto**entrepreneur**", "autoentrepreneur"},
		{"code kept", "Nommez `2025-03-facture.pdf` ainsi :\n\n```\nClients/\n```", "Nommez 2025-03-facture.pdf ainsi : Clients/"},
		{"image alt kept", "![Logo du cabinet](https://img.example/l.png) fin", "Logo du cabinet fin"},
		{"table cells apart", "| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
		{"task boxes", "- [x] statut\n- [ ] site", "☑ statut ☐ site"},
		{"raw HTML dropped", "du <b>gras</b> <script>alert(1)</script> fin", "du gras alert(1) fin"},
		{"HTML block dropped", "<div>\ncaché\n</div>\n\nvisible", "visible"},
		{"entities decoded", "Dupont &amp; fils &eacute;t&#233; &lt;3", "Dupont & fils été <3"},
		{"backslash escapes", `\*pas en italique\*`, "*pas en italique*"},
		{"typed tag is defused", "la balise `<br>` et &lt;script&gt;", "la balise < br> et < script>"},
		{"reassembled tag is defused", "<scr<script>ipt>", "< script>"},
		{"comparison kept", "si a < b et c > d", "si a < b et c > d"},
		{"quotes", "> @martine\n>\n> Le statut d'abord.", "@martine Le statut d'abord."},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markup.PlainText(tt.in)
			if got != tt.want {
				t.Errorf("PlainText(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
			if tags := TagsIn(got); len(tags) > 0 {
				t.Errorf("PlainText(%q) = %q holds tags %q", tt.in, got, tags)
			}
		})
	}
}
