package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"entraide/internal/db"
	"entraide/internal/testkit/testdb"

	"gorm.io/gorm"
)

// TestConcurrentWritesAllCommit runs 32 writers at once: on SQLite they
// queue for the one write lock, on PostgreSQL for the row's; none fails and
// no increment is lost.
func TestConcurrentWritesAllCommit(t *testing.T) {
	d := testdb.NewDB(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 32*5)
	for range 32 {
		wg.Go(func() {
			for range 5 {
				errs <- d.WithTx(ctx, func(tx *gorm.DB) error {
					return tx.Exec("UPDATE sections SET post_count = post_count + 1 WHERE slug = 'entre-nous'").Error
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var n int
	d.Raw("SELECT post_count FROM sections WHERE slug = 'entre-nous'").Scan(&n)
	if n != 160 {
		t.Fatalf("post_count %d after 160 increments", n)
	}
}

func TestAbandonedWriterLeavesTheQueue(t *testing.T) {
	d := testdb.NewDB(t)
	if d.Dialect != db.SQLite {
		t.Skip("PostgreSQL writers queue on row locks, not in the process")
	}
	held, release := make(chan struct{}), make(chan struct{})
	go d.WithTx(context.Background(), func(tx *gorm.DB) error {
		close(held)
		<-release
		return nil
	})
	<-held
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := d.WithTx(ctx, func(tx *gorm.DB) error { return nil })
	close(release)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a writer whose request ended got %v", err)
	}
	if err := d.WithTx(context.Background(), func(tx *gorm.DB) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

// TestInTxJoinsAndRollsBackWhole: a write made through WithTx inside InTx
// joins the outer transaction (on SQLite it would otherwise wait for the
// writer forever), and a failure after it undoes both parts.
func TestInTxJoinsAndRollsBackWhole(t *testing.T) {
	d := testdb.NewDB(t)
	failure := errors.New("second part failed")
	err := d.InTx(context.Background(), func(ctx context.Context) error {
		if err := d.WithTx(ctx, func(tx *gorm.DB) error {
			if err := tx.Exec("UPDATE sections SET post_count = 7 WHERE slug = 'entre-nous'").Error; err != nil {
				return err
			}
			// A package called with the joined tx's context joins too.
			return d.WithTx(db.TxContext(tx), func(tx *gorm.DB) error {
				return tx.Exec("UPDATE sections SET thread_count = 3 WHERE slug = 'entre-nous'").Error
			})
		}); err != nil {
			return err
		}
		var seen int
		d.Conn(ctx).Raw("SELECT post_count FROM sections WHERE slug = 'entre-nous'").Scan(&seen)
		if seen != 7 {
			t.Errorf("inside the transaction post_count is %d, want 7", seen)
		}
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("InTx returned %v, want the second part's error", err)
	}
	var n int
	d.Raw("SELECT post_count FROM sections WHERE slug = 'entre-nous'").Scan(&n)
	if n != 0 {
		t.Fatalf("post_count %d after a rolled-back transaction, want 0", n)
	}
}

// TestDeadlockedWriteRunsAgain: two transactions lock two rows in opposite
// orders; PostgreSQL aborts one to break the cycle, and WithTx runs it
// again, so both commit and no increment is lost.
func TestDeadlockedWriteRunsAgain(t *testing.T) {
	d := testdb.NewDB(t)
	if d.Dialect != db.Postgres {
		t.Skip("SQLite has one writer at a time: no cycle of row locks can form")
	}
	ctx := context.Background()
	if err := d.Exec("CREATE TABLE pair (id INT PRIMARY KEY, n INT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	d.Exec("INSERT INTO pair VALUES (1, 0), (2, 0)")
	var bothHold sync.WaitGroup
	bothHold.Add(2)
	var tries [2]int
	write := func(i int, first, second int) error {
		var once sync.Once
		return d.WithTx(ctx, func(tx *gorm.DB) error {
			tries[i]++
			if err := tx.Exec("UPDATE pair SET n = n + 1 WHERE id = ?", first).Error; err != nil {
				return err
			}
			once.Do(func() { bothHold.Done(); bothHold.Wait() }) // the first try waits for the other's lock
			return tx.Exec("UPDATE pair SET n = n + 1 WHERE id = ?", second).Error
		})
	}
	errs := make(chan error, 2)
	go func() { errs <- write(0, 1, 2) }()
	go func() { errs <- write(1, 2, 1) }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("a deadlocked write failed: %v", err)
		}
	}
	var sum int
	d.Raw("SELECT SUM(n) FROM pair").Scan(&sum)
	if sum != 4 || tries[0]+tries[1] != 3 {
		t.Fatalf("sum %d after 4 increments, %v tries (want one rerun)", sum, tries)
	}
}
