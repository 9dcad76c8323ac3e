// Package modlog keeps the moderation log: every moderator's action and
// every automatic one (a rule that stopped a post, an auto-hide), with who,
// what, on what, when and why. It is append-only: this package has no
// update or delete, and the database's triggers refuse them (migration
// 0010). Features record their actions inside their own write's transaction
// (carried by the context), so a line exists exactly when its action does.
package modlog

import (
	"context"
	"fmt"
	"time"

	"entraide/internal/db"
)

// Action names what was done; its text on /mod/log is the catalog entry
// "modlog.action.<action>". Features declare their own actions.
type Action string

// Entry is one line to record. Zero ids mean "none".
type Entry struct {
	ActorID  int64 // the moderator; 0 when the forum acted by itself
	Action   Action
	UserID   int64 // the person acted upon or concerned
	ThreadID int64
	PostID   int64
	Reason   string // as the moderator wrote it, or the rule's name
	Detail   string // what reading the line later needs (an old title…)
}

// Line is a recorded entry with the names of the people in it.
type Line struct {
	ID        int64
	ActorID   *int64
	Action    Action
	UserID    *int64
	ThreadID  *int64
	PostID    *int64
	Reason    string
	Detail    string
	CreatedAt time.Time
	ActorName string `gorm:"->;-:migration"`
	UserName  string `gorm:"->;-:migration"`
	// ThreadTitle is the thread's current title, empty if it has none.
	ThreadTitle string `gorm:"->;-:migration"`
}

// Automatic reports whether the forum acted by itself.
func (l *Line) Automatic() bool { return l.ActorID == nil }

// Filter narrows the log; zero fields do not filter.
type Filter struct {
	ActorID int64
	UserID  int64
	Action  Action
}

// PerPage is the number of lines on a page of /mod/log.
const PerPage = 50

// Log records and lists moderation lines.
type Log struct {
	db  *db.DB
	now func() time.Time
}

// New returns the log on d.
func New(d *db.DB) *Log {
	return &Log{db: d, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock, for tests and the data generator.
func (l *Log) SetClock(now func() time.Time) { l.now = now }

// Record appends e, inside the transaction ctx carries if any.
func (l *Log) Record(ctx context.Context, e Entry) error {
	if e.Action == "" {
		return fmt.Errorf("modlog: record: no action")
	}
	err := l.db.Conn(ctx).Exec(`INSERT INTO mod_log (actor_id, action, user_id, thread_id, post_id, reason, detail, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(e.ActorID), string(e.Action), nullID(e.UserID), nullID(e.ThreadID), nullID(e.PostID), e.Reason, e.Detail, l.now()).Error
	if err != nil {
		return fmt.Errorf("modlog: record %s: %w", e.Action, err)
	}
	return nil
}

// List returns page (from 1) of the lines f selects, newest first, and
// whether another page follows.
func (l *Log) List(ctx context.Context, f Filter, page int) ([]Line, bool, error) {
	if page < 1 {
		page = 1
	}
	where, args := "1 = 1", []any{}
	if f.ActorID != 0 {
		where, args = where+" AND m.actor_id = ?", append(args, f.ActorID)
	}
	if f.UserID != 0 {
		where, args = where+" AND m.user_id = ?", append(args, f.UserID)
	}
	if f.Action != "" {
		where, args = where+" AND m.action = ?", append(args, string(f.Action))
	}
	args = append(args, PerPage+1, (page-1)*PerPage)
	var lines []Line
	err := l.db.Conn(ctx).Raw(`SELECT m.id, m.actor_id, m.action, m.user_id, m.thread_id, m.post_id, m.reason, m.detail, m.created_at,
			COALESCE(NULLIF(a.display_name, ''), a.username, '') AS actor_name,
			COALESCE(NULLIF(u.display_name, ''), u.username, '') AS user_name,
			COALESCE(t.title, '') AS thread_title
		FROM mod_log m
		LEFT JOIN users a ON a.id = m.actor_id
		LEFT JOIN users u ON u.id = m.user_id
		LEFT JOIN threads t ON t.id = m.thread_id
		WHERE `+where+` ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`, args...).Scan(&lines).Error
	if err != nil {
		return nil, false, fmt.Errorf("modlog: list: %w", err)
	}
	more := len(lines) > PerPage
	if more {
		lines = lines[:PerPage]
	}
	return lines, more, nil
}

// Count returns how many lines f selects.
func (l *Log) Count(ctx context.Context, f Filter) (int64, error) {
	q := l.db.Conn(ctx).Table("mod_log")
	if f.ActorID != 0 {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.UserID != 0 {
		q = q.Where("user_id = ?", f.UserID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", string(f.Action))
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("modlog: count: %w", err)
	}
	return n, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
