package i18n

import (
	"fmt"
	"strconv"
	"testing"
)

// TestPattern checks that a pattern formats a message as fmt.Sprintf does,
// and refuses what it does not understand rather than differ.
func TestPattern(t *testing.T) {
	tr := Translator{catalog: map[string]string{}}
	for _, msg := range []string{"%s %s %d", "%[2]s %[1]s, %[3]d", "100 %% %s%s%d", "%[1]s%[1]s %[2]s %d",
		"%[3]d %[1]s %s", "é %[3]d %[01]s %[2]s"} {
		tr.catalog["k"] = msg
		p, err := tr.pattern("k", "ssd")
		if err != nil {
			t.Errorf("%q: %v", msg, err)
			continue
		}
		if got, want := string(p.append(nil, "1er", "mars", strconv.Itoa(2026))), fmt.Sprintf(msg, "1er", "mars", 2026); got != want {
			t.Errorf("%q gives %q, fmt.Sprintf %q", msg, got, want)
		}
	}
	for _, msg := range []string{"", "é %s", "%[3]d : %s %s", "%s %s", "%s %s %s", "%d %s %d", "%v %s %d", "%5s %s %d", "%s %s %d %s", "%[4]s %s %s %d",
		"%[0]s %s %s %d", "%[x]s %s %s %d", "%[1 %s %s %d", "%[+1]s %s %s %d", "%[2]s %[1]s", "%s %s %d %", "%s %s %[3]"} {
		tr.catalog["k"] = msg
		if _, err := tr.pattern("k", "ssd"); err == nil {
			t.Errorf("%q is accepted", msg)
		}
	}
	if p, err := tr.pattern("missing", "ssd"); err != nil || string(p.append(nil, "a", "b", "1")) != tr.T("missing", "a", "b", 1) {
		t.Errorf("a missing message: %v", err)
	}
}
