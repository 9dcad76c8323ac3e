package app

import (
	"context"
	"entraide/internal/approval"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/notify"
)

// Invariants are the rules every package keeps on its counters; a package
// that keeps a counter adds its list here.
func Invariants() []db.Invariant {
	return slices.Concat(forum.Invariants(), accounts.Invariants(), notify.Invariants(), ask.Invariants(), approval.Invariants())
}

// ErrCountersBroken is returned by Check when a counter disagrees with the
// rows it counts and was not (or could not be) repaired.
var ErrCountersBroken = errors.New("counters disagree with the rows they count")

// Check verifies every counter against the rows it counts, for `entraide
// check`; with repair it recomputes the wrong ones, saying what it fixed.
func (a *App) Check(ctx context.Context, out io.Writer, repair bool) error {
	found, err := db.Check(ctx, a.DB, Invariants(), repair)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		fmt.Fprintln(out, "every counter agrees with the rows it counts")
		return nil
	}
	left := false
	for _, f := range found {
		switch {
		case !repair:
			fmt.Fprintf(out, "broken: %s (%d rows)\n", f.Name, f.Broken)
			left = true
		case f.Repaired == f.Broken:
			fmt.Fprintf(out, "repaired: %s (%d rows)\n", f.Name, f.Repaired)
		default:
			fmt.Fprintf(out, "still broken: %s (%d of %d rows repaired)\n", f.Name, f.Repaired, f.Broken)
			left = true
		}
	}
	if left {
		if !repair {
			fmt.Fprintln(out, "run `entraide check --repair` to recompute them")
		}
		return ErrCountersBroken
	}
	return nil
}

func checkCommand(ctx context.Context, env Env, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	repair := fs.Bool("repair", false, "recompute the counters found wrong")
	return withApp(ctx, env, log, args, fs, func(a *App, _ []string) error { return a.Check(ctx, env.Stdout, *repair) })
}
