package accounts

import (
	"context"
	"fmt"

	"entraide/internal/db"
)

// Writing is what the rules engine needs of its author's row, read when
// the write's lock is taken.
type Writing struct {
	Published int // threads and replies published (the counters)
	Held      int // posts waiting for approval or rejected (held_posts)
}

// LockForWrite makes the transaction ctx carries the only one writing for
// userID until it ends, so that a limit counted in it cannot be passed by a
// concurrent write of the same person, on any instance, and returns the
// row's counters as they are under that lock, in the same statement. On
// PostgreSQL it locks the member's row; SQLite's write transactions
// already run one at a time (they begin IMMEDIATE), on every connection to
// the file.
func (s *Service) LockForWrite(ctx context.Context, userID int64) (Writing, error) {
	lock := ""
	if s.db.Dialect == db.Postgres {
		lock = " FOR UPDATE"
	}
	var w Writing
	if err := s.db.Conn(ctx).Raw("SELECT thread_count + reply_count, held_posts FROM users WHERE id = ?"+lock, userID).
		Row().Scan(&w.Published, &w.Held); err != nil {
		return w, fmt.Errorf("accounts: lock %d: %w", userID, err)
	}
	return w, nil
}
