package markup

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// unguarded is the pipeline without the inline guards of limits.go: below
// the limits, the guarded pipeline must render exactly as it does.
func unguarded() goldmark.Markdown {
	return buildMarkdown(parser.DefaultInlineParsers(), extension.Strikethrough)
}

func convert(t testing.TB, md goldmark.Markdown, in string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Convert([]byte(in), &buf); err != nil {
		t.Fatalf("Convert(%q): %v", in, err)
	}
	return buf.String()
}

// limitSamples exercise what the guards watch: code spans that close and
// do not, links with and without ends, emphasis, strikethrough.
var limitSamples = []string{
	"`a` ``b`` `c",
	"`` a ` b `` ` c",
	"\\`` x `` y `",
	"``` a `` b ` c ``` d",
	"`a\nb` `c\n\nd`",
	"[a](https://b.example) [c](d e) [f](<g h>) [i](j(k)l) [m](n\\)o",
	"[a](b \"t\") [c](d 'u') [e](f (v)) [g]( h ) [i](\n j)",
	"[a](<b) [c]( [d](e(f [g](h\\ i)",
	"![a](b) ![c](d ![e](f)",
	"[a [b](c) d](e) [f]\n\n[f]: g",
	"*a* **b** _c_ __d__ ***e*** *f _g* h_ ~~i~~ ~j~ ~~k ~l~~",
	"*a **b* c** _d *e_ f* a*b*c a_b_c",
	"| `a|b` | [c](d) |\n|---|---|\n| *e* | ~~f~~ |",
}

func TestLimitsAreTransparent(t *testing.T) {
	post, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		t.Fatal(err)
	}
	guarded, plain := newMarkdown(), unguarded()
	for _, in := range append(limitSamples, string(post)) {
		if got, want := convert(t, guarded, in), convert(t, plain, in); got != want {
			t.Errorf("guards changed the rendering of %q\n got: %q\nwant: %q", in, got, want)
		}
	}
}

// FuzzLimitsAreTransparent checks the guards against goldmark itself on
// inputs too short to reach any limit but the nesting one, which both
// pipelines share.
func FuzzLimitsAreTransparent(f *testing.F) {
	for _, in := range limitSamples {
		f.Add(in)
	}
	guarded, plain := newMarkdown(), unguarded()
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) >= maxDelimiters {
			return
		}
		if got, want := convert(t, guarded, in), convert(t, plain, in); got != want {
			t.Errorf("guards changed the rendering of %q\n got: %q\nwant: %q", in, got, want)
		}
	})
}

func TestLimitsHold(t *testing.T) {
	md := newMarkdown()
	tests := []struct {
		name  string
		in    string
		count string // this must occur exactly n times
		n     int
		keep  string
	}{
		{"quotes nest up to the limit", strings.Repeat(">", 100) + "fin", "<blockquote>", maxNesting - 1, "&gt;fin"},
		// Each list level is two containers, a list and its item.
		{"lists nest up to the limit", strings.Repeat("1. ", 100) + "fin", "<ol>", maxNesting / 2, "1. fin"},
		{"emphasis up to the budget", strings.Repeat("*a* ", 400), "<em>", maxDelimiters / 2, "*a*"},
		{"strikethrough shares the budget", strings.Repeat("~a~ ", 400), "<del>", maxDelimiters / 2, "~a~"},
		{"long address is text", "[a](https://b.example/" + strings.Repeat("x", maxDestination) + ")", "<a ", 0, "[a]("},
		{"address under the limit links", "[a](https://b.example/" + strings.Repeat("x", maxDestination-100) + ")", "<a ", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := convert(t, md, tt.in)
			if got := strings.Count(out, tt.count); got != tt.n {
				t.Errorf("%q occurs %d times, want %d", tt.count, got, tt.n)
			}
			if !strings.Contains(out, tt.keep) {
				t.Errorf("output lacks %q: %.300q", tt.keep, out)
			}
		})
	}
}
