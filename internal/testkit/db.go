// Package testkit holds what tests of several packages share: fresh real
// databases, the whole forum on a real HTTP server with a client that
// behaves like a browser's form posts, and the headless Chromium harness.
package testkit

import (
	"log/slog"
	"testing"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"
)

// PostgresURLEnv names the variable that switches the test suite to
// PostgreSQL.
const PostgresURLEnv = testdb.PostgresURLEnv

// NewDB returns a migrated, empty database that lives as long as the test
// (see testdb.NewDB).
func NewDB(t testing.TB) *db.DB { return testdb.NewDB(t) }

// DiscardLogger is a logger that writes nothing.
func DiscardLogger() *slog.Logger { return testdb.DiscardLogger() }

// TestLogger sends warnings and errors to the test's log.
func TestLogger(t testing.TB) *slog.Logger { return testdb.TestLogger(t) }
