package accounts

import (
	"context"
	"fmt"

	"entraide/internal/db"
)

// LockForWrite makes the transaction ctx carries the only one writing for
// userID until it ends, so that a limit counted in it cannot be passed by a
// concurrent write of the same person, on any instance. On PostgreSQL it
// locks the member's row; SQLite's write transactions already run one at a
// time (they begin IMMEDIATE), on every connection to the file.
func (s *Service) LockForWrite(ctx context.Context, userID int64) error {
	if s.db.Dialect != db.Postgres {
		return nil
	}
	var id int64
	if err := s.db.Conn(ctx).Raw("SELECT id FROM users WHERE id = ? FOR UPDATE", userID).Row().Scan(&id); err != nil {
		return fmt.Errorf("accounts: lock %d: %w", userID, err)
	}
	return nil
}

// PostCount returns how many threads and replies userID has published (the
// counters on their row), in the transaction ctx carries.
func (s *Service) PostCount(ctx context.Context, userID int64) (int, error) {
	var n int
	if err := s.db.Conn(ctx).Raw("SELECT thread_count + reply_count FROM users WHERE id = ?", userID).Row().Scan(&n); err != nil {
		return 0, fmt.Errorf("accounts: post count %d: %w", userID, err)
	}
	return n, nil
}
