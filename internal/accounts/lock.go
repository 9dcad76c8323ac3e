package accounts

import (
	"context"
	"database/sql"
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
//
// notified (0: none) is the person the write will notify, whose unread
// counter it moves: their row is locked in the same statement, the two in
// the order of their ids. Taken later, while the write holds its thread's
// and section's rows, that lock could wait on a transaction of the
// notified person's own that waits on those rows (a deadlock, which
// PostgreSQL breaks by failing one of the two).
func (s *Service) LockForWrite(ctx context.Context, userID, notified int64) (Writing, error) {
	lock := ""
	if s.db.Dialect == db.Postgres {
		lock = " FOR UPDATE"
	}
	if notified == 0 {
		notified = userID
	}
	var w Writing
	rows, err := s.db.Conn(ctx).Raw("SELECT id, thread_count + reply_count, held_posts FROM users WHERE id IN (?, ?) ORDER BY id"+lock,
		userID, notified).Rows()
	if err != nil {
		return w, fmt.Errorf("accounts: lock %d: %w", userID, err)
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		var id int64
		var row Writing
		if err := rows.Scan(&id, &row.Published, &row.Held); err != nil {
			return w, fmt.Errorf("accounts: lock %d: %w", userID, err)
		}
		if id == userID {
			w, found = row, true
		}
	}
	if err := rows.Err(); err != nil {
		return w, fmt.Errorf("accounts: lock %d: %w", userID, err)
	}
	if !found {
		return w, fmt.Errorf("accounts: lock %d: %w", userID, sql.ErrNoRows)
	}
	return w, nil
}
