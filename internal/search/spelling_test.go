package search

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// forumWords is a vocabulary as similar_terms holds it: tokens and the
// threads holding them.
func forumWords() *vocabulary {
	counts := map[string]int{}
	for _, text := range []string{
		"facture facture facture facture facture facture facturation facturer",
		"fracture", "secrétaire secrétaire secrétaire médicale médicale", "télésecrétaire télésecrétaire",
		"ACRE ACRE", "CFE", "Urssaf Urssaf Urssaf", "domiciliation domiciliation", "mutuelle mutuelle mutuelle",
		"sous-traitance", "prospection prospection", "transcription transcription transcription",
		"ACME acme acme acme acme acme", "clients clients clients", "vocale vocale",
	} {
		for _, tok := range Analyze(text) {
			counts[tok]++
		}
	}
	return newVocabulary(counts)
}

func corrected(v *vocabulary, raw string) string {
	if c := v.correctQuery(ParseQuery(raw)); c != nil {
		return c.Query
	}
	return raw
}

func TestCorrectsSlips(t *testing.T) {
	v := forumWords()
	for typed, want := range map[string]string{
		"secretiare medicale": "secretaire medicale", // transposition
		"medicalle":           "medicale",            // doubled letter
		"facturaton":          "facturation",         // missing letter in the ending
		"mutuuelle":           "mutuelle",            // doubled letter
		"domicilaition":       "domiciliation",       // transposition
		"prospetcion":         "prospection",
		"transcriptoin audio": "transcription audio",
		"telesecretiare":      "telesecretaire",
	} {
		if got := corrected(v, typed); got != want {
			t.Errorf("%q corrected to %q, want %q", typed, got, want)
		}
	}
}

// A word the forum uses often is never corrected, even one edit from a
// more frequent one; nor are short words.
func TestNeverCorrectsAValidWord(t *testing.T) {
	v := forumWords()
	for _, typed := range []string{"facture", "factures", "FACTURE", "médicale", "clients", "vocale", "acme", "cfe", "tva", "mail"} {
		if got := corrected(v, typed); got != typed {
			t.Errorf("%q corrected to %q", typed, got)
		}
	}
}

// Names and acronyms the forum holds, typed with capitals, are left alone
// however rare: CFE is in one thread, one edit from nothing better, but
// ACRE stays ACRE even though "acme" is more frequent.
func TestLeavesAcronymsAlone(t *testing.T) {
	v := forumWords()
	for _, typed := range []string{"ACRE", "CFE", "Urssaf", "URSSAF exonération ACRE"} {
		if c := v.correctQuery(ParseQuery(typed)); c != nil && c.Changes[stem("acre")] != "" {
			t.Errorf("%q corrected to %q", typed, c.Query)
		}
	}
	if got := corrected(v, "ACRE"); got != "ACRE" {
		t.Errorf("ACRE corrected to %q", got)
	}
}

func TestJoinsHyphenatedRunTheForumWritesAsOne(t *testing.T) {
	v := forumWords()
	q := ParseQuery("télé-secrétaire")
	c := v.correctQuery(q)
	if c == nil || c.Query != "telesecretaire" {
		t.Fatalf("correction = %+v", c)
	}
	if got := c.Replace(q).Terms; len(got) != 1 || got[0] != "telesecretair" {
		t.Errorf("terms = %q", got)
	}
}

func TestOSADistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"facture", "facture", 0}, {"facture", "fracture", 1}, {"ab", "ba", 1}, {"secretaraie", "secretaire", 3}, {"secretiare", "secretaire", 1},
		{"abc", "", 3}, {"", "", 0}, {"domicilaition", "domiciliation", 1},
	} {
		if got := osaDistance(tt.a, tt.b, 5); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := osaDistance("abcdef", "zzzzzz", 2); got != 3 {
		t.Errorf("limited distance = %d, want 3", got)
	}
}

// FuzzCorrect: whatever is typed, the corrector neither panics nor returns
// something that is not text, and a correction changes a word.
func FuzzCorrect(f *testing.F) {
	v := forumWords()
	for _, s := range []string{"secretaraie", "facture", "ACRE", "sous-traitance", "\xff\xfe", strings.Repeat("a", 10_000),
		strings.Repeat("mot ", 1000), `"facturaton" -devis NEAR(x) tarif:*`, "télé-secrétaire-médicale-à-domicile"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q := ParseQuery(raw)
		c := v.correctQuery(q)
		if c == nil {
			return
		}
		if !utf8.ValidString(c.Query) || c.Query == q.Raw || len(c.Query) > len(q.Raw)+MaxQueryTerms*MaxTokenBytes {
			t.Errorf("correction of %q: %q", raw, c.Query)
		}
		for _, term := range c.Replace(q).Terms {
			if term == "" || strings.Trim(term, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
				t.Errorf("correction of %q has term %q", raw, term)
			}
		}
	})
}

// BenchmarkCorrectFullVocabulary corrects six-word queries against a
// vocabulary of maxVocabulary made-up words (syllables put together, so
// that many are near one another, as French words are), the most a speller
// holds: the time of a correction and the memory of the vocabulary at its
// bound, whatever the forum's size.
func BenchmarkCorrectFullVocabulary(b *testing.B) {
	syllables := strings.Fields("fa ctu re se cre tai me di ca le pro spe ction do mi ci lia tion mu tu el tra ns cri pt ra ti on ve nte lo gi ciel")
	counts := map[string]int{}
	for i := 0; len(counts) < maxVocabulary; i++ {
		n := i
		var w strings.Builder
		for range 2 + i%4 {
			w.WriteString(syllables[n%len(syllables)])
			n = n/len(syllables) + i%7
		}
		counts[stem(w.String())] = 1 + (i*7919)%500
	}
	start := time.Now()
	v := newVocabulary(counts)
	built := time.Since(start)
	s := &Speller{}
	s.vocab.Store(v)
	st := s.Stats()
	queries := []string{"facturaton secretiare medicalle prospetcion domicilaition transcriptoin",
		"logicel ventee mutuele rationn ciellog spectionn", "sous-traitance factrue medicale secretaire trascription lociciel"}
	var took []time.Duration
	i := 0
	for b.Loop() {
		q := ParseQuery(queries[i%len(queries)])
		t0 := time.Now()
		v.correctQuery(q)
		took = append(took, time.Since(t0))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(st.Words), "vocab-words")
	b.ReportMetric(float64(st.Entries), "index-entries")
	b.ReportMetric(float64(st.Bytes)/(1<<20), "vocab-MB")
	b.ReportMetric(float64(built.Milliseconds()), "build-ms")
}
