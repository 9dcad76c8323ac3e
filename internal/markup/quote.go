package markup

import (
	"strings"
	"unicode"
)

// Quote returns Markdown that quotes a post at the top of a reply:
//
//	> @author
//	>
//	> first line
//	> second line
//
// The attribution is language neutral so that it reads the same in every
// locale and survives later edits. The empty quoted line after it keeps the
// post's first line from merging into the attribution: "---" would turn
// "@author" into a heading, and an indented code block or a list starting at
// 2 would become plain text. Quotes inside the post stay nested one level
// deeper, and the result ends with a blank line so the reply can be typed
// straight after it.
func Quote(author, markdown string) string {
	var b strings.Builder
	b.WriteString("> @")
	b.WriteString(escapeAuthor(author))
	b.WriteByte('\n')
	lines := bodyLines(markdown)
	if len(lines) > 0 {
		b.WriteString(">\n")
	}
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> ")
		b.WriteString(expandLeadingTabs(line))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String()
}

// bodyLines splits the post into lines, whatever its line endings, without
// the blank lines around it.
func bodyLines(markdown string) []string {
	markdown = strings.ReplaceAll(markdown, "\r\n", "\n")
	markdown = strings.ReplaceAll(markdown, "\r", "\n")
	lines := strings.Split(markdown, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// expandLeadingTabs turns indenting tabs into spaces. After "> " a tab no
// longer reaches the same column, so a tab-indented code block would stop
// being code inside the quote.
func expandLeadingTabs(line string) string {
	if !strings.HasPrefix(strings.TrimLeft(line, " "), "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for i, r := range line {
		switch r {
		case ' ':
			b.WriteByte(' ')
			col++
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		default:
			b.WriteString(line[i:])
			return b.String()
		}
	}
	return b.String()
}

// escapeAuthor keeps a name on the attribution line and shows it as typed:
// control characters (newlines above all) become spaces, and Markdown
// punctuation is backslash-escaped so "*Marie*" is not shown in italics.
func escapeAuthor(author string) string {
	var b strings.Builder
	for _, r := range author {
		switch {
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]<>&~!#|", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
