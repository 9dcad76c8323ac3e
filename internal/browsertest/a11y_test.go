package browsertest

import (
	"fmt"
	"testing"
)

// variant is a way a person may see the forum.
type variant struct {
	name          string
	scheme        string // prefers-color-scheme
	width, height int
}

var variants = []variant{
	{"light-desktop", "light", 1280, 900},
	{"dark-desktop", "dark", 1280, 900},
	{"light-360", "light", 360, 780},
	{"dark-360", "dark", 360, 780},
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA, and best practices) on
// every page as the roles that see it, in light and dark mode, on a desktop
// and a 360 px phone, and fails on any serious or critical violation and on
// a page wider than the window. It
// saves a screenshot of each under test-artifacts/ for a person to look at,
// and checks the console stays clean.
func TestAccessibility(t *testing.T) {
	f := newForum(t)
	tabs := f.readers(t)
	list := f.served(t)
	for _, v := range variants {
		for _, tab := range tabs {
			tab.ColorScheme(v.scheme)
			tab.Viewport(v.width, v.height)
		}
		for _, p := range list {
			where := fmt.Sprintf("%s as %s (%s)", p.name, p.as, v.name)
			tab := tabs[p.as]
			f.load(t, tab, p)
			for _, violation := range tab.Axe() {
				if violation.Serious() {
					t.Errorf("%s: %s", where, violation)
				} else {
					t.Logf("%s (not failing): %s", where, violation)
				}
			}
			if wide := tab.Overflow(); len(wide) > 0 {
				t.Errorf("%s: the page is wider than %d px: %v", where, v.width, wide)
			}
			tab.Screenshot(fmt.Sprintf("%s-%s-%s", p.name, p.as, v.name))
			tab.ExpectNoProblems(where)
		}
	}
}
