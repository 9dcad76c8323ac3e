package db

import (
	"errors"

	sqlite "github.com/glebarez/go-sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// Code is a kind of database error, named once for both databases and
// recognised by the drivers' own codes, never by the text of a message
// (which changes with versions and locales).
type Code int

// The kinds of error the services act on.
const (
	UniqueViolation Code = iota + 1
	CheckViolation
	ForeignKeyViolation
	NotNullViolation
	// Deadlock and SerializationFailure: PostgreSQL aborted a transaction
	// to break a cycle of waits; the same transaction run again succeeds.
	Deadlock
	SerializationFailure
)

// SQLSTATE codes of PostgreSQL, and SQLite's extended result codes.
var (
	postgresCodes = map[Code]string{UniqueViolation: "23505", CheckViolation: "23514", ForeignKeyViolation: "23503", NotNullViolation: "23502",
		Deadlock: "40P01", SerializationFailure: "40001"}
	sqliteCodes = map[Code][]int{
		UniqueViolation:     {2067, 1555}, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
		CheckViolation:      {275},        // SQLITE_CONSTRAINT_CHECK
		ForeignKeyViolation: {787},        // SQLITE_CONSTRAINT_FOREIGNKEY
		NotNullViolation:    {1299},       // SQLITE_CONSTRAINT_NOTNULL
	}
)

// gorm's own errors for the kinds its dialects translate (TranslateError
// is on: SQLite's driver errors reach us translated).
var gormErrors = map[Code]error{UniqueViolation: gorm.ErrDuplicatedKey, CheckViolation: gorm.ErrCheckConstraintViolated,
	ForeignKeyViolation: gorm.ErrForeignKeyViolated}

// IsCode reports whether err, or an error it wraps, is a database error of
// kind code.
func IsCode(err error, code Code) bool {
	if err == nil {
		return false
	}
	if translated, ok := gormErrors[code]; ok && errors.Is(err, translated) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == postgresCodes[code]
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		for _, c := range sqliteCodes[code] {
			if lite.Code() == c {
				return true
			}
		}
	}
	return false
}

// IsUniqueViolation reports whether err is a unique-constraint failure, on
// either database, so services can turn a race into a clear message.
func IsUniqueViolation(err error) bool {
	return IsCode(err, UniqueViolation)
}
