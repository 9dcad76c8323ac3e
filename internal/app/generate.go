package app

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"entraide/internal/generate"
)

// generateCommand fills the database with a generated forum for benchmarks
// and load tests (internal/generate), then rebuilds the search index, which
// the bulk load bypasses.
func generateCommand(ctx context.Context, env Env, log *slog.Logger, args []string) error {
	o := generate.Defaults()
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.IntVar(&o.Users, "users", o.Users, "members to create")
	fs.IntVar(&o.Threads, "threads", o.Threads, "threads to open")
	fs.IntVar(&o.Posts, "posts", o.Posts, "posts to write, the threads' first posts included")
	fs.IntVar(&o.LongThreads, "long-threads", o.LongThreads, "threads with --long-replies replies each")
	fs.IntVar(&o.LongReplies, "long-replies", o.LongReplies, "replies of each long thread")
	fs.Uint64Var(&o.Seed, "seed", o.Seed, "random seed: the same seed gives the same forum")
	fs.BoolVar(&o.Force, "force", false, "add generated data to a database that already has members")
	return withApp(ctx, env, log, args, fs, func(a *App, _ []string) error {
		o.Progress = env.Stdout
		res, err := generate.Run(ctx, a.DB, a.Markup, o)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "generated %d members, %d threads, %d posts and %d revisions in %s\n",
			res.Users, res.Threads, res.Posts, res.Revisions, res.Took.Round(time.Second))
		start := time.Now()
		if err := a.Reindex(ctx, env.Stdout); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "search index rebuilt in %s\n", time.Since(start).Round(time.Second))
		// One argon2 hash is shared by every generated account: hashing
		// 20,000 passwords would take ten minutes and test nothing.
		fmt.Fprintf(env.Stdout, "every generated member's password is %q; e.g. admin %s, member %s", generate.Password, res.Admin, res.Member)
		if res.LongThread != 0 {
			fmt.Fprintf(env.Stdout, "; a long thread: /t/%d", res.LongThread)
		}
		fmt.Fprintln(env.Stdout)
		return nil
	})
}
