package browsertest

import (
	"os"
	"testing"

	"entraide/internal/testkit"
)

// browser is the one Chromium every test of the package shares; each test
// opens its own tabs.
var browser = testkit.NewBrowser()

func TestMain(m *testing.M) {
	code := m.Run()
	browser.Close()
	os.Exit(code)
}
