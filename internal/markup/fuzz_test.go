package markup_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"entraide/internal/markup"
)

// FuzzRender checks that no input makes Render fail or panic, or lets
// anything runnable or an unmarked link through, and that PlainText and
// Quote hold up on the same input.
func FuzzRender(f *testing.F) {
	for _, tt := range hostileInputs {
		f.Add(tt.in)
	}
	if post, err := os.ReadFile("testdata/post-fr.md"); err == nil {
		f.Add(string(post))
	}
	f.Add("**gras** _it_ ~~barré~~ `code` [lien](https://a.example) https://b.example\n> cité\n- [x] fait\n\n| a |\n|---|\n| 1 |")
	f.Fuzz(func(t *testing.T, in string) {
		out, err := renderer.Render(in)
		if err != nil {
			t.Fatalf("Render(%q): %v", in, err)
		}
		for _, v := range renderedViolations(string(out)) {
			t.Errorf("unsafe output: %s\n in: %q\nout: %q", v, in, out)
		}
		quoted, err := renderer.Render(markup.Quote("martine", in))
		if err != nil {
			t.Fatalf("Render(Quote(%q)): %v", in, err)
		}
		for _, v := range renderedViolations(string(quoted)) {
			t.Errorf("unsafe quoted output: %s\n in: %q\nout: %q", v, in, quoted)
		}
		text := markup.PlainText(in)
		if tags := TagsIn(text); len(tags) > 0 {
			t.Errorf("PlainText(%q) = %q holds tags %q", in, text, tags)
		}
		if utf8.ValidString(in) && !utf8.ValidString(string(out)) {
			t.Errorf("valid UTF-8 in, invalid out\n in: %q\nout: %q", in, out)
		}
	})
}
