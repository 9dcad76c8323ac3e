package testkit

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/config"
	"entraide/internal/db"
	"entraide/internal/rules"

	"github.com/PuerkitoBio/goquery"
)

// Password is the password of every account the helpers create.
const Password = "une phrase de passe de test"

// Server is the whole forum on a real HTTP server over a fresh database.
type Server struct {
	t    testing.TB
	URL  string
	App  *app.App
	HTTP *httptest.Server
	seq  atomic.Int64
}

// NewServer starts the forum for the test; it stops when the test ends.
func NewServer(t testing.TB) *Server {
	t.Helper()
	return NewServerOn(t, NewDB(t))
}

// NewServerOn starts the forum on a database the test opened itself.
func NewServerOn(t testing.TB, d *db.DB) *Server {
	t.Helper()
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Build(cfg, TestLogger(t), d)
	if err != nil {
		t.Fatal(err)
	}
	// As app.Open does: the search index's tables ready before any write,
	// so that none is left to do in the background during a test.
	if err := a.Index.Prepare(context.Background()); err != nil {
		t.Fatal(err)
	}
	// As Serve does: the index's worker runs beside the server.
	work, stopWork := context.WithCancel(context.Background())
	worked := make(chan struct{})
	go func() { defer close(worked); a.Index.Work(work, a.Log) }()
	t.Cleanup(func() { stopWork(); <-worked })
	// The approval of newcomers' first posts is on by default; tests of
	// everything else want a newcomer's post published at once, so it
	// starts off here. The queue's own tests turn it on (ApprovalOn).
	if err := a.Rules.Set(context.Background(), rules.ApprovalFirstPosts, "0"); err != nil {
		t.Fatal(err)
	}
	h, err := a.Handler(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &Server{t: t, URL: srv.URL, App: a, HTTP: srv}
}

// Client is a person's browser without JavaScript: it keeps cookies, does
// not follow redirects, and sends the CSRF token of the last page it read,
// as a form on that page would.
type Client struct {
	t    testing.TB
	base string
	http *http.Client
	csrf string
	// Header is added to every request (e.g. Accept-Language).
	Header http.Header
}

// Client returns a new visitor's browser.
func (s *Server) Client() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: s.t, base: s.URL, Header: http.Header{}, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Page is a response as a person would see it.
type Page struct {
	Status   int
	Header   http.Header
	Body     string
	Doc      *goquery.Document
	Location string
}

// Text returns the visible text of the elements matching selector.
func (p *Page) Text(selector string) string {
	return strings.Join(strings.Fields(p.Doc.Find(selector).Text()), " ")
}

// Has reports whether selector matches anything.
func (p *Page) Has(selector string) bool { return p.Doc.Find(selector).Length() > 0 }

func (c *Client) do(req *http.Request) *Page {
	c.t.Helper()
	for k, v := range c.Header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		c.t.Fatalf("parse %s: %v", req.URL, err)
	}
	html, _ := doc.Html()
	if tok, ok := doc.Find(`input[name="csrf"]`).First().Attr("value"); ok {
		c.csrf = tok
	}
	return &Page{Status: resp.StatusCode, Header: resp.Header, Body: html, Doc: doc, Location: resp.Header.Get("Location")}
}

// Get loads a page.
func (c *Client) Get(path string) *Page {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

// Post sends a form with the CSRF token of the last page read.
func (c *Client) Post(path string, form url.Values) *Page {
	c.t.Helper()
	if c.csrf == "" {
		c.Get("/")
	}
	values := url.Values{"csrf": {c.csrf}}
	for k, v := range form {
		values[k] = v
	}
	return c.PostRaw(path, values)
}

// PostRaw sends exactly form, without adding a CSRF token.
func (c *Client) PostRaw(path string, form url.Values) *Page {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// Follow loads the page a redirect points to.
func (c *Client) Follow(p *Page) *Page {
	c.t.Helper()
	if p.Status < 300 || p.Status >= 400 {
		c.t.Fatalf("expected a redirect, got %d: %s", p.Status, p.Text("main"))
	}
	return c.Get(p.Location)
}

// Cookies returns the cookies the browser holds for the forum.
func (c *Client) Cookies() []*http.Cookie {
	u, _ := url.Parse(c.base)
	return c.http.Jar.Cookies(u)
}

// SetCookies replaces the browser's cookies (to replay a stolen cookie).
func (c *Client) SetCookies(cookies []*http.Cookie) {
	u, _ := url.Parse(c.base)
	c.http.Jar.SetCookies(u, cookies)
}

// Login logs the browser in through the log-in form.
func (c *Client) Login(username, password string) *Page {
	c.t.Helper()
	c.Get("/login")
	p := c.Post("/login", url.Values{"login": {username}, "password": {password}})
	if p.Status != http.StatusSeeOther {
		c.t.Fatalf("log in as %s: status %d: %s", username, p.Status, p.Text(".form-errors"))
	}
	return p
}

// NewUser creates an account with role and returns a browser logged in as it.
func (s *Server) NewUser(role accounts.Role) (*Client, *accounts.User) {
	s.t.Helper()
	n := s.seq.Add(1)
	name := fmt.Sprintf("%s%d", role, n)
	ctx := context.Background()
	u, err := s.App.Accounts.Register(ctx, accounts.Registration{Username: name, Email: name + "@exemple.fr", Password: Password, Confirm: Password})
	if err != nil {
		s.t.Fatalf("register %s: %v", name, err)
	}
	if role != accounts.Newcomer {
		if err := s.App.DB.Exec("UPDATE users SET role = ? WHERE id = ?", role, u.ID).Error; err != nil {
			s.t.Fatal(err)
		}
		u.Role = role
	}
	c := s.Client()
	c.Login(name, Password)
	return c, u
}

// URLValues is a shorthand for a form.
func URLValues(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}

// RaiseLimits sets the rate limits to their highest and turns off the
// same-text rule, as an admin could, for tests whose fixtures post more
// than a person may in an hour; the rules' own tests keep the defaults.
func (s *Server) RaiseLimits() {
	s.t.Helper()
	ctx := context.Background()
	for name, v := range map[string]string{rules.ThreadsPerDayNewcomer: "1000", rules.ThreadsPerDayMember: "1000",
		rules.RepliesPerHourNewcomer: "1000", rules.RepliesPerHourMember: "1000", rules.SameText: "0"} {
		if err := s.App.Rules.Set(ctx, name, v); err != nil {
			s.t.Fatal(err)
		}
	}
}

// ApprovalOn holds a newcomer's first n posts for approval, as the forum
// does by default (NewServer turns the rule off).
func (s *Server) ApprovalOn(n int) {
	s.t.Helper()
	if err := s.App.Rules.Set(context.Background(), rules.ApprovalFirstPosts, strconv.Itoa(n)); err != nil {
		s.t.Fatal(err)
	}
}
