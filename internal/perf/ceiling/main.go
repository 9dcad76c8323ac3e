// Command ceiling is the practical ceiling the forum's pages are measured
// against: a bare echo handler that reads the first 20 posts of a thread
// with their authors in one SQL query and renders them as an HTML list. No
// middleware, no session, no layout — what any Go page on this database
// and this machine costs at least. It is a measuring tool, not part of the
// forum's binary:
//
//	go run ./internal/perf/ceiling -addr 127.0.0.1:8182 -sqlite ./tmp/perf/sqlite/entraide.db
//	go run ./internal/perf/ceiling -addr 127.0.0.1:8182 -postgres 'postgres://postgres@127.0.0.1:5432/entraide_perf?sslmode=disable'
//
// GET /t/{id} answers with thread id's posts 1 to 20.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"strconv"
	"time"

	"entraide/internal/db"

	"github.com/labstack/echo/v4"
)

var page = template.Must(template.New("list").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Sujet {{.ID}}</title></head>
<body><main><ol>
{{range .Posts}}<li id="p{{.ID}}"><p>{{.Author}} · <time datetime="{{.At.Format "2006-01-02T15:04:05Z07:00"}}">{{.At.Format "02/01/2006 15:04"}}</time></p>{{.HTML}}</li>
{{end}}</ol></main></body></html>`))

type row struct {
	ID     int64
	Author string
	At     time.Time
	HTML   template.HTML
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8182", "address to listen on")
	sqlitePath := flag.String("sqlite", "", "SQLite database file")
	pgURL := flag.String("postgres", "", "PostgreSQL address")
	flag.Parse()
	d, err := db.Open(db.Options{SQLitePath: *sqlitePath, PostgresURL: *pgURL})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ceiling:", err)
		os.Exit(1)
	}
	q := `SELECT p.id, u.username, p.created_at, p.body_html FROM posts p JOIN users u ON u.id = p.author_id
		WHERE p.thread_id = ? AND p.position BETWEEN 1 AND 20 ORDER BY p.position`
	if d.Dialect == db.Postgres {
		q = `SELECT p.id, u.username, p.created_at, p.body_html FROM posts p JOIN users u ON u.id = p.author_id
		WHERE p.thread_id = $1 AND p.position BETWEEN 1 AND 20 ORDER BY p.position`
	}
	sqlDB := d.SQL()
	e := echo.New()
	e.HideBanner = true
	e.GET("/t/:id", func(c echo.Context) error {
		id, err := strconv.ParseInt(c.Param("id"), 10, 64)
		if err != nil {
			return echo.ErrNotFound
		}
		rows, err := sqlDB.QueryContext(c.Request().Context(), q, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		data := struct {
			ID    int64
			Posts []row
		}{ID: id}
		for rows.Next() {
			var r row
			var html string
			if err := rows.Scan(&r.ID, &r.Author, &r.At, &html); err != nil {
				return err
			}
			r.HTML = template.HTML(html)
			data.Posts = append(data.Posts, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := page.Execute(&buf, data); err != nil {
			return err
		}
		return c.HTMLBlob(http.StatusOK, buf.Bytes())
	})
	if err := e.Start(*addr); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, "ceiling:", err)
		os.Exit(1)
	}
}
