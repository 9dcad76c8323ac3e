package web_test

import (
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

func TestPreviewShowsTheDraftAsItWillBePublished(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	member.Get("/new")
	p := member.Post("/preview", form("body", "Un **brouillon** <img src=x onerror=alert(1)> [lien](javascript:alert(1))"))
	if p.Status != http.StatusOK || p.Doc.Find(".post-body strong").Text() != "brouillon" || p.Text("h2") != "Aperçu" {
		t.Fatalf("preview: %d %q", p.Status, p.Body)
	}
	assertInert(t, "preview", p.Doc)
	if p.Has("header.site-header") || p.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the preview is a fragment, not kept: %v", p.Header)
	}
	if p := member.Post("/preview", form("body", "  \n")); p.Status != http.StatusOK || !strings.Contains(p.Text("p"), "vide") {
		t.Errorf("empty draft: %d %q", p.Status, p.Text("main, p"))
	}
	if p := member.Post("/preview", form("body", strings.Repeat("a", 50001))); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".field-error"), "50 000") {
		t.Errorf("too long: %d %q", p.Status, p.Text(".field-error"))
	}
	// Nothing was saved.
	var n int
	srv.App.DB.Raw("SELECT COUNT(*) FROM posts").Scan(&n)
	if n != 0 {
		t.Errorf("%d posts saved by previews", n)
	}
}

func TestPreviewIsForMembersWithAToken(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	visitor := srv.Client()
	visitor.Get("/")
	if p := visitor.Post("/preview", form("body", "Texte")); p.Status != http.StatusUnauthorized {
		t.Errorf("visitor: %d", p.Status)
	}
	member, _ := srv.NewUser(accounts.Member)
	if p := member.PostRaw("/preview", form("body", "Texte")); p.Status != http.StatusForbidden {
		t.Errorf("no CSRF token: %d", p.Status)
	}
	member.Header.Set("Origin", "https://evil.example")
	if p := member.Post("/preview", form("body", "Texte")); p.Status != http.StatusForbidden {
		t.Errorf("cross-site: %d", p.Status)
	}
}

func TestEditorOffersPreviewAndSyntaxHelp(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	member, _ := srv.NewUser(accounts.Member)
	page := member.Get("/new")
	if !page.Has(`button[name=preview]`) || !page.Has(`section.preview[hidden][data-preview-url="/preview"]`) {
		t.Fatal("the editor has no preview button or no place for the preview")
	}
	if help := page.Text(".syntax-help"); !strings.Contains(help, "**gras**") || !strings.Contains(help, "une liste numérotée") {
		t.Errorf("syntax help: %q", help)
	}
	// Rendered once per language at start: each reader gets their own.
	enMember, _ := srv.NewUser(accounts.Member)
	enMember.Header.Set("Accept-Language", "en")
	if help := enMember.Get("/new").Text(".syntax-help"); !strings.Contains(help, "**bold**") || strings.Contains(help, "gras") {
		t.Errorf("English syntax help: %q", help)
	}
	// Without JavaScript, the button shows the preview on the page.
	p := member.Post("/new", form("section", member.SectionID("entre-nous"), "title", "Un sujet en brouillon", "body", "*Essai*", "preview", "1"))
	if p.Status != http.StatusOK || p.Doc.Find("section.preview:not([hidden]) .post-body em").Text() != "Essai" || p.Text("#field-body") != "*Essai*" {
		t.Errorf("no-JS preview: %d %q", p.Status, p.Text("section.preview"))
	}
}
