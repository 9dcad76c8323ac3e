package db_test

import (
	"testing"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"
)

// TestErrorCodesOnBothDatabases: each kind of constraint failure is known
// by its code on the database in use, through gorm, and not taken for
// another kind.
func TestErrorCodesOnBothDatabases(t *testing.T) {
	d := testdb.NewDB(t)
	for _, stmt := range []string{
		"CREATE TABLE codes_parent (id INTEGER PRIMARY KEY)",
		"CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0), parent INTEGER REFERENCES codes_parent (id))",
		"INSERT INTO codes (id, name, n) VALUES (1, 'a', 1)",
	} {
		if err := d.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	kinds := []db.Code{db.UniqueViolation, db.CheckViolation, db.ForeignKeyViolation, db.NotNullViolation}
	for _, c := range []struct {
		stmt string
		want db.Code
	}{
		{"INSERT INTO codes (id, name, n) VALUES (2, 'a', 1)", db.UniqueViolation},
		{"INSERT INTO codes (id, name, n) VALUES (3, 'b', 0)", db.CheckViolation},
		{"INSERT INTO codes (id, name, n, parent) VALUES (4, 'c', 1, 99)", db.ForeignKeyViolation},
		{"INSERT INTO codes (id, name, n) VALUES (5, NULL, 1)", db.NotNullViolation},
	} {
		err := d.Exec(c.stmt).Error
		if err == nil {
			t.Fatalf("%s: no error", c.stmt)
		}
		for _, k := range kinds {
			if got := db.IsCode(err, k); got != (k == c.want) {
				t.Errorf("%s: IsCode(%v) = %v (error %v)", c.stmt, k, got, err)
			}
		}
	}
	if err := d.Exec("INSERT INTO codes (id, name, n) VALUES (6, 'a', 1)").Error; !db.IsUniqueViolation(err) {
		t.Errorf("IsUniqueViolation(%v) = false", err)
	}
	if db.IsCode(nil, db.UniqueViolation) {
		t.Error("nil is a unique violation")
	}
}
