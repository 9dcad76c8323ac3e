// Package db opens Entraide's database — SQLite embedded by default,
// PostgreSQL in production — runs the embedded migrations, and offers the
// transaction helper every domain package uses.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database in use.
type Dialect string

// The two databases Entraide runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database with its dialect.
type DB struct {
	*gorm.DB
	Dialect Dialect
	// writer, on SQLite, lets one write transaction run at a time in this
	// process (see WithTx); nil on PostgreSQL.
	writer chan struct{}
}

// Options says which database to open.
type Options struct {
	// PostgresURL, when set, selects PostgreSQL.
	PostgresURL string
	// SQLitePath is the database file used when PostgresURL is empty.
	SQLitePath string
	// MaxOpenConns bounds the pool (0: a default suited to the dialect).
	MaxOpenConns int
}

// SQLiteFile is the database file inside a data folder.
func SQLiteFile(dataDir string) string { return filepath.Join(dataDir, "entraide.db") }

// Open connects to the database. It does not migrate.
func Open(opts Options) (*DB, error) {
	cfg := &gorm.Config{
		// Services open their own transactions; gorm's implicit one per write
		// would only add a round trip.
		SkipDefaultTransaction: true,
		TranslateError:         true,
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
	if opts.PostgresURL != "" {
		g, err := gorm.Open(postgres.Open(opts.PostgresURL), cfg)
		if err != nil {
			return nil, fmt.Errorf("db: open postgres: %w", err)
		}
		return configure(&DB{DB: g, Dialect: Postgres}, orInt(opts.MaxOpenConns, 20))
	}
	if dir := filepath.Dir(opts.SQLitePath); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("db: create data folder: %w", err)
		}
	}
	g, err := gorm.Open(sqlite.Open(sqliteDSN(opts.SQLitePath)), cfg)
	if err != nil {
		return nil, fmt.Errorf("db: open sqlite: %w", err)
	}
	return configure(&DB{DB: g, Dialect: SQLite, writer: make(chan struct{}, 1)}, orInt(opts.MaxOpenConns, 8))
}

// sqliteDSN asks for WAL (readers never wait for the writer), a generous busy
// timeout, and IMMEDIATE transactions: a write transaction takes the write
// lock when it begins, so two writers queue on the busy timeout instead of
// failing with "database is locked" when one upgrades its read lock.
func sqliteDSN(path string) string {
	return "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(15000)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

func configure(d *DB, maxOpen int) (*DB, error) {
	sqlDB, err := d.DB.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(maxOpen)
	sqlDB.SetMaxIdleConns(maxOpen)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return d, nil
}

// SQL returns the underlying database/sql pool.
func (d *DB) SQL() *sql.DB {
	sqlDB, _ := d.DB.DB()
	return sqlDB
}

// Ping reports whether the database answers, for /readyz.
func (d *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return d.SQL().PingContext(ctx)
}

// Close closes the pool.
func (d *DB) Close() error { return d.SQL().Close() }

// WithTx runs fn in a transaction bound to ctx: committed when fn returns nil,
// rolled back otherwise. When ctx already carries a transaction (InTx,
// or a WithTx further up), fn joins it instead: the outermost caller commits
// or rolls back the whole, so a write that spans packages is all or nothing.
// The tx given to fn carries itself in its context (TxContext), for calls
// into other packages.
//
// SQLite has one writer at a time. Left to SQLite, waiting writers sleep in
// its busy handler — 1, 2, 5… then 100 ms between tries — and the lock can
// sit free while they all sleep; here they queue in Go instead and the next
// one starts the moment the last commits. A writer whose request is
// abandoned leaves the queue, and none waits longer than SQLite's own busy
// timeout would have let it. (Other processes sharing the file still meet
// the busy timeout, as before.)
func (d *DB) WithTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if open, ok := ctx.Value(txKey{}).(*openTx); ok {
		return fn(open.tx)
	}
	if d.writer != nil {
		wait := time.NewTimer(sqliteBusyTimeout)
		defer wait.Stop()
		select {
		case d.writer <- struct{}{}:
			defer func() { <-d.writer }()
		case <-ctx.Done():
			return ctx.Err()
		case <-wait.C:
			return errWriterBusy
		}
	}
	for attempt := 1; ; attempt++ {
		err := d.transact(ctx, fn)
		if attempt < maxAttempts && ctx.Err() == nil && (IsCode(err, Deadlock) || IsCode(err, SerializationFailure)) {
			continue // rolled back whole: nothing of the first try remains
		}
		return err
	}
}

// maxAttempts bounds how often a transaction PostgreSQL aborted to break a
// deadlock is run again. Writes that lock the same rows in different
// orders (two members thanking each other's posts at once) can meet in a
// cycle; the victim's rerun finds the other committed and goes through.
const maxAttempts = 3

// transact runs fn once in a new transaction that carries itself in its
// context.
func (d *DB) transact(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var after error // a refusal marked by Keep, returned once committed
	err := d.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		open := &openTx{}
		open.tx = tx.WithContext(context.WithValue(ctx, txKey{}, open))
		var err error
		err, after = kept(fn(open.tx))
		return err
	})
	if err != nil {
		return err
	}
	return after
}

// InTx runs fn in a transaction that the context given to fn carries: every
// package's writes made with that context (through WithTx or Conn) join it.
// Use it where one action writes through several domain packages.
func (d *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return d.WithTx(ctx, func(tx *gorm.DB) error { return fn(TxContext(tx)) })
}

// Conn returns the transaction ctx carries, or the pool bound to ctx: reads
// made inside a write see what the write has done so far.
func (d *DB) Conn(ctx context.Context) *gorm.DB {
	if open, ok := ctx.Value(txKey{}).(*openTx); ok {
		return open.tx
	}
	return d.DB.WithContext(ctx)
}

// TxContext is the context a WithTx transaction carries itself in, to hand
// to another package's methods so that they join it.
func TxContext(tx *gorm.DB) context.Context { return tx.Statement.Context }

type txKey struct{}

// openTx is the transaction a context carries, bound to that same context,
// so that a package joining it hands the carrying context on in turn.
type openTx struct{ tx *gorm.DB }

// sqliteBusyTimeout is the busy_timeout of sqliteDSN.
const sqliteBusyTimeout = 15 * time.Second

var errWriterBusy = errors.New("db: the database stayed busy with another write for 15 s")

func orInt(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
