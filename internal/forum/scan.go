package forum

import (
	"context"
	"database/sql"
	"strings"

	"entraide/internal/db"
)

// The pages everyone reads are scanned by hand: gorm's reflection per row
// cost more than the query itself on a page of thirty threads. The reads
// still go through gorm (Raw(…).Rows), so that its callbacks — the tests'
// statement counter — see them. Each column list below is its model's
// fields in order; TestScannedColumnsAreTheModels keeps them in step when a
// field is added. The db package's scan destinations read ints, booleans,
// roles and times without database/sql's reflection.

const (
	threadColumns  = "id, section_id, author_id, title, slug, pinned, locked, post_seq, reply_count, last_post_at, last_author_id, deleted_at, created_at, updated_at, solution_post_id"
	sectionColumns = "id, slug, name, description, position, is_newcomers, archived, read_role, thread_count, post_count, last_post_at, created_at, updated_at"
	postColumns    = "id, thread_id, author_id, position, body, body_html, edit_count, edited_at, deleted_at, created_at, updated_at, thank_count"
	authorColumns  = "username, display_name, role, thanks_received"
)

// columns prefixes each column of list with alias.
func columns(alias, list string) string {
	return alias + "." + strings.ReplaceAll(list, ", ", ", "+alias+".")
}

func (t *Thread) fields() []any {
	return []any{&t.ID, &t.SectionID, &t.AuthorID, &t.Title, &t.Slug, db.Bool(&t.Pinned), db.Bool(&t.Locked),
		db.Int(&t.PostSeq), db.Int(&t.ReplyCount), db.Time(&t.LastPostAt), &t.LastAuthorID, db.NullTime(&t.DeletedAt),
		db.Time(&t.CreatedAt), db.Time(&t.UpdatedAt), &t.SolutionPostID}
}

func (s *Section) fields() []any {
	return []any{&s.ID, &s.Slug, &s.Name, &s.Description, db.Int(&s.Position), db.Bool(&s.IsNewcomers), db.Bool(&s.Archived),
		db.Text(&s.ReadRole), db.Int(&s.ThreadCount), db.Int(&s.PostCount), db.NullTime(&s.LastPostAt),
		db.Time(&s.CreatedAt), db.Time(&s.UpdatedAt)}
}

func (p *Post) fields() []any {
	return []any{&p.ID, &p.ThreadID, &p.AuthorID, db.Int(&p.Position), &p.Body, &p.BodyHTML, db.Int(&p.EditCount),
		db.NullTime(&p.EditedAt), db.NullTime(&p.DeletedAt), db.Time(&p.CreatedAt), db.Time(&p.UpdatedAt), db.Int(&p.ThankCount)}
}

// fields are an author's columns but the id, which the row already holds.
func (a *Author) fields() []any {
	return []any{&a.Username, &a.DisplayName, db.Text(&a.Role), db.Int(&a.ThanksReceived)}
}

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
