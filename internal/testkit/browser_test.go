package testkit

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// recorder stands in for a test to see whether the harness skips or fails
// it, without skipping or failing the real one.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// tabWithoutChromium asks for a tab with no Chromium to be found.
func tabWithoutChromium(t *testing.T, ci string) *recorder {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(ChromiumEnv, "")
	t.Setenv("CI", ci)
	b := NewBrowser()
	defer b.Close()
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Tab(r, nil)
		r.failed = "a tab opened without Chromium"
	}()
	<-done
	return r
}

func TestWithoutChromiumBrowserTestsSkipLoudly(t *testing.T) {
	r := tabWithoutChromium(t, "")
	if r.failed != "" || !strings.Contains(r.skipped, "SKIPPED") || !strings.Contains(r.skipped, "apt-get install -y chromium") {
		t.Fatalf("skipped %q, failed %q", r.skipped, r.failed)
	}
}

func TestWithoutChromiumBrowserTestsFailInCI(t *testing.T) {
	r := tabWithoutChromium(t, "true")
	if r.skipped != "" || !strings.Contains(r.failed, "no Chromium on this machine") {
		t.Fatalf("skipped %q, failed %q", r.skipped, r.failed)
	}
}
