package cleantext

import (
	"testing"
	"unicode/utf8"
)

func TestLineAndText(t *testing.T) {
	cases := []struct{ in, line, text string }{
		{"  Facture \u202egpj.exe  ", "Facture gpj.exe", "  Facture gpj.exe"},
		{"a\x00b\xff\xfec", "abc", "ab\uFFFDc"},
		{"\u2067isolé\u2069 \u200bmot\u200b", "isolé mot", "isolé \u200bmot\u200b"},
		{"ligne\r\nsuivante \t\n", "ligne suivante", "ligne\nsuivante"},
		{"\u200f\u05e9\u05dc\u05d5\u05dd", "\u200f\u05e9\u05dc\u05d5\u05dd", "\u200f\u05e9\u05dc\u05d5\u05dd"}, // RLM and Hebrew kept
		{"famille 👩\u200d👩\u200d👧", "famille 👩\u200d👩\u200d👧", "famille 👩\u200d👩\u200d👧"},                      // ZWJ kept
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.line || !utf8.ValidString(got) {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := Text(c.in); got != c.text || !utf8.ValidString(got) {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func TestVisible(t *testing.T) {
	for _, s := range []string{"", "   ", "\u200b\u200c\u200d\u2060\ufeff", "\u3164\u115f\u1160\uffa0", "\u2800\u2800", "\u202e\u2066", "\u0301\u034f", "\t\n"} {
		if Visible(s) {
			t.Errorf("%q counted as visible", s)
		}
	}
	for _, s := range []string{"a", "\u200bé", "·", "👍", "\u05e9"} {
		if !Visible(s) {
			t.Errorf("%q counted as invisible", s)
		}
	}
}
