package generate

import (
	"fmt"

	"entraide/internal/markup"
	"math/rand/v2"
	"strings"
	"sync"
)

// Rendering a million posts with goldmark and bluemonday would take most of
// the run (about 30 µs per 500 bytes). A post is a sequence of Markdown
// blocks separated by blank lines, and each block renders on its own, so
// posts are composed from a pool of blocks rendered once: the stored HTML
// is exactly what the forum's renderer makes of the whole body (the tests
// check it), and combinations keep bodies distinct for the search index.

type blockKind int

const (
	kindParagraph blockKind = iota
	kindQuestion
	kindList
	kindQuote
	kindHeading
	kindTable
	kindCode
	kindGreeting
	kindClosing
	kindThanks
	kindCount
)

// poolSizes is how many distinct blocks of each kind are rendered.
var poolSizes = [kindCount]int{
	kindParagraph: 6000, kindQuestion: 2000, kindList: 1200, kindQuote: 800, kindHeading: len(headings),
	kindTable: 60, kindCode: 30, kindGreeting: 300, kindClosing: len(closings), kindThanks: 400,
}

type block struct {
	md   string
	html markup.HTML
	list bool // two lists in a row would merge into one: never adjacent
}

// blocks holds the rendered pool.
type blocks struct{ byKind [kindCount][]block }

// Renderer turns Markdown into the sanitised HTML stored with a post
// (markup.Renderer).
type Renderer interface {
	Render(markdown string) (markup.HTML, error)
}

// newBlocks writes and renders the pool, on every core.
func newBlocks(seed uint64, render Renderer) (*blocks, error) {
	b := &blocks{}
	type job struct {
		kind blockKind
		i    int
	}
	for k := range kindCount {
		b.byKind[k] = make([]block, poolSizes[k])
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range 4 {
		wg.Go(func() {
			for j := range jobs {
				w := writer{rand.New(rand.NewPCG(seed, uint64(j.kind)<<32|uint64(j.i)))}
				md := w.blockText(j.kind, j.i)
				html, err := render.Render(md)
				if err != nil {
					mu.Lock()
					firstErr = fmt.Errorf("generate: render: %w", err)
					mu.Unlock()
					continue
				}
				b.byKind[j.kind][j.i] = block{md: md, html: html, list: j.kind == kindList}
			}
		})
	}
	for k := range kindCount {
		for i := range poolSizes[k] {
			jobs <- job{k, i}
		}
	}
	close(jobs)
	wg.Wait()
	return b, firstErr
}

func (w writer) blockText(k blockKind, i int) string {
	switch k {
	case kindParagraph:
		return w.paragraph(4)
	case kindQuestion:
		return w.question()
	case kindList:
		return w.list()
	case kindQuote:
		return w.quote()
	case kindHeading:
		return "## " + headings[i]
	case kindTable:
		return w.table()
	case kindCode:
		return w.code()
	case kindGreeting:
		return w.fill(greetings[i%len(greetings)], false)
	case kindClosing:
		return closings[i]
	default:
		return w.fill(w.pick(thanks), false)
	}
}

// post is a body being composed.
type post struct {
	parts []block
}

func (p *post) add(b block) {
	if b.list && len(p.parts) > 0 && p.parts[len(p.parts)-1].list {
		return
	}
	p.parts = append(p.parts, b)
}

func (p *post) markdown() string {
	mds := make([]string, len(p.parts))
	for i, b := range p.parts {
		mds[i] = b.md
	}
	return strings.Join(mds, "\n\n")
}

func (p *post) html() string {
	var n int
	for _, b := range p.parts {
		n += len(b.html)
	}
	var s strings.Builder
	s.Grow(n)
	for _, b := range p.parts {
		s.WriteString(string(b.html))
	}
	return s.String()
}

func (b *blocks) pick(r *rand.Rand, k blockKind) block {
	list := b.byKind[k]
	return list[r.IntN(len(list))]
}

// opening is the first post of a thread: context, sometimes a list of what
// was tried, and the question.
func (b *blocks) opening(r *rand.Rand) *post {
	p := &post{}
	if r.Float64() < 0.7 {
		p.add(b.pick(r, kindGreeting))
	}
	for range 1 + r.IntN(2) {
		p.add(b.pick(r, kindParagraph))
	}
	if r.Float64() < 0.2 {
		p.add(b.pick(r, kindList))
	}
	p.add(b.pick(r, kindQuestion))
	if r.Float64() < 0.6 {
		p.add(b.pick(r, kindClosing))
	}
	return p
}

// reply is an answer: often short, sometimes a thank-you alone, sometimes a
// long structured answer with headings, lists, a table or a code block.
func (b *blocks) reply(r *rand.Rand) *post {
	p := &post{}
	switch x := r.Float64(); {
	case x < 0.2:
		p.add(b.pick(r, kindThanks))
	case x < 0.72:
		if r.Float64() < 0.12 {
			p.add(b.pick(r, kindQuote))
		}
		if r.Float64() < 0.4 {
			p.add(b.pick(r, kindGreeting))
		}
		for range 1 + r.IntN(3) {
			p.add(b.pick(r, kindParagraph))
		}
		if r.Float64() < 0.15 {
			p.add(b.pick(r, kindList))
		}
		if r.Float64() < 0.3 {
			p.add(b.pick(r, kindClosing))
		}
	case x < 0.95:
		p.add(b.pick(r, kindGreeting))
		for range 2 + r.IntN(4) {
			p.add(b.pick(r, kindHeading))
			p.add(b.pick(r, kindParagraph))
			switch y := r.Float64(); {
			case y < 0.4:
				p.add(b.pick(r, kindList))
			case y < 0.48:
				p.add(b.pick(r, kindTable))
			case y < 0.52:
				p.add(b.pick(r, kindCode))
			case y < 0.7:
				p.add(b.pick(r, kindParagraph))
			}
		}
		p.add(b.pick(r, kindClosing))
	default:
		p.add(b.pick(r, kindParagraph))
		p.add(b.pick(r, kindQuestion))
	}
	return p
}

// revise returns an earlier version of p: one block differs, as when a
// member fixes a sentence or adds a precision.
func (b *blocks) revise(r *rand.Rand, p *post) *post {
	prev := &post{parts: append([]block(nil), p.parts...)}
	i := r.IntN(len(prev.parts))
	if prev.parts[i].list {
		prev.parts[i] = b.pick(r, kindParagraph)
	} else if len(prev.parts) > 1 && r.Float64() < 0.5 {
		prev.parts = append(prev.parts[:i], prev.parts[i+1:]...)
	} else {
		prev.parts[i] = b.pick(r, kindParagraph)
	}
	return prev
}
