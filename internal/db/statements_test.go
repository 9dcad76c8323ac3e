package db_test

import (
	"testing"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"
)

func TestStatementsCountsEveryKindOfQuery(t *testing.T) {
	d := testdb.NewDB(t)
	counter := db.CountStatements(d)
	var n int
	d.Raw("SELECT COUNT(*) FROM sections").Scan(&n)
	rows, err := d.Raw("SELECT id FROM sections").Rows()
	if err != nil {
		t.Fatal(err)
	}
	rows.Close()
	var names []string
	d.Table("sections").Pluck("name", &names)
	d.Exec("UPDATE sections SET description = description WHERE id = 0")
	if got := counter.Count(); got != 4 {
		t.Fatalf("counted %d statements, want 4: %q", got, counter.List())
	}
	counter.Reset()
	if counter.Count() != 0 {
		t.Fatal("Reset kept statements")
	}
}
