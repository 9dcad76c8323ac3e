package db

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Invariant is a rule a package keeps on its counters: the rows breaking
// it, and the statement that recomputes them. Each domain package lists
// its own (forum.Invariants); the check command, the generator and the
// packages' tests run them all.
type Invariant struct {
	Name string
	// Broken selects the ids of the rows breaking the rule.
	Broken string
	// Repair recomputes the counters of the rows whose ids the subquery
	// written where it says %s selects; empty when no statement can.
	Repair string
}

// Finding is what checking one invariant found, and what repairing it did.
type Finding struct {
	Name     string
	Broken   int64 // rows breaking it when checked
	Repaired int64 // rows it no longer breaks after the repair
}

// Check counts the rows breaking each invariant and, with repair, mends
// them, each in a transaction of its own, then counts again. It returns
// the invariants found broken only.
func Check(ctx context.Context, d *DB, invariants []Invariant, repair bool) ([]Finding, error) {
	var found []Finding
	for _, inv := range invariants {
		n, err := countBroken(ctx, d, inv)
		if err != nil {
			return found, err
		}
		if n == 0 {
			continue
		}
		f := Finding{Name: inv.Name, Broken: n}
		if repair && inv.Repair != "" {
			err := d.WithTx(ctx, func(tx *gorm.DB) error { return tx.Exec(fmt.Sprintf(inv.Repair, inv.Broken)).Error })
			if err != nil {
				return found, fmt.Errorf("db: repair %q: %w", inv.Name, err)
			}
			left, err := countBroken(ctx, d, inv)
			if err != nil {
				return found, err
			}
			f.Repaired = n - left
		}
		found = append(found, f)
	}
	return found, nil
}

func countBroken(ctx context.Context, d *DB, inv Invariant) (int64, error) {
	var n int64
	if err := d.WithContext(ctx).Raw("SELECT COUNT(*) FROM (" + inv.Broken + ") broken").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("db: check %q: %w", inv.Name, err)
	}
	return n, nil
}

// Execer runs one statement written with ? placeholders. A bulk loader
// hands its transaction to the packages' recounts through it, so rows and
// counters land together.
type Execer interface {
	Exec(ctx context.Context, query string, args ...any) error
}

// Recount mends, inside ex's transaction, the rows breaking each
// invariant, in order: a bulk load writes rows without their counters and
// lets the packages that own the counters compute them with the statements
// `entraide check --repair` uses. Invariants without a repair are skipped.
func Recount(ctx context.Context, ex Execer, invariants []Invariant) error {
	for _, inv := range invariants {
		if inv.Repair == "" {
			continue
		}
		if err := ex.Exec(ctx, fmt.Sprintf(inv.Repair, inv.Broken)); err != nil {
			return fmt.Errorf("db: recount %q: %w", inv.Name, err)
		}
	}
	return nil
}
