package search_test

import (
	"context"
	"reflect"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/search"
	"entraide/internal/testkit"
)

// TestFindChecksFiltersAndAssemblesItems: the search service, not the
// handler, refuses bad filters (by field, with catalog keys, nothing
// searched) and gives threads with their snippets.
func TestFindChecksFiltersAndAssemblesItems(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, u := srv.NewUser(accounts.Member)
	sections, err := srv.App.Forum.Sections(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	var target forum.Section
	for _, s := range sections {
		if s.Slug == "comptabilite-et-tarifs" {
			target = s
		}
	}
	if _, err := srv.App.Forum.CreateThread(ctx, u, forum.NewThread{SectionID: target.ID, Title: "Facturer un client en Belgique",
		Body: "Quelle TVA sur mes factures pour une cliente belge ?"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		form search.Form
		want errs.Invalid
	}{
		{search.Form{Query: "facture", Section: "nulle-part"}, errs.Invalid{"section": "search.filter.unknown_section"}},
		{search.Form{Query: "facture", Author: "personne"}, errs.Invalid{"author": "search.filter.unknown_author"}},
		{search.Form{Query: "facture", From: "hier", To: "2026-13-40"}, errs.Invalid{"from": "search.filter.bad_date", "to": "search.filter.bad_date"}},
	} {
		_, err := srv.App.Finder.Find(ctx, sections, c.form)
		if bad, ok := errs.AsInvalid(err); !ok || !reflect.DeepEqual(bad, c.want) {
			t.Errorf("%+v: %v, want %v", c.form, err, c.want)
		}
	}
	found, err := srv.App.Finder.Find(ctx, sections, search.Form{Query: "factures belge", Section: "comptabilite-et-tarifs", Author: u.Username})
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Items) != 1 || found.Items[0].Thread.Title != "Facturer un client en Belgique" || found.Items[0].Thread.SectionSlug != target.Slug {
		t.Fatalf("found %+v", found.Items)
	}
	if s := string(found.Items[0].Snippet); s != "Quelle TVA sur mes <mark>factures</mark> pour une cliente <mark>belge</mark> ?" {
		t.Errorf("snippet %q", s)
	}
}
