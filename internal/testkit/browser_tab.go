package testkit

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// actionTimeout bounds one step of a test: a page that never loads or an
// element that never appears fails the test instead of hanging it.
const actionTimeout = 15 * time.Second

// Tab is one browser tab of a test, in its own browser context (its own
// cookies, so tabs logged in as different people do not mix), on one forum
// server. From its first page on it records what must never happen: console
// errors, uncaught exceptions, CSP violations, dialogs and calls of the
// functions hostile input would call (see browser_watch.go). Every method
// fails the test on error.
type Tab struct {
	t   testing.TB
	srv *Server
	ctx context.Context

	mu       sync.Mutex
	problems []string
	docURLs  map[string]bool // documents the tab loaded: their HTTP status is the test's business
}

// Tab opens a tab for the test on srv, closed when the test ends. Without
// Chromium it skips the test with a loud message, or fails it in CI.
func (b *Browser) Tab(t testing.TB, srv *Server) *Tab {
	t.Helper()
	b.available(t)
	tab := &Tab{t: t, srv: srv, docURLs: map[string]bool{}}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext(), chromedp.WithListener(tab.listen))
	tab.ctx = ctx
	t.Cleanup(cancel)
	// The first Do opens the tab and binds its life to ctx, which has no
	// deadline; later steps each get their own timeout.
	if err := chromedp.Do(ctx, installWatch()); err != nil {
		t.Fatalf("browser: open a tab: %v", err)
	}
	return tab
}

// do runs steps with the step timeout, failing the test on error.
func (tab *Tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tab.t.Fatalf("browser: %s: %v", what, err)
	}
}

// call runs one protocol command with the step timeout.
func call[P, R any](tab *Tab, cmd cdp.Command[P, R], params P) R {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	res, err := chromedp.Call(ctx, cmd, params)
	if err != nil {
		tab.t.Fatalf("browser: %s: %v", cmd.Method, err)
	}
	return res
}

// URL is the full address of path on the tab's server.
func (tab *Tab) URL(path string) string { return tab.srv.URL + path }

// Go loads path and returns the HTTP status of the page.
func (tab *Tab) Go(path string) int {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(tab.URL(path)))
	if err != nil {
		tab.t.Fatalf("browser: load %s: %v", path, err)
	}
	return int(resp.Status)
}

// Submit clicks the button (or link) matching selector, waits for the page
// it leads to, and returns its HTTP status (after redirects).
func (tab *Tab) Submit(selector string) int {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(selector)))
	if err != nil {
		tab.t.Fatalf("browser: click %s and wait for the page: %v", selector, err)
	}
	return int(resp.Status)
}

// Click clicks the element matching selector and does not wait for a page:
// for what scripts do in place.
func (tab *Tab) Click(selector string) {
	tab.t.Helper()
	tab.do("click "+selector, chromedp.Click(chromedp.CSS(selector)))
}

// Fill replaces the text of the field matching selector, as a person typing
// it would (input events fire), and works with JavaScript off.
func (tab *Tab) Fill(selector, text string) {
	tab.t.Helper()
	tab.do("fill "+selector,
		chromedp.Focus(chromedp.CSS(selector)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("\b"),
	)
	if text != "" {
		call(tab, input.InsertText, input.InsertTextParams{Text: text})
	}
}

// FillForm fills several fields: selector → text.
func (tab *Tab) FillForm(fields map[string]string) {
	tab.t.Helper()
	for sel, text := range fields {
		tab.Fill(sel, text)
	}
}

// WaitVisible waits until an element matching selector is shown.
func (tab *Tab) WaitVisible(selector string) {
	tab.t.Helper()
	tab.do("wait for "+selector, chromedp.WaitVisible(chromedp.CSS(selector)))
}

// dismissDialog closes a dialog the page opened, so the page goes on.
func (tab *Tab) dismissDialog() {
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
}

// Choose picks, in the select matching selector, the option whose visible
// text is label, as a person would (a change event fires).
func (tab *Tab) Choose(selector, label string) {
	tab.t.Helper()
	var ok bool
	tab.Eval(fmt.Sprintf(`(() => {
  const s = document.querySelector(%s);
  const o = s && Array.from(s.options).find(o => o.text.trim() === %s);
  if (!o) return false;
  s.value = o.value;
  s.dispatchEvent(new Event("change", {bubbles: true}));
  return true;
})()`, jsString(selector), jsString(label)), &ok)
	if !ok {
		tab.t.Fatalf("browser: no option %q in %s", label, selector)
	}
}

// Press types keys on the focused element, as key events: "\t" is Tab,
// "\r" Enter.
func (tab *Tab) Press(keys string) {
	tab.t.Helper()
	tab.do(fmt.Sprintf("press %q", keys), chromedp.KeyEvent(keys))
}
