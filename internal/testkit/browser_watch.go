package testkit

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// watchBinding is the function through which the watch script reports to
// the harness (Runtime.addBinding): a call from the page becomes an event
// here, even when the page replaced every other function.
const watchBinding = "__entraideWatch"

// watchScript runs in every frame before the page's own scripts. It turns
// what an injected script would do — alert, confirm, prompt, print, setting
// window.__pwned — and every CSP violation into reports. The dialogs still
// open (and are caught a second time as dialogs); the harness closes them.
const watchScript = `(() => {
  const binding = globalThis.` + watchBinding + `;
  const send = (kind, detail) => {
    try { (binding || globalThis.` + watchBinding + `)(JSON.stringify({kind, detail: String(detail)})); } catch (e) {}
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const original = window[name];
    window[name] = function (...args) {
      send("script ran", name + "(" + args.map(String).join(", ") + ")");
      return original.apply(this, args);
    };
  }
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get() { return undefined; },
    set(v) { send("script ran", "window.__pwned = " + v); },
  });
  document.addEventListener("securitypolicyviolation", (e) => {
    send("CSP violation", e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
      (e.sample ? " (" + e.sample + ")" : "") + " at " + e.sourceFile + ":" + e.lineNumber);
  }, true);
})();`

// installWatch sets up the binding and the watch script on a new tab.
func installWatch() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, runtime.AddBinding, runtime.AddBindingParams{Name: watchBinding}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript})
		return err
	})
}

// listen runs in the tab's message loop (chromedp.WithListener): it must
// return fast and send no command, so it only records.
func (tab *Tab) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tab.report("console." + string(ev.Type) + ": " + argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		tab.report(fmt.Sprintf("uncaught exception: %s at %s:%d", text, d.URL, d.LineNumber+1))
	case *network.EventResponseReceived:
		if ev.Type == network.ResourceTypeDocument {
			tab.mu.Lock()
			tab.docURLs[ev.Response.URL] = true
			tab.mu.Unlock()
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return
		}
		tab.mu.Lock()
		ownStatus := e.Source == log.EntrySourceNetwork && tab.docURLs[e.URL]
		tab.mu.Unlock()
		// Members may show images from other sites; the harness keeps them
		// off the network (see start), so their failure is expected.
		elsewhere := e.Source == log.EntrySourceNetwork && e.URL != "" && !strings.HasPrefix(e.URL, tab.srv.URL+"/")
		if !ownStatus && !elsewhere {
			tab.report(fmt.Sprintf("console (%s): %s %s", e.Source, e.Text, e.URL))
		}
	case *runtime.EventBindingCalled:
		if ev.Name != watchBinding {
			return
		}
		var msg struct{ Kind, Detail string }
		if err := json.Unmarshal([]byte(ev.Payload), &msg); err != nil {
			msg.Kind, msg.Detail = "watch", ev.Payload
		}
		tab.report(msg.Kind + ": " + msg.Detail)
	case *page.EventJavascriptDialogOpening:
		tab.report(fmt.Sprintf("dialog opened (%s): %q on %s", ev.Type, ev.Message, ev.URL))
		go tab.dismissDialog()
	}
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func (tab *Tab) report(problem string) {
	tab.mu.Lock()
	tab.problems = append(tab.problems, problem)
	tab.mu.Unlock()
}

// Problems returns what went wrong in the tab since the last call — console
// errors, uncaught exceptions, CSP violations, dialogs, calls of alert and
// its kin — and forgets them. A network error for a page the test loaded
// itself is not one (its status is what Go and Submit return), nor one for
// an image from another site (the harness keeps the browser offline).
func (tab *Tab) Problems() []string {
	tab.t.Helper()
	// One round trip first: the listener sees every event that Chromium sent
	// before the reply, so nothing of the page so far is still in flight.
	tab.Eval(`0`, nil)
	tab.mu.Lock()
	defer tab.mu.Unlock()
	out := tab.problems
	tab.problems = nil
	return out
}

// ExpectNoProblems fails the test with every problem the tab recorded,
// naming where (a page, a step).
func (tab *Tab) ExpectNoProblems(where string) {
	tab.t.Helper()
	for _, p := range tab.Problems() {
		tab.t.Errorf("%s: %s", where, p)
	}
}
