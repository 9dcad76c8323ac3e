package generate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"entraide/internal/db"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// loader writes rows inside one transaction: the whole generation lands or
// nothing does.
type loader interface {
	// insert writes n rows of table; fill sets row i's values in dst, in
	// the order of cols.
	insert(ctx context.Context, table string, cols []string, n int, fill func(i int, dst []any)) error
	// Exec runs a statement written with ? placeholders.
	Exec(ctx context.Context, query string, args ...any) error
}

// inTx runs fn with a loader in one transaction on one connection: COPY on
// PostgreSQL, multi-row INSERTs on SQLite.
func inTx(ctx context.Context, d *db.DB, fn func(loader) error) error {
	conn, err := d.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if d.Dialect == db.Postgres {
		return conn.Raw(func(dc any) error {
			sc, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("generate: unexpected PostgreSQL driver %T", dc)
			}
			return pgx.BeginFunc(ctx, sc.Conn(), func(tx pgx.Tx) error { return fn(pgLoader{tx}) })
		})
	}
	// A large page cache keeps the posts' indexes in memory while rows
	// arrive in time order, each thread's posts far apart.
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -262144"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -2000")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(sqliteLoader{tx}); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

type pgLoader struct{ tx pgx.Tx }

func (l pgLoader) insert(ctx context.Context, table string, cols []string, n int, fill func(int, []any)) error {
	src := &rowSource{n: n, fill: fill, row: make([]any, len(cols)), i: -1}
	_, err := l.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	if err != nil {
		return fmt.Errorf("generate: copy %s: %w", table, err)
	}
	return nil
}

func (l pgLoader) Exec(ctx context.Context, query string, args ...any) error {
	_, err := l.tx.Exec(ctx, numbered(query), args...)
	return err
}

// numbered turns ? placeholders into PostgreSQL's $1, $2…
func numbered(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rowSource feeds COPY one generated row at a time, so a million posts
// never sit in memory together.
type rowSource struct {
	n, i int
	fill func(int, []any)
	row  []any
}

func (s *rowSource) Next() bool {
	s.i++
	return s.i < s.n
}

func (s *rowSource) Values() ([]any, error) {
	s.fill(s.i, s.row)
	return s.row, nil
}

func (s *rowSource) Err() error { return nil }

type sqliteLoader struct{ tx *sql.Tx }

// sqliteBatch rows per INSERT: well under SQLite's limit of 32,766 bound
// values, and large enough that statement overhead vanishes.
const sqliteBatch = 200

func (l sqliteLoader) insert(ctx context.Context, table string, cols []string, n int, fill func(int, []any)) error {
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, sqliteBatch*len(cols))
	row := make([]any, len(cols))
	for start := 0; start < n; start += sqliteBatch {
		rows := min(sqliteBatch, n-start)
		args = args[:0]
		for i := start; i < start+rows; i++ {
			fill(i, row)
			args = append(args, row...)
		}
		q := insertSQL(table, cols, rows)
		var err error
		if rows == sqliteBatch {
			if full == nil {
				if full, err = l.tx.PrepareContext(ctx, q); err != nil {
					return fmt.Errorf("generate: prepare %s: %w", table, err)
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = l.tx.ExecContext(ctx, q, args...)
		}
		if err != nil {
			return fmt.Errorf("generate: insert %s: %w", table, err)
		}
	}
	return nil
}

func (l sqliteLoader) Exec(ctx context.Context, query string, args ...any) error {
	_, err := l.tx.ExecContext(ctx, query, args...)
	return err
}

func insertSQL(table string, cols []string, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}
