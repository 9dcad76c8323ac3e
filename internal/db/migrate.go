package db

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"

	"entraide/migrations"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Migrate applies every embedded migration not yet applied. On PostgreSQL a
// session lock lets many instances start at once without racing.
func (d *DB) Migrate(ctx context.Context, log *slog.Logger) error {
	p, err := d.migrator()
	if err != nil {
		return err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	for _, r := range results {
		log.Info("migration applied", "version", r.Source.Version, "file", r.Source.Path, "duration", r.Duration)
	}
	return nil
}

// MigrationStatus lists the migrations and whether each is applied.
func (d *DB) MigrationStatus(ctx context.Context) ([]*goose.MigrationStatus, error) {
	p, err := d.migrator()
	if err != nil {
		return nil, err
	}
	return p.Status(ctx)
}

func (d *DB) migrator() (*goose.Provider, error) {
	folder, dialect := "sqlite", goose.DialectSQLite3
	// Features built side by side took numbers of their own (0006–0009,
	// 0026, 0036), so a database may have applied a higher one before a
	// lower one landed; they do not depend on each other's order.
	opts := []goose.ProviderOption{goose.WithAllowOutofOrder(true)}
	if d.Dialect == Postgres {
		folder, dialect = "postgres", goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	sub, err := fs.Sub(migrations.FS, folder)
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(dialect, d.SQL(), sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("db: migrations: %w", err)
	}
	return p, nil
}
