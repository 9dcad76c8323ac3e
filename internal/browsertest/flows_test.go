package browsertest

import (
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

func TestRegisterLogOutAndLogIn(t *testing.T) {
	srv := testkit.NewServer(t)
	tab := browser.Tab(t, srv)

	// A mistake first: the messages are next to the fields, and the
	// keyboard lands on the summary so a screen reader reads it.
	if status := tab.Register("a", "amandine@exemple.fr", "une phrase de passe solide"); status != 422 {
		t.Fatalf("bad username: status %d", status)
	}
	if !strings.Contains(tab.Text("#error-username"), "au moins 3 caractères") || tab.Focused() != "form-errors" {
		t.Errorf("error shown %q, focus on %q", tab.Text("#error-username"), tab.Focused())
	}
	if status := tab.Register("amandine", "amandine@exemple.fr", "une phrase de passe solide"); status != 200 || tab.Path() != "/" {
		t.Fatalf("register: status %d at %s: %s", status, tab.Path(), tab.Text(".form-errors"))
	}
	if !strings.Contains(tab.Text(".flash"), "Bienvenue") || !strings.Contains(tab.Text(".account"), "amandine") {
		t.Errorf("after registering: flash %q, account %q", tab.Text(".flash"), tab.Text(".account"))
	}
	tab.Logout()
	if strings.Contains(tab.Text(".account"), "amandine") || !strings.Contains(tab.Text(".flash"), "déconnecté") {
		t.Errorf("after logging out: flash %q, account %q", tab.Text(".flash"), tab.Text(".account"))
	}
	tab.Login("amandine", "une phrase de passe solide")
	if !strings.Contains(tab.Text(".flash"), "connecté") || !strings.Contains(tab.Text(".account"), "amandine") {
		t.Errorf("after logging in: flash %q, account %q", tab.Text(".flash"), tab.Text(".account"))
	}
	tab.ExpectNoProblems("register, log out, log in")
}

func TestOpenThreadAndReply(t *testing.T) { openThreadAndReply(t, true) }

func TestOpenThreadAndReplyWithoutJavaScript(t *testing.T) { openThreadAndReply(t, false) }

// openThreadAndReply is a member opening a thread from the header's button
// and a newcomer answering it, previewing both on the way: in place with
// JavaScript, by a round trip without.
func openThreadAndReply(t *testing.T, javaScript bool) {
	srv := testkit.NewServer(t)
	member, newcomer := browser.Tab(t, srv), browser.Tab(t, srv)
	if !javaScript {
		member.DisableJavaScript()
		newcomer.DisableJavaScript()
	}
	member.LoginAs(accounts.Member)
	member.Submit("a.ask")
	if h1 := member.Text("h1"); h1 != "Quelle est votre question ?" {
		t.Fatalf("the header's button leads to %q", h1)
	}
	// A member may still open a thread directly, from a section.
	member.Go("/s/comptabilite-et-tarifs")
	member.Submit(`.page-head a[href^="/new"]`)
	if h1 := member.Text("h1"); h1 != "Ouvrir un sujet" {
		t.Fatalf("the section's button leads to %q", h1)
	}
	member.Choose("#field-section", "Comptabilité et tarifs")
	member.Fill("#field-title", "Comment facturer une permanence téléphonique ?")
	member.Fill("#field-body", "Je facture **à l'appel** ou au forfait ?\n\n- appel : 1,20 €\n- forfait : 90 € par mois")
	preview(t, member, javaScript, "strong", "à l'appel")
	var title string
	member.Eval(`document.querySelector("#field-title").value`, &title)
	if title != "Comment facturer une permanence téléphonique ?" {
		t.Errorf("the preview changed the title to %q", title)
	}
	if status := member.Submit(`form.post-form button.primary`); status != 200 {
		t.Fatalf("publish: status %d: %s", status, member.Text(".form-errors"))
	}
	threadPath := member.Path()
	if member.Text("h1") != "Comment facturer une permanence téléphonique ?" || !strings.Contains(member.Text(".flash"), "publié") ||
		member.Text(".post.first .post-body li") != "appel : 1,20 € forfait : 90 € par mois" {
		t.Fatalf("thread page: h1 %q, flash %q, list %q", member.Text("h1"), member.Text(".flash"), member.Text(".post.first .post-body li"))
	}

	newcomer.LoginAs(accounts.Newcomer)
	newcomer.Go(threadPath)
	newcomer.Fill("#field-body", "Au forfait, c'est plus simple pour *tout le monde*.")
	preview(t, newcomer, javaScript, "em", "tout le monde")
	if status := newcomer.Submit(`form.post-form button.primary`); status != 200 {
		t.Fatalf("reply: status %d: %s", status, newcomer.Text(".form-errors"))
	}
	if !strings.Contains(newcomer.Text(".flash"), "réponse est publiée") || newcomer.Text(".post:not(.first) .post-body em") != "tout le monde" ||
		!strings.Contains(newcomer.Text(".post:not(.first) .role"), "Nouveau membre") || !strings.Contains(newcomer.Path(), "#p") {
		t.Errorf("after replying: flash %q, reply %q, at %s", newcomer.Text(".flash"), newcomer.Text(".post:not(.first)"), newcomer.Path())
	}
	member.Go(threadPath)
	if member.Text(".thread .meta") != "1 réponse" || member.Text(".post:not(.first) .author") != newcomer.Text(`.account a[href^="/u/"]`) {
		t.Errorf("the author sees %q by %q", member.Text(".thread .meta"), member.Text(".post:not(.first) .author"))
	}
	member.ExpectNoProblems("member")
	newcomer.ExpectNoProblems("newcomer")
}

// preview clicks "Aperçu" and expects the text rendered with tag around
// want. With JavaScript it must appear in place: same address, same
// document (a marker set before the click survives), text box untouched.
func preview(t *testing.T, tab *testkit.Tab, javaScript bool, tag, want string) {
	t.Helper()
	before := tab.Path()
	var typed string
	tab.Eval(`document.querySelector("#field-body").value`, &typed)
	if javaScript {
		tab.Eval(`window.__sameDocument = true`, nil)
		tab.Click(`form.post-form button[name=preview]`)
		tab.WaitVisible("section.preview .post-body " + tag)
		var same bool
		tab.Eval(`window.__sameDocument === true`, &same)
		if !same || tab.Path() != before {
			t.Errorf("the preview reloaded the page (now at %s)", tab.Path())
		}
		if status := tab.Text(".preview-status"); !strings.Contains(status, "Aperçu affiché") {
			t.Errorf("the preview is not announced: %q", status)
		}
	} else if status := tab.Submit(`form.post-form button[name=preview]`); status != 200 {
		t.Fatalf("preview without JavaScript: status %d", status)
	}
	if got := tab.Text("section.preview .post-body " + tag); got != want {
		t.Errorf("preview shows %q, want %q", got, want)
	}
	var kept string
	tab.Eval(`document.querySelector("#field-body").value`, &kept)
	if kept != typed {
		t.Errorf("the text box changed from %q to %q", typed, kept)
	}
}

func TestLanguageSwitchKeepsThePage(t *testing.T) {
	f := newForum(t)
	tab := browser.Tab(t, f.srv)
	tab.Go(f.threadURL)
	if tab.Attr("html", "lang") != "fr" || tab.Text(".breadcrumb a") != "Accueil Trouver des clients" {
		t.Fatalf("default page: lang %q, %q", tab.Attr("html", "lang"), tab.Text(".breadcrumb"))
	}
	if status := tab.Submit(".locale-switch button"); status != 200 || tab.Path() != f.threadURL {
		t.Fatalf("switch to English: status %d at %s", status, tab.Path())
	}
	if tab.Attr("html", "lang") != "en" || !strings.HasPrefix(tab.Text(".breadcrumb"), "Home") || tab.Text(".locale-switch button") != "Français" {
		t.Errorf("English page: lang %q, breadcrumb %q, switch %q", tab.Attr("html", "lang"), tab.Text(".breadcrumb"), tab.Text(".locale-switch button"))
	}
	tab.Go("/")
	if !strings.Contains(tab.Text("main h2"), "Welcome to Entraide") {
		t.Errorf("the choice is not kept: %q", tab.Text("main h2"))
	}
	if tab.Submit(".locale-switch button"); tab.Attr("html", "lang") != "fr" || !strings.Contains(tab.Text("main h2"), "Bienvenue") {
		t.Errorf("back to French: lang %q, %q", tab.Attr("html", "lang"), tab.Text("main h2"))
	}
	tab.ExpectNoProblems("language switch")
}

// TestMainPagesHaveNoConsoleErrors loads every page as its reader, with
// JavaScript, and fails on any console error, uncaught exception or CSP
// violation.
func TestMainPagesHaveNoConsoleErrors(t *testing.T) {
	f := newForum(t)
	tabs := f.readers(t)
	for _, p := range f.served(t) {
		f.load(t, tabs[p.as], p)
		tabs[p.as].ExpectNoProblems(p.name + " as " + string(p.as))
	}
}

// TestKeyboardSkipLinkAndVisibleFocus is a keyboard user's first seconds:
// the first Tab shows the skip link with a visible focus ring, Enter jumps
// to the content, and the next Tab lands inside it.
func TestKeyboardSkipLinkAndVisibleFocus(t *testing.T) {
	f := newForum(t)
	tab := browser.Tab(t, f.srv)
	for _, width := range []int{1280, 360} {
		tab.Viewport(width, 800)
		tab.Go(f.threadURL)
		tab.Press("\t")
		var focus struct {
			Class, Outline string
			Left, Top      float64
			Width          float64
		}
		tab.Eval(`(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {class: e.className, outline: s.outlineStyle + " " + s.outlineWidth, left: r.left, top: r.top, width: r.width}; })(document.activeElement)`, &focus)
		if focus.Class != "skip-link" || focus.Left < 0 || focus.Top < 0 || focus.Left+focus.Width > float64(width) {
			t.Errorf("%d px: the first Tab shows %+v", width, focus)
		}
		if !strings.HasPrefix(focus.Outline, "solid") || strings.HasSuffix(focus.Outline, " 0px") {
			t.Errorf("%d px: no visible focus ring on the skip link: %q", width, focus.Outline)
		}
		tab.Press("\r")
		if tab.Focused() != "main" {
			t.Errorf("%d px: after the skip link the focus is on %q", width, tab.Focused())
		}
		tab.Press("\t")
		var inMain bool
		tab.Eval(`document.activeElement.closest("main") !== null`, &inMain)
		if !inMain {
			t.Errorf("%d px: the Tab after the skip link leaves the content: %q", width, tab.Focused())
		}
	}
	tab.ExpectNoProblems("keyboard")
}

// TestSimilarThreadsWhileTypingATitle: typing a title proposes the
// existing threads that look like it, with links, before anything is sent.
func TestSimilarThreadsWhileTypingATitle(t *testing.T) {
	srv := testkit.NewServer(t)
	tab := browser.Tab(t, srv)
	tab.LoginAs(accounts.Member)
	tab.Go("/new")
	tab.Choose("#field-section", "Trouver des clients")
	tab.Fill("#field-title", "Comment trouver mes premiers clients ?")
	tab.Fill("#field-body", "Je débute et je ne sais pas par où commencer.")
	if status := tab.Submit(`form.post-form button.primary`); status != 200 {
		t.Fatalf("publish: %d", status)
	}
	first := tab.Path()
	tab.Go("/new")
	tab.Fill("#field-title", "trouver des clients quand on débute")
	tab.WaitVisible(".similar-box .similar a")
	if got := tab.Text(".similar-box .similar a"); got != "Comment trouver mes premiers clients ?" {
		t.Fatalf("proposed %q", got)
	}
	if href := tab.Attr(".similar-box .similar a", "href"); !strings.HasSuffix(first, href) {
		t.Errorf("the proposal links to %q, the thread is at %q", href, first)
	}
	tab.ExpectNoProblems("new thread with suggestions")
}
