package db_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"
)

type label string

// everyKind has a field of each type the row map scans.
type everyKind struct {
	ID       int64
	Count    int
	On       bool
	Name     string
	Kind     label
	HTMLBody string `gorm:"column:body_html"`
	At       time.Time
	Maybe    *time.Time
	Never    *time.Time
	Ref      *int64
	NoRef    *int64
	Skipped  string `gorm:"-"`
	Other    int
}

func TestRowMapColumnsAndScan(t *testing.T) {
	m := db.NewRowMap[everyKind]("Other")
	if want := "id, count, on, name, kind, body_html, at, maybe, never, ref, no_ref"; m.Columns != want {
		t.Fatalf("columns %q, want %q", m.Columns, want)
	}
	if got := m.Prefixed("x"); got != "x.id, x.count, x.on, x.name, x.kind, x.body_html, x.at, x.maybe, x.never, x.ref, x.no_ref" {
		t.Fatalf("prefixed %q", got)
	}
	d := testdb.NewDB(t)
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	d.Exec(`CREATE TABLE every_kinds (id BIGINT, count INTEGER, "on" BOOLEAN, name TEXT, kind TEXT, body_html TEXT,
		at TIMESTAMP, maybe TIMESTAMP, never TIMESTAMP, ref BIGINT, no_ref BIGINT)`)
	if err := d.Exec(`INSERT INTO every_kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 5, NULL)`,
		42, 7, true, "nom", "admin", "<p>x</p>", at, at).Error; err != nil {
		t.Fatal(err)
	}
	rows, err := d.WithContext(context.Background()).Raw(`SELECT id, count, "on", name, kind, body_html, at, maybe, never, ref, no_ref FROM every_kinds`).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := everyKind{Skipped: "kept", Other: 9}
	for rows.Next() {
		if err := rows.Scan(m.Fields(&got)...); err != nil {
			t.Fatal(err)
		}
	}
	got.At, got.Maybe = got.At.UTC(), ptrUTC(got.Maybe)
	five := int64(5)
	want := everyKind{Ref: &five, ID: 42, Count: 7, On: true, Name: "nom", Kind: "admin", HTMLBody: "<p>x</p>", At: at, Maybe: &at, Skipped: "kept", Other: 9}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("scanned %+v, want %+v", got, want)
	}
}

func ptrUTC(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func TestRowMapRefusesAnUnknownFieldType(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a float field was accepted without a scan destination")
		}
	}()
	db.NewRowMap[struct{ Ratio float64 }]()
}

var _ sql.Scanner = db.Int(new(int))
