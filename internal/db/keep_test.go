package db_test

import (
	"context"
	"errors"
	"testing"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"
)

// A refusal marked by Keep commits what was written before it, through
// every joined transaction, and reaches the outermost caller.
func TestKeepCommitsAndReturnsTheRefusal(t *testing.T) {
	d := testdb.NewDB(t)
	ctx := context.Background()
	refusal := errors.New("refused by a rule")
	err := d.InTx(ctx, func(ctx context.Context) error {
		return d.InTx(ctx, func(ctx context.Context) error {
			if err := d.Conn(ctx).Exec("INSERT INTO settings (key, value, updated_at) VALUES ('kept', 'yes', CURRENT_TIMESTAMP)").Error; err != nil {
				return err
			}
			return db.Keep(refusal)
		})
	})
	if !errors.Is(err, refusal) {
		t.Fatalf("the refusal did not reach the caller: %v", err)
	}
	var n int64
	d.Raw("SELECT COUNT(*) FROM settings WHERE key = 'kept'").Scan(&n)
	if n != 1 {
		t.Fatal("what was written before the refusal was rolled back")
	}
	// Any other error still rolls the whole back.
	_ = d.InTx(ctx, func(ctx context.Context) error {
		d.Conn(ctx).Exec("INSERT INTO settings (key, value, updated_at) VALUES ('lost', 'yes', CURRENT_TIMESTAMP)")
		return errors.New("boom")
	})
	d.Raw("SELECT COUNT(*) FROM settings WHERE key = 'lost'").Scan(&n)
	if n != 0 {
		t.Fatal("a failed transaction kept its writes")
	}
}
