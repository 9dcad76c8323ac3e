package testkit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// AxeEnv names the variable that points the harness at axe.min.js; by
// default it is node_modules/axe-core/axe.min.js at the repository's root,
// where `npm ci` puts it (package.json pins the version).
const AxeEnv = "ENTRAIDE_AXE_JS"

const axeHint = `Install axe-core with:  npm ci   (at the repository's root; package.json names it)
(or set ` + AxeEnv + ` to an axe.min.js). In CI (CI=true) this is a failure, not a skip.`

var axe struct {
	once   sync.Once
	source string
	err    error
}

func loadAxe() {
	file := os.Getenv(AxeEnv)
	if file == "" {
		root, err := RepoRoot()
		if err != nil {
			axe.err = err
			return
		}
		file = filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		axe.err = err
		return
	}
	axe.source = string(data)
}

// AxeViolation is one accessibility rule that axe-core found broken on a
// page, with the elements that break it.
type AxeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"` // minor, moderate, serious or critical
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Nodes   []string `json:"nodes"`
}

// Serious reports whether the violation is serious or critical: what the
// accessibility tests refuse.
func (v AxeViolation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

// String shows the violation the way a failing test prints it: impact,
// rule, help, and each element with what to fix.
func (v AxeViolation) String() string {
	return fmt.Sprintf("[%s] %s: %s (%s)\n    %s", v.Impact, v.ID, v.Help, v.HelpURL, strings.Join(v.Nodes, "\n    "))
}

// axeRun checks WCAG 2.0 and 2.1, levels A and AA, and axe's best
// practices, and returns the violations with the elements and axe's summary.
const axeRun = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
  resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " ")),
})))`

// Axe injects axe-core into the current page and returns what it finds.
// It goes through DevTools' Runtime.evaluate, to which the page's CSP does
// not apply. Without axe-core it skips the test loudly, or fails it in CI.
func (tab *Tab) Axe() []AxeViolation {
	tab.t.Helper()
	axe.once.Do(loadAxe)
	if axe.err != nil {
		if errors.Is(axe.err, fs.ErrNotExist) && !InCI() {
			tab.t.Skipf("\n*** ACCESSIBILITY TEST SKIPPED: axe-core is missing (%v).\n*** %s", axe.err, axeHint)
		}
		tab.t.Fatalf("axe-core: %v\n%s", axe.err, axeHint)
	}
	var loaded bool
	tab.Eval(`typeof window.axe === "object"`, &loaded)
	if !loaded {
		ctx, cancel := context.WithTimeout(tab.ctx, 2*actionTimeout)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe.source)); err != nil {
			tab.t.Fatalf("axe-core: inject: %v", err)
		}
	}
	var out []AxeViolation
	tab.Eval(axeRun, &out)
	return out
}
