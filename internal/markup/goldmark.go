package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRel is the rel of every link in a post: nofollow and ugc tell search
// engines the link is a member's, not the forum's endorsement; noopener keeps
// a linked page from reaching back into ours even if a browser opens it in a
// new tab.
const linkRel = "nofollow ugc noopener"

// headingShift moves a post's headings under the page's own h1 and h2, so
// that the page outline stays sane for screen readers: "#" becomes h3.
const headingShift = 2

// newMarkdown builds the goldmark pipeline. It is extension.GFM spelt out,
// because the table and linkify extensions need options GFM cannot take.
// Raw HTML is never passed through (goldmark's WithUnsafe stays off), and
// heading ids stay off too: ids chosen by members could clobber the page's.
func newMarkdown() goldmark.Markdown {
	return buildMarkdown(inlineParsers(), strikethrough{})
}

// buildMarkdown is newMarkdown with its inline parsers and strikethrough
// extension passed in, so that a test can compare it with goldmark's own.
func buildMarkdown(inline []util.PrioritizedValue, strike goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		// The parser comes first: the options and extensions below add to it.
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(blockParsers()...),
			parser.WithInlineParsers(inline...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		)),
		goldmark.WithExtensions(
			// Only web links are linkified: an ftp: link would lose its href
			// to the sanitiser and leave an empty anchor behind.
			extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"})),
			// Alignment as an align attribute, since style attributes are
			// never allowed through.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			strike,
			extension.TaskList,
		),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(postTransformer{}, 100)),
		),
		goldmark.WithRendererOptions(
			// Members expect a newline to be a line break, as in any forum.
			html.WithHardWraps(),
			// Lower value wins: replaces TaskList's renderer (priority 500).
			renderer.WithNodeRenderers(util.Prioritized(taskCheckBoxRenderer{}, 100)),
		),
	)
}

// strikethrough is extension.Strikethrough with its parser held to the same
// delimiter budget as emphasis, since both share goldmark's delimiter stack.
type strikethrough struct{}

// Extend implements goldmark.Extender.
func (strikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(delimiterBudget{extension.NewStrikethroughParser()}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

// postTransformer adapts the parsed post to its place in a page: headings
// shifted down and every link marked as a member's.
type postTransformer struct{}

// Transform implements parser.ASTTransformer.
func (postTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+headingShift, 6)
		case *ast.Link, *ast.AutoLink:
			n.SetAttributeString("rel", []byte(linkRel))
		}
		return ast.WalkContinue, nil
	})
}

// taskCheckBoxRenderer draws task-list boxes as text (☐, ☑) instead of
// disabled <input> elements, so that no form control ever reaches a page and
// the sanitiser can refuse input outright. Screen readers read both symbols.
type taskCheckBoxRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (taskCheckBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTaskCheckBox, renderTaskCheckBox)
}

func renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		_, _ = w.WriteString("☑ ")
	} else {
		_, _ = w.WriteString("☐ ")
	}
	return ast.WalkContinue, nil
}
