package forum

import (
	"context"
	"database/sql"

	"entraide/internal/db"
)

// The pages everyone reads are scanned by hand: gorm's reflection per row
// cost more than the query itself on a page of thirty threads. The reads
// still go through gorm (Raw(…).Rows), so that its callbacks — the tests'
// statement counter — see them. The column lists and scan destinations are
// derived from the models once (db.RowMap): a new field needs its column in
// the migrations and nothing here.
var (
	threadRow  = db.NewRowMap[Thread]()
	sectionRow = db.NewRowMap[Section]()
	postRow    = db.NewRowMap[Post]()
	// An author's id is the row's author_id; the other fields come from users.
	authorRow = db.NewRowMap[Author]("ID")
)

func (t *Thread) fields() []any  { return threadRow.Fields(t) }
func (s *Section) fields() []any { return sectionRow.Fields(s) }
func (p *Post) fields() []any    { return postRow.Fields(p) }
func (a *Author) fields() []any  { return authorRow.Fields(a) }

// query runs a read and hands each row to scan.
func (s *Service) query(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.db.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
