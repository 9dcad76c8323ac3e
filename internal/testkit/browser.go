package testkit

// The browser harness drives headless Chromium with chromedp.
//
// Which chromedp: v0.23.0 with cdproto v0.159.0, the versions go.mod already
// required, rather than the long-standing v0.16.0. Chosen knowingly:
//   - cdproto's types are generated from one protocol revision, and an old
//     cdproto fails to decode events that a newer Chromium sends (unknown enum
//     values, "unhandled page event"); v0.159.0 is the revision nearest to the
//     Chromium that `apt-get install chromium` gives today (156).
//   - v0.23 subscribes to events before the action that causes them (Listen,
//     WithListener, WaitEvent), which is what catching every console error,
//     CSP violation and dialog of a page load needs; v0.20–v0.23 fixed the
//     races of that path (a detach routed before earlier events).
//   - It talks to Chromium over a pipe by default: no debugging port, so
//     nothing listens on the machine and parallel test binaries never clash.
//   - Commands are typed values (cdp.Call(ctx, t, emulation.SetEmulatedMedia,
//     params)): a protocol change breaks the build, not a run.
//
// The cost is a young API that most examples on the web do not show; its
// docs/API.md in the module cache maps each old call to the new one. Bumping
// chromedp means reading that file's changes, not only running go get.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumEnv names the variable that points the harness at a Chrome or
// Chromium binary; by default it looks for chromium on the PATH.
const ChromiumEnv = "ENTRAIDE_CHROMIUM"

// installHint is what a person needs to run the browser suite.
const installHint = `Install Chromium with:  apt-get update && apt-get install -y chromium
(or set ` + ChromiumEnv + ` to a Chrome or Chromium binary). In CI (CI=true) this is a failure, not a skip.`

// Browser is one headless Chromium shared by the tests of a package: start
// it in TestMain with NewBrowser, stop it with Close. It starts on the first
// Tab, so a run that selects no browser test never launches it.
type Browser struct {
	once    sync.Once
	ctx     context.Context // the browser's root chromedp context
	cancel  context.CancelFunc
	dataDir string
	err     error // why there is no browser
	missing bool  // no binary at all: a skip outside CI
}

// NewBrowser returns the package's browser, not started yet.
func NewBrowser() *Browser { return &Browser{} }

// InCI reports whether the tests run in CI, where a missing tool fails the
// suite instead of skipping it.
func InCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// chromiumPath finds the browser binary, or "" when there is none.
func chromiumPath() string {
	if p := os.Getenv(ChromiumEnv); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func (b *Browser) start() {
	path := chromiumPath()
	if path == "" {
		b.missing = true
		b.err = errors.New("no Chromium on this machine")
		fmt.Fprintf(os.Stderr, "\n*** BROWSER TESTS CANNOT RUN: Chromium is not installed.\n*** %s\n\n", installHint)
		return
	}
	dir, err := os.MkdirTemp("", "entraide-chromium-")
	if err != nil {
		b.err = err
		return
	}
	b.dataDir = dir
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root in a container, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
		// Nothing leaves the machine: every address but the test server's
		// (loopback, which Chromium never proxies) goes to a closed port and
		// fails at once. A member's image from elsewhere then cannot make a
		// test wait on, or depend on, the internet.
		chromedp.ProxyServer("http://127.0.0.1:9"),
		// A French reader, as most of the forum's are: the pages answer in
		// French unless a test switches.
		chromedp.Flag("lang", "fr-FR"),
		chromedp.Flag("accept-lang", "fr-FR,fr"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b.ctx = ctx
	b.cancel = func() { cancelCtx(); cancelAlloc() }
	// The first Do starts Chromium and binds its life to ctx, which has no
	// deadline; the timeout only bounds the wait.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-time.After(60 * time.Second):
		err = errors.New("the browser did not start within 60 s")
	}
	if err != nil {
		b.err = fmt.Errorf("start %s: %w", path, err)
		b.cancel()
	}
}

// available makes sure Chromium runs, or skips the test with a loud message
// (outside CI) or fails it (in CI).
func (b *Browser) available(t testing.TB) {
	t.Helper()
	b.once.Do(b.start)
	switch {
	case b.err == nil:
	case b.missing && !InCI():
		t.Skipf("\n*** BROWSER TEST SKIPPED: %v.\n*** %s", b.err, installHint)
	default:
		t.Fatalf("browser: %v\n%s", b.err, installHint)
	}
}

// Close stops Chromium and removes its profile folder.
func (b *Browser) Close() {
	if b.cancel != nil {
		b.cancel()
	}
	if b.dataDir != "" {
		_ = os.RemoveAll(b.dataDir)
	}
}

// artifactsDir is test-artifacts/ at the root of the repository (ignored by
// git), where screenshots go.
func artifactsDir() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "test-artifacts"), nil
}

// RepoRoot is the folder holding the module's go.mod, found from the
// current directory (a package's folder while its tests run).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module entraide\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testkit: no go.mod of module entraide above the current folder")
		}
		dir = parent
	}
}
