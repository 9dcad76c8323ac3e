package testkit

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// DisableJavaScript turns the page's scripts off for the pages loaded after
// it, for a run as a person without JavaScript.
func (tab *Tab) DisableJavaScript() {
	tab.t.Helper()
	call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
}

// ColorScheme makes the pages believe the system prefers "light" or "dark".
func (tab *Tab) ColorScheme(scheme string) {
	tab.t.Helper()
	call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
}

// Viewport sets the size of the window in CSS pixels (360 wide for a small
// phone).
func (tab *Tab) Viewport(width, height int) {
	tab.t.Helper()
	tab.do("set the viewport", chromedp.EmulateViewport(int64(width), int64(height)))
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// emptied holds the folders of this run's tests, emptied before their
// first screenshot so that none left by an older run passes for new.
var emptied sync.Map

// Screenshot saves the whole page as test-artifacts/<test>/<name>.png and
// returns the file's path.
func (tab *Tab) Screenshot(name string) string {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, actionTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tab.t.Fatalf("browser: screenshot: %v", err)
	}
	dir, err := artifactsDir()
	if err != nil {
		tab.t.Fatal(err)
	}
	dir = filepath.Join(dir, unsafeName.ReplaceAllString(tab.t.Name(), "_"))
	if _, done := emptied.LoadOrStore(dir, true); !done {
		_ = os.RemoveAll(dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tab.t.Fatal(err)
	}
	file := filepath.Join(dir, unsafeName.ReplaceAllString(name, "_")+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
	return file
}
