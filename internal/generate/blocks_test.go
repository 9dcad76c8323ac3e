package generate

import (
	"math/rand/v2"
	"testing"

	"entraide/internal/markup"
)

// TestComposedHTMLIsTheRendering holds the promise of blocks.go: the HTML
// stored with a generated post is what the forum's renderer makes of its
// body.
func TestComposedHTMLIsTheRendering(t *testing.T) {
	render := markup.New()
	b, err := newBlocks(7, render)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		p := b.reply(r)
		if i%3 == 0 {
			p = b.opening(r)
		}
		want, err := render.Render(p.markdown())
		if err != nil {
			t.Fatal(err)
		}
		if got := p.html(); got != string(want) {
			t.Fatalf("post %d:\n%s\n--- composed:\n%s\n--- rendered:\n%s", i, p.markdown(), got, want)
		}
	}
}
