package app

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"entraide/internal/config"
	"entraide/internal/errs"

	"golang.org/x/term"
)

// Env is what a command runs with: its arguments, streams and environment.
type Env struct {
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

const usage = `Usage: entraide [command] [flags]

Commands:
  serve                      run the forum (the default)
  migrate                    apply database migrations and exit
  admin create --username U --email E
                             create an admin account (password asked, or read from stdin)
  demo                       load the demo content into an empty forum
  reindex [--similar]        rebuild the search index from the posts (or only the similar-threads index)
  check [--repair]           verify every counter against the rows it counts;
                             with --repair, recompute the wrong ones
  generate [--users N --threads N --posts N --force]
                             fill an empty database with a generated forum, for load tests

Configuration comes from the environment (ENTRAIDE_ADDR, ENTRAIDE_DATA_DIR,
DATABASE_URL, ENTRAIDE_SESSION_SECRET, ENTRAIDE_LOCALE, ENTRAIDE_BASE_URL,
ENTRAIDE_TRUSTED_PROXIES) or the matching flags: entraide serve -h.
`

// Run executes the command named in env.Args and returns the process exit
// code.
func Run(ctx context.Context, env Env) int {
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	cmd, args := "serve", env.Args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = withApp(ctx, env, log, args, nil, func(a *App, _ []string) error { return a.Serve(ctx) })
	case "migrate":
		err = withApp(ctx, env, log, args, nil, func(a *App, _ []string) error {
			fmt.Fprintln(env.Stdout, "migrations applied")
			return nil
		})
	case "admin":
		err = adminCommand(ctx, env, log, args)
	case "reindex":
		fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		similarOnly := fs.Bool("similar", false, "rebuild only the similar-threads index")
		err = withApp(ctx, env, log, args, fs, func(a *App, _ []string) error {
			if *similarOnly {
				return a.Index.RebuildSimilar(ctx, env.Stdout)
			}
			return a.Reindex(ctx, env.Stdout)
		})
	case "demo":
		err = withApp(ctx, env, log, args, nil, func(a *App, _ []string) error { return a.LoadDemo(ctx, env.Stdout) })
	case "check":
		err = checkCommand(ctx, env, log, args)
	case "generate":
		err = generateCommand(ctx, env, log, args)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(env.Stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "entraide:", err)
		return 1
	}
	return 0
}

// withApp loads the configuration from args (after the command's own flags,
// declared by extra) and opens the application around fn.
func withApp(ctx context.Context, env Env, log *slog.Logger, args []string, extra *flag.FlagSet, fn func(*App, []string) error) error {
	rest := args
	if extra != nil {
		if err := extra.Parse(args); err != nil {
			return err
		}
		rest = extra.Args()
	}
	cfg, err := config.Load(rest, env.Getenv)
	if err != nil {
		return err
	}
	a, err := Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(a, rest)
}

func adminCommand(ctx context.Context, env Env, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: entraide admin create --username U --email E")
	}
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	username := fs.String("username", "", "the admin's username")
	email := fs.String("email", "", "the admin's email")
	return withApp(ctx, env, log, args[1:], fs, func(a *App, _ []string) error {
		if *username == "" || *email == "" {
			return errors.New("--username and --email are required")
		}
		password, err := readPassword(env)
		if err != nil {
			return err
		}
		u, err := a.Accounts.CreateAdmin(ctx, *username, *email, password)
		if bad, ok := errs.AsInvalid(err); ok {
			tr := a.I18n.For(a.Config.Locale)
			var lines []string
			for field, key := range bad {
				lines = append(lines, field+": "+tr.T(key))
			}
			return errors.New(strings.Join(lines, "; "))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "admin %s created (id %d)\n", u.Username, u.ID)
		return nil
	})
}

// readPassword reads one line: typed at a prompt, or piped on stdin.
func readPassword(env Env) (string, error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.Stderr, "Password: ")
		typed, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		return string(typed), err
	}
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", errors.New("no password given on stdin")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
