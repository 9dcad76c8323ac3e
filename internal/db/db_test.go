package db_test

import (
	"context"
	"testing"

	"entraide/internal/testkit"
)

func TestMigrationsCreateTheDefaultSections(t *testing.T) {
	d := testkit.NewDB(t)
	var names []string
	if err := d.Raw("SELECT name FROM sections ORDER BY position").Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	if len(names) != 6 || names[0] != "Se lancer — questions des futures télésecrétaires" || names[5] != "Entre nous" {
		t.Fatalf("default sections: %q", names)
	}
	var newcomers int
	d.Raw("SELECT COUNT(*) FROM sections WHERE is_newcomers").Scan(&newcomers)
	if newcomers != 1 {
		t.Fatalf("want exactly one newcomers' section, got %d", newcomers)
	}
	status, err := d.MigrationStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range status {
		if s.State != "applied" {
			t.Errorf("migration %s is %s", s.Source.Path, s.State)
		}
	}
}

func TestMigrateTwiceIsHarmless(t *testing.T) {
	d := testkit.NewDB(t)
	if err := d.Migrate(context.Background(), testkit.DiscardLogger()); err != nil {
		t.Fatal(err)
	}
}

func TestSecondNewcomersSectionIsRefused(t *testing.T) {
	d := testkit.NewDB(t)
	err := d.Exec(`INSERT INTO sections (slug, name, is_newcomers, created_at, updated_at) VALUES ('x', 'X', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`).Error
	if err == nil {
		t.Fatal("a second newcomers' section was accepted")
	}
}
