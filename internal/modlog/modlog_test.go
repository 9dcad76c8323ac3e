package modlog_test

import (
	"context"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/modlog"
	"entraide/internal/testkit/testdb"
)

var ctx = context.Background()

// TestLogIsAppendOnly: lines are recorded and listed newest first with the
// people's names, and the database refuses to change or delete them
// whatever asks — not only the routes, which have no such action.
func TestLogIsAppendOnly(t *testing.T) {
	d := testdb.NewDB(t)
	acc := accounts.New(d)
	mod, err := acc.Register(ctx, accounts.Registration{Username: "odile", Email: "odile@exemple.fr",
		Password: "une phrase de passe solide", Confirm: "une phrase de passe solide"})
	if err != nil {
		t.Fatal(err)
	}
	log := modlog.New(d)
	if err := log.Record(ctx, modlog.Entry{ActorID: mod.ID, Action: "suspend", UserID: mod.ID, Reason: "essai"}); err != nil {
		t.Fatal(err)
	}
	if err := log.Record(ctx, modlog.Entry{Action: "auto_hide", Reason: "flags"}); err != nil {
		t.Fatal(err)
	}
	lines, more, err := log.List(ctx, modlog.Filter{}, 1)
	if err != nil || more || len(lines) != 2 {
		t.Fatalf("List = %d lines, more %v, err %v; want 2 lines", len(lines), more, err)
	}
	if !lines[0].Automatic() || lines[1].ActorName != "odile" || lines[1].UserName != "odile" {
		t.Fatalf("lines = %+v; want the automatic one first, then odile's", lines)
	}
	if got, _, _ := log.List(ctx, modlog.Filter{ActorID: mod.ID}, 1); len(got) != 1 || got[0].Action != "suspend" {
		t.Fatalf("filtered by actor: %+v", got)
	}
	if err := d.Exec("UPDATE mod_log SET reason = 'effacé'").Error; err == nil {
		t.Fatal("UPDATE of mod_log succeeded; the log must be append-only")
	}
	if err := d.Exec("DELETE FROM mod_log").Error; err == nil {
		t.Fatal("DELETE from mod_log succeeded; the log must be append-only")
	}
	if n, err := log.Count(ctx, modlog.Filter{}); err != nil || n != 2 {
		t.Fatalf("after the refused changes: %d lines, err %v; want 2", n, err)
	}
}
