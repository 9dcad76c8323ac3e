package db

import (
	"sync"

	"gorm.io/gorm"
)

// Statements counts the SQL statements a database runs, for tests that
// hold a page to a fixed number of queries (no N+1). It sees every
// statement that goes through gorm — Find, Take, Raw(…).Scan, Raw(…).Rows,
// Exec, Create, Update, Delete — which is why the forum's hand-scanned
// reads use Raw(…).Rows rather than the database/sql pool directly.
type Statements struct {
	mu   sync.Mutex
	list []string
}

// CountStatements starts counting the statements run through d. Call it
// before d is used concurrently: gorm's callbacks are not meant to be
// registered while queries run.
func CountStatements(d *DB) *Statements {
	s := &Statements{}
	record := func(tx *gorm.DB) {
		s.mu.Lock()
		s.list = append(s.list, tx.Statement.SQL.String())
		s.mu.Unlock()
	}
	cb := d.Callback()
	_ = cb.Query().After("gorm:query").Register("entraide:count_query", record)
	_ = cb.Row().After("gorm:row").Register("entraide:count_row", record)
	_ = cb.Raw().After("gorm:raw").Register("entraide:count_raw", record)
	_ = cb.Create().After("gorm:create").Register("entraide:count_create", record)
	_ = cb.Update().After("gorm:update").Register("entraide:count_update", record)
	_ = cb.Delete().After("gorm:delete").Register("entraide:count_delete", record)
	return s
}

// Reset forgets the statements counted so far.
func (s *Statements) Reset() {
	s.mu.Lock()
	s.list = nil
	s.mu.Unlock()
}

// Count is the number of statements since the last Reset.
func (s *Statements) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.list)
}

// List returns the statements since the last Reset, in order, for a failing
// test to show.
func (s *Statements) List() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.list...)
}
