package search

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippet(t *testing.T) {
	filler := strings.Repeat("Texte de remplissage sans rapport. ", 12)
	tests := []struct {
		name     string
		text     string
		query    string
		maxRunes int
		want     string
	}{
		{"no match, short text", "Bonjour à toutes", "facture", 50, "Bonjour à toutes"},
		{"escapes html", `<script>alert("x")</script> & facture`, "facture", 100,
			`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; <mark>facture</mark>`},
		{"inflected forms marked", "Mes factures et ma facturation", "facturer", 100,
			"Mes <mark>factures</mark> et ma <mark>facturation</mark>"},
		{"accents kept, matched folded", "Une TÉLÉSECRÉTAIRE et ses clientes", "telesecretaire cliente", 100,
			"Une <mark>TÉLÉSECRÉTAIRE</mark> et ses <mark>clientes</mark>"},
		{"elided article not marked", "l'entreprise d’entreprise", "entreprise", 100,
			"l&#39;<mark>entreprise</mark> d’<mark>entreprise</mark>"},
		{"phrase words marked", "le tarif horaire moyen", `"tarif horaire"`, 100,
			"le <mark>tarif</mark> <mark>horaire</mark> moyen"},
		{"excluded word not marked", "devis et facture", "facture -devis", 100,
			"devis et <mark>facture</mark>"},
		{"whitespace collapsed", "une\n\n  facture\tici", "facture", 100, "une <mark>facture</mark> ici"},
		{"cut at the start, no match", filler, "facture", 30, "Texte de remplissage sans…"},
		{"window on the match", filler + "Ma facture URSSAF est là. " + filler, "facture urssaf", 40,
			"…Ma <mark>facture</mark> <mark>URSSAF</mark> est là. Texte de…"},
		{"window with most distinct terms", "facture " + filler + "facture devis " + filler, "facture devis", 40,
			"…rapport. <mark>facture</mark> <mark>devis</mark> Texte de…"},
		{"empty query", "du texte", "", 100, "du texte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Snippet(tt.text, ParseQuery(tt.query), tt.maxRunes))
			if got != tt.want {
				t.Errorf("Snippet() =\n %s\nwant\n %s", got, tt.want)
			}
		})
	}
}

func TestSnippetLength(t *testing.T) {
	text := strings.Repeat("télésecrétaire indépendante à Lyon, ", 50)
	got := string(Snippet(text, ParseQuery("lyon"), 80))
	plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(got)
	if n := utf8.RuneCountInString(plain); n > 80 {
		t.Errorf("snippet has %d runes, want at most 80: %s", n, got)
	}
	if got := Snippet(text, ParseQuery("lyon"), 0); utf8.RuneCountInString(string(got)) > DefaultSnippetRunes+200 {
		t.Errorf("default snippet too long: %d", len(got))
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("<b>facture</b> & <script>", "facture", 20)
	f.Add("télésecrétaire <mark>x</mark>", `"tele" secretaire`, 5)
	f.Add("\xff<\xfe", "<", 0)
	f.Fuzz(func(t *testing.T, text, query string, maxRunes int) {
		got := string(Snippet(text, ParseQuery(query), maxRunes%1000))
		if !utf8.ValidString(got) {
			t.Fatalf("Snippet is not valid UTF-8: %q", got)
		}
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(got)
		if strings.ContainsAny(rest, "<>") {
			t.Fatalf("Snippet(%q, %q) = %q outputs markup", text, query, got)
		}
		if strings.Count(got, "<mark>") != strings.Count(got, "</mark>") {
			t.Fatalf("unbalanced marks: %q", got)
		}
		// What is shown is a piece of the text, unchanged.
		shown := strings.Trim(html.UnescapeString(rest), "…")
		source := strings.Join(strings.Fields(strings.ToValidUTF8(text, "\uFFFD")), " ")
		if !strings.Contains(strings.ReplaceAll(source, "\x00", "\uFFFD"), shown) {
			t.Fatalf("Snippet(%q, %q) = %q is not a piece of the text", text, query, got)
		}
	})
}

func BenchmarkSnippet(b *testing.B) {
	q := ParseQuery("facture tarif horaire")
	b.ReportAllocs()
	for b.Loop() {
		Snippet(benchPost, q, DefaultSnippetRunes)
	}
}

func TestSnippetMarksHyphenatedRunForJoinedWord(t *testing.T) {
	got := string(Snippet("La sous-traitance entre consœurs", ParseQuery("soustraitance"), 0))
	if want := "La <mark>sous</mark>-<mark>traitance</mark> entre consœurs"; got != want {
		t.Errorf("Snippet = %q, want %q", got, want)
	}
}
