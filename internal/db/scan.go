package db

import (
	"database/sql"
	"fmt"
	"time"
)

// Scan destinations for hand-scanned reads: each takes what either driver
// returns for a column without the reflection database/sql falls back to
// for int, bool, named string and pointer fields — measurable on pages of
// thirty rows.

// Int scans an integer column into p.
func Int(p *int) sql.Scanner { return intDest{p} }

// Bool scans a boolean column (an integer on SQLite) into p.
func Bool(p *bool) sql.Scanner { return boolDest{p} }

// Text scans a text column into a string type such as a role.
func Text[T ~string](p *T) sql.Scanner { return textDest[T]{p} }

// Time scans a timestamp column into p.
func Time(p *time.Time) sql.Scanner { return timeDest{p} }

// NullTime scans a nullable timestamp column into p, nil for NULL.
func NullTime(p **time.Time) sql.Scanner { return nullTimeDest{p} }

type intDest struct{ p *int }

func (d intDest) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		*d.p = int(v)
	case int32:
		*d.p = int(v)
	default:
		return fmt.Errorf("db: cannot scan %T into an int", src)
	}
	return nil
}

type boolDest struct{ p *bool }

func (d boolDest) Scan(src any) error {
	switch v := src.(type) {
	case bool:
		*d.p = v
	case int64:
		*d.p = v != 0
	default:
		return fmt.Errorf("db: cannot scan %T into a bool", src)
	}
	return nil
}

type textDest[T ~string] struct{ p *T }

func (d textDest[T]) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*d.p = T(v)
	case []byte:
		*d.p = T(v)
	default:
		return fmt.Errorf("db: cannot scan %T into text", src)
	}
	return nil
}

type timeDest struct{ p *time.Time }

func (d timeDest) Scan(src any) error {
	v, ok := src.(time.Time)
	if !ok {
		return fmt.Errorf("db: cannot scan %T into a time", src)
	}
	*d.p = v
	return nil
}

type nullTimeDest struct{ p **time.Time }

func (d nullTimeDest) Scan(src any) error {
	if src == nil {
		*d.p = nil
		return nil
	}
	v, ok := src.(time.Time)
	if !ok {
		return fmt.Errorf("db: cannot scan %T into a time", src)
	}
	*d.p = &v
	return nil
}

// NullInt64 scans a nullable integer column into p, nil for NULL.
func NullInt64(p **int64) sql.Scanner { return nullInt64Dest{p} }

type nullInt64Dest struct{ p **int64 }

func (d nullInt64Dest) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d.p = nil
	case int64:
		*d.p = &v
	case int32:
		n := int64(v)
		*d.p = &n
	default:
		return fmt.Errorf("db: cannot scan %T into an integer", src)
	}
	return nil
}
