package db_test

import (
	"context"
	"testing"

	"entraide/internal/testkit/testdb"
)

// TestMigrationsAppliedOutOfOrder: a database that applied a later
// migration before an earlier one landed (0036 before 0026, as happened
// when features were built side by side) is brought up to date instead of
// refusing to start.
func TestMigrationsAppliedOutOfOrder(t *testing.T) {
	d := testdb.NewDB(t)
	ctx := context.Background()
	// 0026 changes nothing on SQLite and only how a reference is checked on
	// PostgreSQL: undoing its record alone leaves a database as it was
	// before 0026 landed.
	if err := d.Exec("DELETE FROM goose_db_version WHERE version_id = 26").Error; err != nil {
		t.Fatal(err)
	}
	if err := d.Migrate(ctx, testdb.TestLogger(t)); err != nil {
		t.Fatalf("migrate with 0026 missing below 0036: %v", err)
	}
	var n int
	d.Raw("SELECT COUNT(*) FROM goose_db_version WHERE version_id = 26").Scan(&n)
	if n != 1 {
		t.Fatalf("0026 applied %d times", n)
	}
}
