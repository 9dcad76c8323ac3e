package markup_test

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"entraide/internal/markup"
)

// hostileDir holds public lists of malicious strings beside the project (see
// its README). CI has it; a fresh clone does not, and must still pass.
const hostileDir = "../../../shared/testdata/hostile"

// hostileSets are the lists that target HTML and text handling.
var hostileSets = []string{"payloadsallthethings/xss", "blns"}

// TestRenderHostileCorpus renders every line of every list, and each whole
// list as one post, and checks that nothing in the output can run: the
// lines are tried alone, inside a quote and through PlainText.
func TestRenderHostileCorpus(t *testing.T) {
	for _, set := range hostileSets {
		t.Run(set, func(t *testing.T) {
			dir := filepath.Join(hostileDir, set)
			files, err := payloadFiles(dir)
			if errors.Is(err, fs.ErrNotExist) {
				t.Skipf("%s is absent (it sits beside the project, in CI); the built-in hostile cases still ran", dir)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, file := range files {
				t.Run(filepath.Base(file), func(t *testing.T) { checkPayloadFile(t, file) })
			}
		})
	}
}

// payloadFiles lists the files of dir, leaving out licences: they are legal
// text, not payloads.
func payloadFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), "LICENSE") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, errors.New("no payload files in " + dir)
	}
	return files, nil
}

func checkPayloadFile(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	checkPayload(t, "whole file", string(data))
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		checkPayload(t, "line "+strconv.Itoa(n), line)
		checkPayload(t, "quoted line "+strconv.Itoa(n), markup.Quote("martine", line))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func checkPayload(t *testing.T, where, in string) {
	t.Helper()
	out := render(t, in)
	for _, v := range renderedViolations(out) {
		t.Errorf("%s: unsafe output: %s\n in: %.200q\nout: %.400q", where, v, in, out)
	}
	if tags := TagsIn(markup.PlainText(in)); len(tags) > 0 {
		t.Errorf("%s: PlainText holds tags %q\n in: %.200q", where, tags, in)
	}
}
