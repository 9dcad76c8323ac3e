// Command perftool prepares and checks the load runs of scripts/loadtest.sh
// on a generated database. It is a measuring tool, not part of the forum's
// binary. The database is chosen as the forum chooses it: DATABASE_URL, else
// the SQLite file in ENTRAIDE_DATA_DIR.
//
//	perftool paths KIND [N]     addresses for wrk to request, one a line:
//	                            thread (20+ replies), thread-long-first,
//	                            thread-long-last, section, section-deep
//	                            (page 500), home, ceiling (/t/{id} of the
//	                            thread list)
//	perftool threads N          ids of threads to reply to
//	perftool login URL N        log N members in; prints "cookie<TAB>csrf"
//	perftool count              the number of posts
//	perftool members            the number of members
//	perftool verify             check every counter against the rows
//	perftool serve PPROF_ADDR   the forum as `entraide serve` runs it, with
//	                            net/http/pprof on PPROF_ADDR for profiling
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	_ "net/http/pprof"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"entraide/internal/app"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/generate"
	"entraide/internal/rules"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "perftool:", err)
		os.Exit(1)
	}
}

func open() (*db.DB, error) {
	dir := os.Getenv("ENTRAIDE_DATA_DIR")
	if dir == "" {
		dir = "./data"
	}
	return db.Open(db.Options{PostgresURL: os.Getenv("DATABASE_URL"), SQLitePath: db.SQLiteFile(dir), MaxOpenConns: 2})
}

func arg(args []string, i int, def int) int {
	if len(args) > i {
		if n, err := strconv.Atoi(args[i]); err == nil {
			return n
		}
	}
	return def
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: perftool paths|threads|login|count|verify|raise-limits …")
	}
	if args[0] == "serve" {
		if len(args) < 2 {
			return errors.New("usage: perftool serve PPROF_ADDR")
		}
		return serve(ctx, args[1])
	}
	d, err := open()
	if err != nil {
		return err
	}
	defer d.Close()
	switch args[0] {
	case "paths":
		if len(args) < 2 {
			return errors.New("usage: perftool paths KIND [N]")
		}
		return paths(ctx, d, args[1], arg(args, 2, 1000))
	case "threads":
		var ids []int64
		err := d.WithContext(ctx).Raw("SELECT id FROM threads WHERE deleted_at IS NULL AND NOT locked AND NOT closed AND post_seq >= 21 ORDER BY id LIMIT ?", arg(args, 1, 1000)).Scan(&ids).Error
		for _, id := range ids {
			fmt.Println(id)
		}
		return err
	case "login":
		if len(args) < 2 {
			return errors.New("usage: perftool login URL [N]")
		}
		return login(ctx, d, args[1], arg(args, 2, 32))
	case "count", "members":
		table := map[string]string{"count": "posts", "members": "users"}[args[0]]
		var n int64
		if err := d.WithContext(ctx).Raw("SELECT COUNT(*) FROM " + table).Scan(&n).Error; err != nil {
			return err
		}
		fmt.Println(n)
		return nil
	case "raise-limits":
		// The write run is 32 members replying as fast as they can: far
		// past the per-hour limits a person meets. The checks still run
		// (their cost is measured), only their thresholds are raised.
		book := rules.New(d, rules.Catalog)
		for name, v := range map[string]string{rules.RepliesPerHourMember: "1000", rules.RepliesPerHourNewcomer: "1000",
			rules.ThreadsPerDayMember: "1000", rules.ThreadsPerDayNewcomer: "1000", rules.SameText: "0"} {
			if err := book.Set(ctx, name, v); err != nil {
				return err
			}
		}
		return nil
	case "verify":
		found, err := db.Check(ctx, d, app.Invariants(), false)
		if err != nil {
			return err
		}
		for _, f := range found {
			fmt.Printf("broken: %s (%d rows)\n", f.Name, f.Broken)
		}
		if len(found) > 0 {
			return app.ErrCountersBroken
		}
		fmt.Println("every counter agrees with the rows")
		return nil
	}
	return fmt.Errorf("unknown command %q", args[0])
}

type threadRow struct {
	ID      int64
	Slug    string
	PostSeq int
}

func paths(ctx context.Context, d *db.DB, kind string, n int) error {
	q := d.WithContext(ctx)
	var threads []threadRow
	var out []string
	switch kind {
	case "home":
		out = []string{"/"}
	case "thread", "ceiling":
		// The same threads for both, by id order: a spread over the years.
		err := q.Raw(`SELECT id, slug, post_seq FROM threads WHERE deleted_at IS NULL AND post_seq BETWEEN 21 AND 1000
			ORDER BY (id * 7919) % 100003 LIMIT ?`, n).Scan(&threads).Error
		if err != nil {
			return err
		}
		for _, t := range threads {
			if kind == "ceiling" {
				out = append(out, "/t/"+strconv.FormatInt(t.ID, 10))
			} else {
				out = append(out, "/t/"+strconv.FormatInt(t.ID, 10)+"/"+t.Slug)
			}
		}
	case "thread-long-first", "thread-long-last":
		if err := q.Raw("SELECT id, slug, post_seq FROM threads WHERE deleted_at IS NULL AND post_seq > 1000 ORDER BY id").Scan(&threads).Error; err != nil {
			return err
		}
		for _, t := range threads {
			p := "/t/" + strconv.FormatInt(t.ID, 10) + "/" + t.Slug
			if last := (&forum.Thread{PostSeq: t.PostSeq}).Pages(); kind == "thread-long-last" && last > 1 {
				p += "?page=" + strconv.Itoa(last)
			}
			out = append(out, p)
		}
	case "section", "section-deep":
		var sections []forum.Section
		if err := q.Where("NOT archived AND read_role = 'visitor'").Order("position").Find(&sections).Error; err != nil {
			return err
		}
		for _, s := range sections {
			if kind == "section" {
				out = append(out, "/s/"+s.Slug)
				continue
			}
			// Page 500 starts after the 14,970th thread of the list.
			var rows []forum.Thread
			err := q.Raw(`SELECT id, last_post_at FROM threads WHERE section_id = ? AND NOT pinned AND deleted_at IS NULL
				ORDER BY last_post_at DESC, id DESC LIMIT 1 OFFSET ?`, s.ID, 499*forum.ThreadsPerPage-1).Scan(&rows).Error
			if err != nil {
				return err
			}
			if len(rows) == 1 {
				cur := forum.Cursor{At: rows[0].LastPostAt, ID: rows[0].ID}
				out = append(out, "/s/"+s.Slug+"?after="+cur.String())
			}
		}
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	if len(out) == 0 {
		return fmt.Errorf("no address of kind %q in this database", kind)
	}
	for _, p := range out {
		fmt.Println(p)
	}
	return nil
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login logs n generated members in through the log-in form, as a browser
// would, and prints the session cookie and CSRF token of each, taken after
// the first page so that no flash is pending.
func login(ctx context.Context, d *db.DB, base string, n int) error {
	var names []string
	if err := d.WithContext(ctx).Raw("SELECT username FROM users WHERE role = 'member' ORDER BY id LIMIT ?", n).Scan(&names).Error; err != nil {
		return err
	}
	if len(names) < n {
		return fmt.Errorf("only %d members to log in", len(names))
	}
	for _, name := range names {
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar}
		page, err := get(ctx, client, base+"/login")
		if err != nil {
			return err
		}
		m := csrfField.FindStringSubmatch(page)
		if m == nil {
			return errors.New("no CSRF token on the log-in page")
		}
		form := url.Values{"csrf": {m[1]}, "login": {name}, "password": {generate.Password}, "next": {"/"}}
		resp, err := client.PostForm(base+"/login", form)
		if err != nil {
			return err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		// The client followed the redirect to "/", which took the flash.
		if m = csrfField.FindStringSubmatch(string(body)); m == nil || !strings.Contains(string(body), "/logout") {
			return fmt.Errorf("log in as %s failed (status %d)", name, resp.StatusCode)
		}
		u, _ := url.Parse(base)
		for _, c := range jar.Cookies(u) {
			if c.Name == "entraide" {
				fmt.Printf("%s=%s\t%s\n", c.Name, c.Value, m[1])
			}
		}
	}
	return nil
}

// serve runs the forum exactly as the product binary does, beside a pprof
// listener that the product never has.
func serve(ctx context.Context, pprofAddr string) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		err := http.ListenAndServe(pprofAddr, nil) // net/http/pprof registers on the default mux
		fmt.Fprintln(os.Stderr, "perftool: pprof:", err)
	}()
	code := app.Run(ctx, app.Env{Args: []string{"serve"}, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	if code != 0 {
		return fmt.Errorf("serve exited with %d", code)
	}
	return nil
}

func get(ctx context.Context, c *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
