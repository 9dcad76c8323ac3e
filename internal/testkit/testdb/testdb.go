// Package testdb gives tests a fresh, migrated database: SQLite by default,
// a fresh PostgreSQL schema when ENTRAIDE_TEST_DATABASE_URL is set. It sits
// below testkit so that packages the application imports can use it in
// their own tests without an import cycle.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"entraide/internal/db"
)

// PostgresURLEnv names the variable that switches the test suite to
// PostgreSQL.
const PostgresURLEnv = "ENTRAIDE_TEST_DATABASE_URL"

// NewDB returns a migrated, empty database that lives as long as the test:
// a SQLite file in a temporary folder, or — when ENTRAIDE_TEST_DATABASE_URL
// is set — a fresh PostgreSQL schema dropped afterwards.
func NewDB(t testing.TB) *db.DB {
	t.Helper()
	if base := os.Getenv(PostgresURLEnv); base != "" {
		return NewPostgres(t, base)
	}
	return NewSQLite(t)
}

// NewSQLite returns a migrated, empty SQLite database in a temporary folder.
func NewSQLite(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(db.Options{SQLitePath: filepath.Join(t.TempDir(), "test.db")})
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return migrated(t, d)
}

// NewPostgres returns a migrated, empty schema of the PostgreSQL database at
// base, dropped when the test ends.
func NewPostgres(t testing.TB, base string) *db.DB {
	t.Helper()
	d, err := db.Open(db.Options{PostgresURL: NewPostgresSchema(t, base)})
	if err != nil {
		t.Fatalf("open postgres schema: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return migrated(t, d)
}

// NewPostgresSchema creates an empty schema in the PostgreSQL database at
// base and returns the address that uses it; the schema is dropped when the
// test ends. For tests that open the database themselves, as commands do.
func NewPostgresSchema(t testing.TB, base string) string {
	t.Helper()
	admin, err := db.Open(db.Options{PostgresURL: base, MaxOpenConns: 2})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	schema := "test_" + randomHex(8)
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("create schema: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresURLEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	// A test's schema need not survive a crash of the server: not waiting
	// for each commit's flush to disk makes the suite several times faster.
	// Commits stay atomic and visible to every connection at once.
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	t.Cleanup(func() {
		_ = admin.Exec("DROP SCHEMA " + schema + " CASCADE").Error
		_ = admin.Close()
	})
	return u.String()
}

func migrated(t testing.TB, d *db.DB) *db.DB {
	t.Helper()
	if err := d.Migrate(context.Background(), DiscardLogger()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return d
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// DiscardLogger is a logger that writes nothing, for code under test.
func DiscardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestLogger sends warnings and errors to the test's log, so a failing test
// shows the server's side of the story.
func TestLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

// NewTwin returns two connections to one fresh, migrated database, as two
// instances of the forum sharing it would hold: the same SQLite file, or
// the same PostgreSQL schema.
func NewTwin(t testing.TB) (*db.DB, *db.DB) {
	t.Helper()
	var opts db.Options
	if base := os.Getenv(PostgresURLEnv); base != "" {
		opts.PostgresURL = NewPostgresSchema(t, base)
	} else {
		opts.SQLitePath = filepath.Join(t.TempDir(), "shared.db")
	}
	open := func() *db.DB {
		d, err := db.Open(opts)
		if err != nil {
			t.Fatalf("open shared database: %v", err)
		}
		t.Cleanup(func() { _ = d.Close() })
		return d
	}
	first := migrated(t, open())
	return first, open()
}
