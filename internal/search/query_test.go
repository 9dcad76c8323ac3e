package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want Query
	}{
		{"empty", "", Query{Reason: NoWords}},
		{"spaces", "   \t\n", Query{Reason: NoWords}},
		{"words", "Facturer clientes", Query{Terms: []string{"factur", "client"}}},
		{"duplicate terms once", "facture factures FACTURER", Query{Terms: []string{"factur"}}},
		{"stop words dropped", "comment trouver des clients", Query{Terms: []string{"trouv", "client"}}},
		{"only stop words", "comment le faire ?", Query{Reason: OnlyStopWords}},
		{"only english stop words", "how to do it", Query{Reason: OnlyStopWords}},
		{"elision", "l'entreprise", Query{Terms: []string{"entrepris"}}},
		{"phrase", `"tarif horaire" devis`, Query{Terms: []string{"dev"}, Phrases: [][]string{{"tarif", "horair"}}}},
		{"phrase without stop words", `"facture du client"`, Query{Phrases: [][]string{{"factur", "client"}}}},
		{"one-word phrase is a term", `"URSSAF"`, Query{Terms: []string{"urssaf"}}},
		{"curly and french quotes", `“agenda partagé” « RC pro »`, Query{Phrases: [][]string{{"agend", "partag"}, {"rc", "pro"}}}},
		{"phrase of stop words", `"est-ce que"`, Query{Reason: OnlyStopWords}},
		{"unbalanced quote is text", `"tarif horaire`, Query{Terms: []string{"tarif", "horair"}}},
		{"quote at the end", `tarif"`, Query{Terms: []string{"tarif"}}},
		{"exclusion", "facture -devis", Query{Terms: []string{"factur"}, Excluded: []string{"dev"}}},
		{"excluded phrase", `mutuelle -"frais de santé"`, Query{Terms: []string{"mutuel"}, ExcludedPhrases: [][]string{{"frais", "sant"}}}},
		{"excluded phrase of one token", `mutuelle -"sans engagement"`, Query{Terms: []string{"mutuel"}, Excluded: []string{"engag"}}},
		{"excluded hyphenated word", "statut -micro-entreprise", Query{Terms: []string{"statut"}, ExcludedPhrases: [][]string{{"micro", "entrepris"}}}},
		{"excluded unbalanced phrase", `facture -"devis`, Query{Terms: []string{"factur"}, Excluded: []string{"dev"}}},
		{"only exclusion", "-facture", Query{Excluded: []string{"factur"}, Reason: OnlyExclusions}},
		{"inner hyphen is not exclusion", "auto-entrepreneur", Query{Terms: []string{"auto", "entrepreneu"}, Joined: map[string][]string{"autoentrepreneu": {"auto", "entrepreneu"}}}},
		{"lone minus", "facture - devis", Query{Terms: []string{"factur", "dev"}}},
		{"boolean operators are words", "facture OR devis AND NOT tarif", Query{Terms: []string{"factur", "dev", "tarif"}}},
		{"fts5 syntax is text", "NEAR(facture devis, 3) tarif* ^urssaf col:siret", Query{Terms: []string{"near", "factur", "dev", "3", "tarif", "urssaf", "col", "siret"}}},
		{"tsquery syntax is text", "facture & !devis | tarif:*", Query{Terms: []string{"factur", "dev", "tarif"}}},
		{"sql injection is text", "'; DROP TABLE posts; --", Query{Terms: []string{"drop", "tabl", "post"}}},
		{"only operators", `* ( ) : ^ " - | &`, Query{Reason: NoWords}},
		{"invalid utf-8 repaired", "fact\xffure", Query{Terms: []string{"fact", "ure"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseQuery(tt.raw)
			got.Raw = ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%q) =\n %+v\nwant\n %+v", tt.raw, got, tt.want)
			}
			if got.Empty() != (tt.want.Reason != NotEmpty) {
				t.Errorf("ParseQuery(%q).Empty() = %v with reason %v", tt.raw, got.Empty(), got.Reason)
			}
		})
	}
}

func TestParseQueryRaw(t *testing.T) {
	long := strings.Repeat("é", 400) // 800 bytes
	q := ParseQuery("  " + long + "  ")
	if len(q.Raw) > MaxQueryBytes || !utf8.ValidString(q.Raw) {
		t.Errorf("Raw is %d bytes, valid UTF-8 %v", len(q.Raw), utf8.ValidString(q.Raw))
	}
	if got := ParseQuery("  facture\xff "); got.Raw != "facture\uFFFD" {
		t.Errorf("Raw = %q", got.Raw)
	}
	words := strings.Repeat("facture ", 100) + "urssaf"
	if q := ParseQuery(words); slices.Contains(q.Terms, "urssaf") {
		t.Errorf("the word after %d bytes was read: %q", MaxQueryBytes, q.Terms)
	}
}

func TestHighlightTerms(t *testing.T) {
	q := ParseQuery(`factures "facture client" -devis télésecrétaire`)
	want := []string{"factur", "telesecretair", "client"}
	if got := q.HighlightTerms(); !reflect.DeepEqual(got, want) {
		t.Errorf("HighlightTerms() = %q, want %q", got, want)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", `"tarif horaire" -devis`, `« RC pro » -"x`, "NEAR(a b) OR c*", "'; DROP TABLE t; --", "-", `""`, "\xff\"", "−facture"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if !utf8.ValidString(q.Raw) || len(q.Raw) > MaxQueryBytes {
			t.Fatalf("ParseQuery(%q).Raw = %q", s, q.Raw)
		}
		checkTokens(t, s, q.Terms)
		checkTokens(t, s, q.Excluded)
		checkTokens(t, s, q.HighlightTerms())
		for _, p := range append(q.Phrases, q.ExcludedPhrases...) {
			if len(p) < 2 {
				t.Fatalf("ParseQuery(%q) has phrase %q of fewer than 2 tokens", s, p)
			}
			checkTokens(t, s, p)
		}
		if q.Empty() != (q.Reason != NotEmpty) {
			t.Fatalf("ParseQuery(%q): Empty() = %v, Reason = %v", s, q.Empty(), q.Reason)
		}
	})
}

func BenchmarkParseQuery(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseQuery(`comment facturer "tarif horaire" -devis l'URSSAF`)
	}
}
