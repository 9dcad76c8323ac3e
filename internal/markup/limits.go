package markup

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark takes quadratic time on some hostile inputs: 100 KB of ">", of
// "_*a", of "[a](" or of backslash and backtick pairs each took one to five
// seconds. The wrappers below bring each under 0.1 s; they only change the
// rendering of text no member would write (quotes 32 levels deep, a
// paragraph with hundreds of emphasis marks, a 2 KB link address). The worst
// shape left is a paragraph of thousands of lines each holding "[a]", about
// 0.2 s for 100 KB, spent in goldmark's text reader.
const (
	// maxNesting bounds how deep quotes and lists nest: goldmark spends time
	// proportional to the line for each container it opens on that line.
	maxNesting = 32
	// maxDelimiters bounds the emphasis and strikethrough marks of one
	// paragraph: goldmark matches each closing mark against every opening
	// one before it.
	maxDelimiters = 500
	// maxDestination bounds a link's address: goldmark scans each "](" to
	// the end of the line when the address does not end.
	maxDestination = 2048
)

// blockParsers are goldmark's default block parsers, with quotes and lists
// held to maxNesting. The wrapped parsers are goldmark's singletons, so they
// are found by identity; TestRenderLimits fails if that ever stops working.
func blockParsers() []util.PrioritizedValue {
	ps := parser.DefaultBlockParsers()
	for i, p := range ps {
		switch p.Value {
		case parser.NewBlockquoteParser(), parser.NewListParser():
			ps[i].Value = nestingLimit{p.Value.(parser.BlockParser)}
		}
	}
	return ps
}

// inlineParsers are goldmark's default inline parsers, with code spans,
// links and emphasis given the budgets above.
func inlineParsers() []util.PrioritizedValue {
	ps := parser.DefaultInlineParsers()
	for i, p := range ps {
		switch p.Value {
		case parser.NewCodeSpanParser():
			ps[i].Value = codeSpanMemo{p.Value.(parser.InlineParser)}
		case parser.NewLinkParser():
			ps[i].Value = destinationLimit{p.Value.(parser.InlineParser)}
		case parser.NewEmphasisParser():
			ps[i].Value = delimiterBudget{p.Value.(parser.InlineParser)}
		}
	}
	return ps
}

// nestingLimit is a container block parser that opens nothing past
// maxNesting levels: deeper markers are read as the text they are. A list
// item always sits right in a list, so limiting lists limits items too.
type nestingLimit struct{ parser.BlockParser }

// Open implements parser.BlockParser.
func (p nestingLimit) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if depth(parent) >= maxNesting {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// depth counts n and its ancestors, up to maxNesting, which is all
// nestingLimit needs to know.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil && d < maxNesting; n = n.Parent() {
		d++
	}
	return d
}

// budgetKey holds the current paragraph's inlineBudget in the parser context.
var budgetKey = parser.NewContextKey()

// inlineBudget is what the inline guards remember about the block being
// parsed; goldmark parses one block's inlines at a time, from left to right.
type inlineBudget struct {
	block      ast.Node
	delimiters int
	// noCloser maps a code span opener's length to the position from which
	// no closing run of that length exists in the block.
	noCloser map[int]int
}

// budgetFor returns the budget of parent, a fresh one for a new block.
func budgetFor(parent ast.Node, pc parser.Context) *inlineBudget {
	b, _ := pc.Get(budgetKey).(*inlineBudget)
	if b == nil || b.block != parent {
		b = &inlineBudget{block: parent, noCloser: map[int]int{}}
		pc.Set(budgetKey, b)
	}
	return b
}

// literal consumes n bytes as plain text, which is how goldmark itself
// gives up on a marker.
func literal(block text.Reader, n int) ast.Node {
	_, segment := block.PeekLine()
	block.Advance(n)
	return ast.NewTextSegment(segment.WithStop(segment.Start + n))
}

// delimiterBudget stops an emphasis or strikethrough parser from stacking
// more than maxDelimiters marks in one block; further marks are text.
type delimiterBudget struct{ parser.InlineParser }

// Parse implements parser.InlineParser.
func (p delimiterBudget) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	b := budgetFor(parent, pc)
	if b.delimiters >= maxDelimiters {
		line, _ := block.PeekLine()
		return literal(block, runLength(line))
	}
	n := p.InlineParser.Parse(parent, block, pc)
	if n != nil {
		b.delimiters++
	}
	return n
}

// codeSpanMemo remembers, per opener length, where goldmark last searched
// the rest of the block for a closing run in vain: a later opener of the
// same length cannot find one either, so it is text straight away.
type codeSpanMemo struct{ parser.InlineParser }

// Parse implements parser.InlineParser.
func (p codeSpanMemo) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	b := budgetFor(parent, pc)
	line, segment := block.PeekLine()
	opener := runLength(line)
	if from, ok := b.noCloser[opener]; ok && segment.Start >= from {
		return literal(block, opener)
	}
	n := p.InlineParser.Parse(parent, block, pc)
	if _, failed := n.(*ast.Text); failed {
		if _, ok := b.noCloser[opener]; !ok {
			b.noCloser[opener] = segment.Start
		}
	}
	return n
}

// runLength is the length of the run of line's first byte.
func runLength(line []byte) int {
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return n
}

// destinationLimit treats "](" as text when the link address after it does
// not end within maxDestination bytes, before goldmark scans the whole line
// for its end. The "[" stays open, as an unmatched "[" does, and ends as text.
type destinationLimit struct{ parser.InlineParser }

// Parse implements parser.InlineParser.
func (p destinationLimit) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 2 && line[0] == ']' && line[1] == '(' && !destinationEnds(line[2:]) {
		return literal(block, 1)
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// CloseBlock implements parser.CloseBlocker: the link parser turns the "["
// left open into text there, and embedding alone would hide the method.
func (p destinationLimit) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := p.InlineParser.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

// destinationEnds reports whether goldmark's scan for the end of a link
// address starting in rest stops within maxDestination bytes. It follows
// goldmark's parseLinkDestination; an address on the next line is scanned
// at most once per line, so it is let through.
func destinationEnds(rest []byte) bool {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	rest = rest[i:]
	if len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' {
		return true
	}
	if len(rest) <= maxDestination {
		return true
	}
	if rest[0] == '<' {
		return angleDestinationEnds(rest[:maxDestination])
	}
	return plainDestinationEnds(rest[:maxDestination])
}

// angleDestinationEnds reports whether "<address>" closes within rest.
func angleDestinationEnds(rest []byte) bool {
	for i := 1; i < len(rest); i++ {
		switch {
		case rest[i] == '\\' && i+1 < len(rest) && util.IsPunct(rest[i+1]):
			i++
		case rest[i] == '>':
			return true
		}
	}
	return false
}

// plainDestinationEnds reports whether a bare address ends within rest, at a
// space or at a ")" that closes more than it opened.
func plainDestinationEnds(rest []byte) bool {
	opened := 0
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c == '\\' && i+1 < len(rest) && util.IsPunct(rest[i+1]):
			i++
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				return true
			}
		case util.IsSpace(c):
			return true
		}
	}
	return false
}
