package replies_test

import (
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/replies"
)

// titles is what the reply box lists for u as a page reads her: her row
// first, then the titles.
func (f *fixture) titles(t *testing.T, svc *replies.Service, u *accounts.User) string {
	t.Helper()
	fresh, err := accounts.New(f.db).ByID(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, err := svc.Titles(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range list {
		names = append(names, r.Title)
	}
	return strings.Join(names, ", ")
}

// The reply box keeps each member's titles: every change to them shows on
// her next page, on this instance and on another one sharing the
// database, and a kept list costs no statement.
func TestKeptTitlesFollowEveryChange(t *testing.T) {
	f := newFixture(t)
	other := replies.New(f.db, accounts.New(f.db)) // a second instance
	f.create(t, f.modo, true, "Bienvenue", "Bienvenue {auteur}.")
	first := f.create(t, f.anne, false, "Se lancer", "Par où commencer.")
	second := f.create(t, f.anne, false, "Tarifs", "Mes tarifs.")
	want := func(step, list string) {
		t.Helper()
		for i, svc := range []*replies.Service{f.svc, other} {
			if got := f.titles(t, svc, f.anne); got != list {
				t.Errorf("%s, instance %d: %q, want %q", step, i+1, got, list)
			}
		}
	}
	want("created", "Se lancer, Tarifs, Bienvenue")

	statements := db.CountStatements(f.db)
	anne := mustReload(t, f, f.anne)
	for range 2 { // her list, then the team's, kept
		if _, err := f.svc.Titles(ctx, anne); err != nil {
			t.Fatal(err)
		}
	}
	statements.Reset()
	if _, err := f.svc.Titles(ctx, anne); err != nil {
		t.Fatal(err)
	}
	if n := statements.Count(); n != 0 {
		t.Errorf("kept lists read %d statements: %q", n, statements.List())
	}

	if _, err := other.Update(ctx, f.anne, first.ID, replies.Input{Title: "Bien démarrer", Body: "Par où commencer."}); err != nil {
		t.Fatal(err)
	}
	want("renamed on the other instance", "Bien démarrer, Tarifs, Bienvenue")
	if err := f.svc.Move(ctx, f.anne, second.ID, -1); err != nil {
		t.Fatal(err)
	}
	want("moved up", "Tarifs, Bien démarrer, Bienvenue")
	if err := other.Delete(ctx, f.anne, second.ID); err != nil {
		t.Fatal(err)
	}
	want("deleted", "Bien démarrer, Bienvenue")
	f.create(t, f.anne, false, "Relances", "Relancer un client.")
	want("added", "Bien démarrer, Relances, Bienvenue")
	// Another member's list is hers alone, kept or not.
	if got := f.titles(t, f.svc, f.berthe); got != "Bienvenue" {
		t.Errorf("Berthe's titles: %q", got)
	}
	// The team's set changed here shows here at once.
	f.create(t, f.modo, true, "Règles", "Les règles du forum.")
	if got := f.titles(t, f.svc, f.berthe); got != "Bienvenue, Règles" {
		t.Errorf("Berthe's titles after the team's change: %q", got)
	}
}

func mustReload(t *testing.T, f *fixture, u *accounts.User) *accounts.User {
	t.Helper()
	fresh, err := accounts.New(f.db).ByID(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return fresh
}
