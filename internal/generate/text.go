package generate

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// writer fills the vocabulary's templates with a random source.
type writer struct{ r *rand.Rand }

func (w writer) pick(list []string) string { return list[w.r.IntN(len(list))] }

func (w writer) chance(p float64) bool { return w.r.Float64() < p }

// between returns an int in [lo, hi].
func (w writer) between(lo, hi int) int { return lo + w.r.IntN(hi-lo+1) }

// slot returns a value for the slot name.
func (w writer) slot(name string) string {
	switch strings.TrimRight(name, "2") {
	case "verb":
		return w.pick(verbs)
	case "verbJe":
		return w.pick(verbsJe)
	case "object":
		return w.pick(objects)
	case "client":
		return w.pick(clients)
	case "tool":
		return w.pick(tools)
	case "time":
		return w.pick(timeExprs)
	case "feeling":
		return w.pick(feelings)
	case "amount":
		return w.pick(amounts)
	case "service":
		return w.pick(services)
	case "situation":
		return w.pick(situations)
	case "region":
		return w.pick(regions)
	case "years":
		return w.pick(years)
	case "specialty":
		return w.pick(specialties)
	case "name":
		return w.pick(firstNames)
	case "num":
		return strconv.Itoa(w.between(100, 999))
	}
	return name
}

// fill replaces each {slot} of tmpl. With emphasis set, a slot's value is
// sometimes set in bold or italics, as members stress what matters.
func (w writer) fill(tmpl string, emphasis bool) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return elide(b.String())
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			b.WriteString(tmpl)
			return elide(b.String())
		}
		b.WriteString(tmpl[:open])
		name := tmpl[open+1 : open+end]
		v := w.slot(name)
		switch {
		case strings.HasPrefix(name, "verb"):
		case emphasis && w.chance(0.06):
			v = "**" + v + "**"
		case emphasis && w.chance(0.03):
			v = "*" + v + "*"
		}
		b.WriteString(v)
		tmpl = tmpl[open+end+1:]
	}
}

// Slots are filled without regard to the next word; French elides and
// contracts: "je archive" is "j'archive", "de organiser" is "d'organiser",
// "à le forfait" is "au forfait".
var (
	elision     = regexp.MustCompile(`(^|[\s(])([Jj]e|[Dd]e|[Qq]ue) (\*{0,2})([aeiouyéèêâAEIOUYÉ])`)
	contraction = regexp.MustCompile(`(^|[\s(])(à|de) (\*{0,2})(le|les) `)
)

func elide(s string) string {
	s = elision.ReplaceAllStringFunc(s, func(m string) string {
		g := elision.FindStringSubmatch(m)
		return g[1] + g[2][:len(g[2])-1] + "'" + g[3] + g[4]
	})
	return contraction.ReplaceAllStringFunc(s, func(m string) string {
		g := contraction.FindStringSubmatch(m)
		word := map[string]string{"àle": "au", "àles": "aux", "dele": "du", "deles": "des"}[g[2]+g[4]]
		return g[1] + word + " " + g[3]
	})
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// title returns a thread title of 10 to 150 characters.
func (w writer) title() string {
	for {
		t := capitalize(w.fill(w.pick(titles), false))
		if n := utf8.RuneCountInString(t); n >= 10 && n <= 150 {
			return t
		}
	}
}

func (w writer) sentence() string { return capitalize(w.fill(w.pick(sentences), true)) }

// paragraph is 1 to max sentences, sometimes with a link or inline code.
func (w writer) paragraph(max int) string {
	n := w.between(1, max)
	parts := make([]string, 0, n+1)
	for range n {
		parts = append(parts, w.sentence())
	}
	switch {
	case w.chance(0.06):
		parts = append(parts, "Voir "+w.pick(links)+".")
	case w.chance(0.02):
		parts = append(parts, "Je nomme mes fichiers `"+w.pick([]string{"AAAA-MM-client.pdf", "devis-v2.odt", "relance-J30.txt"})+"`.")
	}
	// A long paragraph is sometimes typed with line breaks, which the forum
	// keeps (hard wraps).
	sep := " "
	if n > 2 && w.chance(0.2) {
		sep = "\n"
	}
	return strings.Join(parts, sep)
}

func (w writer) question() string {
	q := capitalize(w.fill(w.pick(questions), false))
	if w.chance(0.5) {
		return w.sentence() + " " + q
	}
	return q
}

func (w writer) list() string {
	n := w.between(2, 5)
	ordered, tasks := w.chance(0.3), w.chance(0.08)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch {
		case ordered:
			b.WriteString(strconv.Itoa(i+1) + ". ")
		case tasks && w.chance(0.5):
			b.WriteString("- [x] ")
		case tasks:
			b.WriteString("- [ ] ")
		default:
			b.WriteString("- ")
		}
		switch w.r.IntN(4) {
		case 0:
			b.WriteString(capitalize(w.fill("{verb} {object}", false)))
		case 1:
			b.WriteString(capitalize(w.fill("{service} : {amount}", false)))
		case 2:
			b.WriteString(capitalize(w.fill("{tool} pour {service}", false)))
		default:
			b.WriteString(capitalize(w.fill("{object} {time}", false)))
		}
	}
	return b.String()
}

func (w writer) quote() string {
	q := "> " + w.sentence()
	if w.chance(0.3) {
		q = "> **" + w.pick(firstNames) + " a écrit :**\n" + q
	}
	return q
}

func (w writer) table() string {
	var b strings.Builder
	b.WriteString("| Prestation | Tarif |\n|:--|--:|")
	for range w.between(2, 4) {
		b.WriteString("\n| " + capitalize(w.pick(services)) + " | " + w.pick(amounts) + " |")
	}
	return b.String()
}

func (w writer) code() string { return "```text\n" + w.fill(w.pick(codeSnippets), false) + "\n```" }

func (w writer) bio() string {
	if !w.chance(0.3) {
		return ""
	}
	return w.fill(w.pick(bioTemplates), false)
}
