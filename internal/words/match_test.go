package words

import "testing"

func TestMatchingIgnoresAccentsCaseAndHonoursWildcards(t *testing.T) {
	cases := []struct {
		pattern, text, masked string
	}{
		{"arnaque", "C'est une ARNAQUE, vraiment.", "C'est une •••, vraiment."},
		{"arnaqué", "une arnaque", "une •••"},
		{"arnaq*", "Des arnaqueurs et des arnaques.", "Des ••• et des •••."},
		{"*cash*", "Paiement en Cash-back et cashback", "Paiement en •••-back et •••"},
		{"argent facile", "De l'Argent  Facile ici, argent difficile là.", "De l'••• ici, argent difficile là."},
		{"télé*taire", "Je suis telesecretaire.", "Je suis •••."},
		{"arnaque", "arnaquer n'est pas arnaque", "arnaquer n'est pas •••"},
		{"bob", "Bobby", "Bobby"},
		{"<script>alert(1)</script>", "Voici <script>alert(1)</script> !", "Voici <•••> !"},
		{"l'arnaque", "C'est l'ARNAQUE.", "C'est •••."},
	}
	for _, c := range cases {
		key := Key(c.pattern)
		got := mask(c.text, find(tokens(c.text), key))
		if got != c.masked {
			t.Errorf("%q in %q: %q, want %q (key %q)", c.pattern, c.text, got, c.masked, key)
		}
	}
	for _, p := range []string{"", "***", "  ", "!!"} {
		if Key(p) != "" {
			t.Errorf("%q has a key: %q", p, Key(p))
		}
	}
}
