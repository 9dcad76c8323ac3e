package markup_test

import (
	"os"
	"testing"

	"entraide/internal/markup"
)

// BenchmarkRender renders a realistic 2 KB French post: headings, lists, a
// table, links, a quote, a task list and a code block.
func BenchmarkRender(b *testing.B) {
	post, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		b.Fatal(err)
	}
	in := string(post)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderer.Render(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainText extracts the same post's text, as done for excerpts.
func BenchmarkPlainText(b *testing.B) {
	post, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		b.Fatal(err)
	}
	in := string(post)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		markup.PlainText(in)
	}
}
