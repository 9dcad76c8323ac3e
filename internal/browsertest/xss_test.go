package browsertest

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/testkit"
)

// hostileCorpus is the folder of public XSS lists beside the project (see
// its README): present in CI, absent from a fresh clone. When it is there,
// every line of every file runs.
const hostileCorpus = "../shared/testdata/hostile/payloadsallthethings/xss"

// payload is one hostile input and where it comes from, for the message.
type payload struct{ from, text string }

// hostilePayloads is the project's list, then every line of the corpus.
func hostilePayloads(t *testing.T) []payload {
	t.Helper()
	var out []payload
	for i, h := range hostileInputs {
		out = append(out, payload{"hostileInputs[" + strconv.Itoa(i) + "]", h})
	}
	root, err := testkit.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, hostileCorpus)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err == nil && len(files) == 0 {
		err = fs.ErrNotExist
	}
	if errors.Is(err, fs.ErrNotExist) {
		t.Logf("%s is absent (it sits beside the project, in CI): only the project's %d inputs run", dir, len(hostileInputs))
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	lines := 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			if line := sc.Text(); strings.TrimSpace(line) != "" {
				out = append(out, payload{filepath.Base(file) + ":" + strconv.Itoa(n), line})
				lines++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d inputs of the project and %d lines of %d files in %s", len(hostileInputs), lines, len(files), dir)
	return out
}

// batch is the payloads one post carries, posts being limited in length.
type batch struct {
	from string // the first and last payloads, for the messages
	body string
}

// perPost is how many payloads share a post: enough to keep the suite fast,
// few enough that one payload's unclosed construct (an HTML comment, a code
// fence) hides a bounded number of the next ones.
const perPost = 40

func batches(list []payload) []batch {
	var out []batch
	for start := 0; start < len(list); {
		var parts []string
		end, size := start, 0
		for end < len(list) && end-start < perPost {
			n := utf8.RuneCountInString(list[end].text) + 2
			if size+n > forum.MaxBodyLength/2 && end > start {
				break
			}
			parts, size = append(parts, list[end].text), size+n
			end++
		}
		out = append(out, batch{from: list[start].from + " … " + list[end-1].from, body: strings.Join(parts, "\n\n")})
		start = end
	}
	return out
}

// inertScript lists what in the page could still run or send a reader
// elsewhere, as the browser parsed it: scripts not ours, elements that
// carry active content, event handler attributes, and URLs with a script
// or data scheme. It sees what a mutation-XSS parse produced, which an HTML
// check on the server cannot.
const inertScript = `(() => {
  const bad = [];
  const describe = (e) => e.tagName.toLowerCase() + (e.closest("[id]") ? " in #" + e.closest("[id]").id : "");
  for (const s of document.scripts) {
    if (!s.src.startsWith(location.origin + "/static/") || s.text.trim() !== "") bad.push("script " + (s.src || s.text.slice(0, 80)));
  }
  // What members write may only hold the elements the sanitiser lets
  // through (and search snippets their highlight).
  const allowed = new Set(["P", "BR", "HR", "EM", "STRONG", "DEL", "CODE", "PRE", "BLOCKQUOTE", "UL", "OL", "LI",
    "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "H3", "H4", "H5", "H6", "A", "IMG", "MARK", "B"]);
  for (const e of document.querySelectorAll(".post-body *, .snippet *, h1 *, .thread-title *")) {
    if (!allowed.has(e.tagName)) bad.push("element " + describe(e));
  }
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on")) bad.push("handler " + name + " on " + describe(e));
      if (["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"].includes(name)) {
        let scheme = "";
        try { scheme = new URL(a.value, location.href).protocol; } catch (err) { scheme = "unparsable:"; }
        if (!["http:", "https:", "mailto:"].includes(scheme)) bad.push(name + "=" + JSON.stringify(a.value.slice(0, 80)) + " on " + describe(e));
      }
      if (name === "style") bad.push("style attribute on " + describe(e));
    }
  }
  return bad;
})()`

// TestHostileInputNeverRunsInTheBrowser posts every hostile input (the
// project's list and, in CI, every line of the public lists), in batches,
// and loads the pages that show them — the thread's pages, the preview as
// the editor's script shows it in place, the lists that show hostile titles
// — failing on any dialog, any call of alert and its kin, any CSP violation
// or console error, and any handler or script URL left in the page.
func TestHostileInputNeverRunsInTheBrowser(t *testing.T) {
	srv := testkit.NewServer(t)
	// An administrator writes them: the per-hour limits a later feature
	// adds for members must not cut the list short.
	writer, _ := srv.NewUser(accounts.Admin)
	list := hostilePayloads(t)
	posts := batches(list)

	threadURL := writer.OpenThread("entre-nous", "Messages piégés, pour le test", "Les réponses qui suivent sont hostiles.")
	threadID := strings.Split(threadURL, "/")[2]
	for _, b := range posts {
		writer.Get(threadURL)
		if p := writer.Post("/t/"+threadID+"/reply", testkit.URLValues("body", b.body)); p.Status != http.StatusSeeOther {
			t.Fatalf("post %s: status %d %s", b.from, p.Status, p.Text(".form-errors, .field-error"))
		}
	}
	for _, h := range hostileInputs[:8] {
		writer.OpenThread("entre-nous", fmt.Sprintf("Titre piégé %.130s", h), "Un titre hostile.")
	}

	reader := browser.Tab(t, srv)
	pages := (len(posts) + 1 + forum.PostsPerPage - 1) / forum.PostsPerPage
	shown := 0
	for n := 1; n <= pages; n++ {
		path := threadURL + "?page=" + strconv.Itoa(n)
		if status := reader.Go(path); status != http.StatusOK {
			t.Fatalf("%s: status %d", path, status)
		}
		shown += reader.Count(".post-body")
		expectInert(t, reader, path)
	}
	if shown != len(posts)+1 {
		t.Errorf("%d posts shown, %d written", shown, len(posts)+1)
	}
	for _, path := range []string{"/", "/s/entre-nous", "/search?q=pi%C3%A9g%C3%A9"} {
		reader.Go(path)
		expectInert(t, reader, path)
	}

	// The preview the editor's script shows in place (innerHTML of the
	// server's fragment): a path of its own.
	tab := browser.Tab(t, srv)
	tab.LoginAs(accounts.Member)
	tab.Go("/t/" + threadID + "/reply")
	for _, b := range posts {
		tab.Fill("#field-body", b.body)
		tab.Eval(`document.querySelector("section.preview").replaceChildren()`, nil)
		tab.Click(`form.post-form button[name=preview]`)
		tab.WaitVisible("section.preview h2")
		expectInert(t, tab, "preview of "+b.from)
	}
	t.Logf("%d hostile inputs in %d posts, %d thread pages, %d previews", len(list), len(posts), pages, len(posts))
}

// expectInert fails with anything that ran or could run on the tab's page.
func expectInert(t *testing.T, tab *testkit.Tab, where string) {
	t.Helper()
	tab.ExpectNoProblems(where)
	var bad []string
	tab.Eval(inertScript, &bad)
	for _, b := range bad {
		t.Errorf("%s: %s", where, b)
	}
}
