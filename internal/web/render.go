package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/i18n"

	"github.com/labstack/echo/v4"
)

// Layout is what every page shows around its content; each page's data
// embeds it, built by Server.layout.
type Layout struct {
	Title string
	// Viewer is what the templates know of the reader (nil for a visitor);
	// user, the whole account, stays with the Go code.
	Viewer   *Viewer
	user     *accounts.User
	CSRF     string
	Flash    string
	Locale   string
	Path     string // the current address, for "log in and come back"
	Query    string // the search box's text
	Sections []forum.Section
	tr       i18n.Translator
	now      time.Time
	// syntaxHelp is the editor's Markdown table in the reader's language.
	syntaxHelp template.HTML
}

// Viewer is what a page shows of the person reading it: never the
// password hash, the email or the session version.
type Viewer struct {
	ID                  int64
	Username            string
	Name                string
	Role                accounts.Role
	UnreadNotifications int // the bell's number
	// ModWaiting is what waits for a moderator (modWaiting), for the
	// header's link; moderators only.
	ModWaiting int
	// SuspendedUntil and SuspensionReason are shown to a suspended member
	// on every page.
	SuspendedUntil   *time.Time
	SuspensionReason string
}

func viewerOf(u *accounts.User) *Viewer {
	if u == nil {
		return nil
	}
	v := &Viewer{ID: u.ID, Username: u.Username, Name: u.Name(), Role: u.Role, UnreadNotifications: u.UnreadNotifications}
	if u.SuspendedAt(time.Now()) {
		v.SuspendedUntil, v.SuspensionReason = u.SuspendedUntil, u.SuspensionReason
	}
	return v
}

// MemberView is what a page shows of a member other than the reader (a
// profile, the admin's list): never the password hash, the email or the
// session version.
type MemberView struct {
	ID             int64
	Username       string
	Name           string
	Role           accounts.Role
	CreatedAt      time.Time
	ThreadCount    int
	ReplyCount     int
	ThanksReceived int
	ThanksGiven    int
	SolutionCount  int
	// SuspendedUntil is set while a suspension runs (pages decide who sees
	// it and its reason).
	SuspendedUntil   *time.Time
	SuspensionReason string
}

func memberViewOf(u *accounts.User, now time.Time) MemberView {
	m := MemberView{ID: u.ID, Username: u.Username, Name: u.Name(), Role: u.Role, CreatedAt: u.CreatedAt,
		ThreadCount: u.ThreadCount, ReplyCount: u.ReplyCount, ThanksReceived: u.ThanksReceived, ThanksGiven: u.ThanksGiven,
		SolutionCount: u.SolutionCount}
	if u.SuspendedAt(now) {
		m.SuspendedUntil, m.SuspensionReason = u.SuspendedUntil, u.SuspensionReason
	}
	return m
}

// Moderates reports whether the reader may use the moderators' tools now
// (a suspended moderator may not: the header hides them).
func (v *Viewer) Moderates() bool {
	return v != nil && v.Role.AtLeast(accounts.Moderator) && v.SuspendedUntil == nil
}

// Can reports whether the reader holds at least role min.
func (v *Viewer) Can(min accounts.Role) bool {
	if v == nil {
		return min == accounts.Visitor
	}
	return v.Role.AtLeast(min)
}

// newLayout is the layout of a page read by u.
func newLayout(u *accounts.User, tr i18n.Translator) Layout {
	return Layout{Viewer: viewerOf(u), user: u, Locale: tr.Locale, tr: tr, now: time.Now()}
}

// SyntaxHelp is the editor's table of Markdown syntax, rendered once per
// language when the pages load: thirty translated strings that every
// member's thread page would otherwise render again.
func (l Layout) SyntaxHelp() template.HTML { return l.syntaxHelp }

// T translates key for the page's reader.
func (l Layout) T(key string, args ...any) string { return l.tr.T(key, args...) }

// N translates the plural form of key for n.
func (l Layout) N(key string, n int, args ...any) string { return l.tr.N(key, n, args...) }

// Ago says how long ago t was.
func (l Layout) Ago(t time.Time) string { return l.tr.Ago(t, l.now) }

// DateTime gives the full date and time of t.
func (l Layout) DateTime(t time.Time) string { return l.tr.DateTime(t) }

// Date gives the day of t.
func (l Layout) Date(t time.Time) string { return l.tr.Date(t) }

// RoleName is the translated name of a role.
func (l Layout) RoleName(r accounts.Role) string { return l.tr.T("role." + string(r)) }

func (s *Server) layout(c echo.Context, titleKey string, args ...any) Layout {
	st := stateOf(c)
	l := newLayout(st.user, st.tr)
	l.CSRF, l.Path, l.syntaxHelp = csrfToken(c), c.Request().URL.RequestURI(), s.pages.syntaxHelp[st.tr.Locale]
	if titleKey != "" {
		l.Title = st.tr.T(titleKey, args...)
	}
	if key := takeFlash(c); key != "" {
		l.Flash = st.tr.T(key)
	}
	sections, err := s.sections(c)
	if err != nil {
		// The page can do without the header's section links; say so.
		s.log.Warn("sections for the header", "id", st.requestID, "err", err)
	}
	l.Sections = sections
	if l.Viewer.Moderates() {
		l.Viewer.ModWaiting = s.modWaiting(c.Request().Context())
	}
	return l
}

// sections returns the sections the reader may read, loaded once per
// request: the layout lists them, and a page that needs one of them (the
// section page) picks it from the list instead of querying again.
func (s *Server) sections(c echo.Context) ([]forum.Section, error) {
	st := stateOf(c)
	if !st.sectionsLoaded {
		st.sections, st.sectionsErr = s.forum.Sections(c.Request().Context(), st.user)
		st.sectionsLoaded = true
	}
	return st.sections, st.sectionsErr
}

// pages holds one template set per page: the base layout, the partials and
// the page itself. A missing or broken template fails start-up.
type pages struct {
	sets   map[string]*template.Template
	assets *assets
	// syntaxHelp is the "syntax-help" partial rendered in each language;
	// replyEditor the thread page's editor, always empty, likewise.
	syntaxHelp  map[string]template.HTML
	replyEditor map[string]template.HTML
}

var funcs = template.FuncMap{
	"threadURL": threadURL,
	"postURL":   postURL,
	"userURL":   userURL,
	"add":       func(a, b int) int { return a + b },
	"pageRange": pageRange,
	"iso":       iso,
	"fieldID":   func(name string) string { return "field-" + name },
	"errorID":   func(name string) string { return "error-" + name },
	"dict":      dict,
	"editor":    editorOf,
	"field":     fieldOf,
	"password":  passwordOf,
	"required":  fieldRequired,
	"help":      fieldHelp,
	"maxlen":    fieldMaxLen,
	"kind":      fieldKind,
	"auto":      fieldAutofill,
	"deref":     func(p *int64) int64 { return *p },
	"clock":     accounts.Clock,
}

// dict builds the argument of a partial from key, value pairs.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}

func threadURL(id int64, slug string) string {
	return "/t/" + strconv.FormatInt(id, 10) + "/" + url.PathEscape(slug)
}

func sectionURL(slug string) string { return "/s/" + url.PathEscape(slug) }

func postURL(id int64) string { return "/p/" + strconv.FormatInt(id, 10) }

func userURL(username string) string { return "/u/" + url.PathEscape(username) }

// iso is a time as a <time datetime> attribute gives it.
func iso(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// pageRange lists the page numbers to link to around current, with 0 for a
// gap: 1 … 4 5 [6] 7 8 … 20.
func pageRange(current, total int) []int {
	var out []int
	for p := 1; p <= total; p++ {
		if p == 1 || p == total || (p >= current-2 && p <= current+2) {
			out = append(out, p)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// renderSyntaxHelp renders the editor's syntax table once per language,
// and the thread page's reply editor, which depends on nothing else: the
// page offers it empty, and a reply refused comes back on the reply page.
func (p *pages) renderSyntaxHelp(bundle *i18n.Bundle) error {
	p.syntaxHelp = map[string]template.HTML{}
	p.replyEditor = map[string]template.HTML{}
	for _, loc := range i18n.Locales {
		var buf bytes.Buffer
		if err := p.sets["threads/show"].ExecuteTemplate(&buf, "syntax-help", Layout{tr: bundle.For(loc)}); err != nil {
			return fmt.Errorf("web: render syntax-help: %w", err)
		}
		p.syntaxHelp[loc] = template.HTML(buf.String())
		buf.Reset()
		l := Layout{tr: bundle.For(loc), syntaxHelp: p.syntaxHelp[loc]}
		editor := editorOf(l, formOf(struct{}{}), "", "reply.body", 6)
		if err := p.sets["threads/show"].ExecuteTemplate(&buf, "editor", editor); err != nil {
			return fmt.Errorf("web: render the reply editor: %w", err)
		}
		p.replyEditor[loc] = template.HTML(buf.String())
	}
	return nil
}

func loadPages(tfs fs.FS, a *assets) (*pages, error) {
	head, err := a.headTags()
	if err != nil {
		return nil, fmt.Errorf("web: head's assets: %w", err)
	}
	base := template.New("base").Funcs(funcs).Funcs(template.FuncMap{"asset": a.url, "headAssets": func() template.HTML { return head }})
	base, err = base.ParseFS(tfs, "layouts/*.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layouts: %w", err)
	}
	p := &pages{sets: map[string]*template.Template{}, assets: a}
	err = fs.WalkDir(tfs, "pages", func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(file) != ".html" {
			return err
		}
		set, err := template.Must(base.Clone()).ParseFS(tfs, file)
		if err != nil {
			return fmt.Errorf("web: parse %s: %w", file, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(file, "pages/"), ".html")
		p.sets[name] = set
		return nil
	})
	return p, err
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes page name into a buffer first, so a template error becomes
// a clean 500 page instead of half a page.
func (s *Server) render(c echo.Context, status int, name string, data any) error {
	set, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("web: no template %q", name)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := set.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	// With its length known, net/http sends the page in one write instead
	// of chunks of its 4 KB buffer: a thread page is five times that.
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(buf.Len()))
	return c.HTMLBlob(status, buf.Bytes())
}

// renderFragment executes a partial alone, for requests made by our scripts.
func (s *Server) renderFragment(c echo.Context, status int, page, block string, data any) error {
	set, ok := s.pages.sets[page]
	if !ok {
		return fmt.Errorf("web: no template %q", page)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := set.ExecuteTemplate(buf, block, data); err != nil {
		return fmt.Errorf("web: render %s/%s: %w", page, block, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}
