package testkit

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Eval runs a JavaScript expression through DevTools (the page's CSP does
// not apply, and it works with the page's scripts off) and decodes its JSON
// result into out, which may be nil.
func (tab *Tab) Eval(expression string, out any) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expression, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.t.Fatalf("browser: evaluate %.80q: %v", expression, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			tab.t.Fatalf("browser: decode %.80q: %v (%.200s)", expression, err, raw)
		}
	}
}

// Text is the visible text of the elements matching selector, blanks
// collapsed, or "" when none matches.
func (tab *Tab) Text(selector string) string {
	tab.t.Helper()
	var texts []string
	tab.Eval(fmt.Sprintf(`Array.from(document.querySelectorAll(%s), e => e.innerText)`, jsString(selector)), &texts)
	return strings.Join(strings.Fields(strings.Join(texts, " ")), " ")
}

// Count is the number of elements matching selector.
func (tab *Tab) Count(selector string) int {
	tab.t.Helper()
	var n int
	tab.Eval(fmt.Sprintf(`document.querySelectorAll(%s).length`, jsString(selector)), &n)
	return n
}

// Has reports whether selector matches anything.
func (tab *Tab) Has(selector string) bool { return tab.Count(selector) > 0 }

// Attr is the attribute name of the first element matching selector.
func (tab *Tab) Attr(selector, name string) string {
	tab.t.Helper()
	var v string
	tab.Eval(fmt.Sprintf(`document.querySelector(%s)?.getAttribute(%s) ?? ""`, jsString(selector), jsString(name)), &v)
	return v
}

// Path is the current address without the server: path, query, fragment.
func (tab *Tab) Path() string {
	tab.t.Helper()
	var href string
	tab.Eval(`location.href`, &href)
	return strings.TrimPrefix(href, tab.srv.URL)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// overflowScript lists the elements that stick out of the window sideways
// (leaving out those inside a box that scrolls or clips them), at most five.
const overflowScript = `(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const clipped = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const out = [];
  for (const e of document.body.querySelectorAll("*")) {
    const right = e.getBoundingClientRect().right;
    if (right > width + 1 && !clipped(e)) {
      out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
        (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "") +
        " ends at " + Math.round(right) + " px");
    }
  }
  return out.slice(0, 5);
})()`

// Overflow lists the elements wider than the window — what makes a phone
// scroll sideways — or nothing when the page fits.
func (tab *Tab) Overflow() []string {
	tab.t.Helper()
	var out []string
	tab.Eval(overflowScript, &out)
	return out
}

// Focused describes the element that has the keyboard focus: its id, or
// its tag name when it has none.
func (tab *Tab) Focused() string {
	tab.t.Helper()
	var s string
	tab.Eval(`(e => e ? (e.id || e.tagName.toLowerCase()) : "")(document.activeElement)`, &s)
	return s
}
