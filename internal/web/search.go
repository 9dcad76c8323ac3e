package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/internal/markup"
	"entraide/internal/search"

	"github.com/labstack/echo/v4"
)

type searchItem struct {
	Thread  forum.ThreadSummary
	Snippet template.HTML
}

type searchPage struct {
	Layout
	Form     Form
	Searched bool   // a query was typed: say "no results" rather than nothing
	Notice   string // why nothing was searched, in the reader's language
	Items    []searchItem
	Results  *search.Results
	Filters  string // the query string of the filters, for the pager
	Choices  []forum.Section
}

// searchSections is where the reader's searches look: the sections they may
// read, archived ones left out.
func (s *Server) searchSections(c echo.Context) ([]forum.Section, error) {
	all, err := s.forum.Sections(c.Request().Context(), currentUser(c))
	if err != nil {
		return nil, err
	}
	open := all[:0:0]
	for _, sec := range all {
		if !sec.Archived {
			open = append(open, sec)
		}
	}
	return open, nil
}

func sectionIDs(sections []forum.Section) []int64 {
	ids := make([]int64, len(sections))
	for i, sec := range sections {
		ids[i] = sec.ID
	}
	return ids
}

func (s *Server) showSearch(c echo.Context) error {
	ctx := c.Request().Context()
	form := newForm(c, "q", "section", "author", "from", "to", "status")
	page := &searchPage{Layout: s.layout(c, "search.title"), Form: form}
	page.Query = form.Get("q")
	sections, err := s.searchSections(c)
	if err != nil {
		return err
	}
	page.Choices = sections
	req := search.Request{Query: form.Get("q"), SectionIDs: sectionIDs(sections)}
	req.Page, _ = strconv.Atoi(c.QueryParam("page"))
	if slug := form.Get("section"); slug != "" {
		req.SectionIDs = nil
		for _, sec := range sections {
			if sec.Slug == slug {
				req.SectionIDs = []int64{sec.ID}
			}
		}
		if req.SectionIDs == nil {
			form.Errors["section"] = page.T("search.filter.unknown_section")
		}
	}
	if name := strings.TrimSpace(form.Get("author")); name != "" {
		if u, err := s.accounts.ByUsername(ctx, name); err == nil {
			req.AuthorID = u.ID
		} else {
			form.Errors["author"] = page.T("search.filter.unknown_author")
		}
	}
	if req.Status = search.Status(form.Get("status")); !req.Status.Valid() {
		form.Errors["status"] = page.T("search.filter.unknown_status")
	}
	var ok bool
	if req.From, ok = parseDay(form.Get("from")); !ok {
		form.Errors["from"] = page.T("search.filter.bad_date")
	}
	if req.To, ok = parseDay(form.Get("to")); !ok {
		form.Errors["to"] = page.T("search.filter.bad_date")
	} else if !req.To.IsZero() {
		req.To = req.To.AddDate(0, 0, 1) // the whole last day is included
	}
	page.Filters = filterQuery(form)
	if strings.TrimSpace(form.Get("q")) == "" && !form.HasErrors() {
		return s.render(c, http.StatusOK, "search/show", page)
	}
	page.Searched = true
	if form.HasErrors() {
		return s.render(c, http.StatusUnprocessableEntity, "search/show", page)
	}
	if page.Results, err = s.search.Search(ctx, req); err != nil {
		return err
	}
	if r := page.Results; r.Total > 0 && r.Page > r.Pages {
		return c.Redirect(http.StatusSeeOther, page.PageLink(r.Pages))
	}
	switch page.Results.Query.Reason {
	case search.OnlyStopWords:
		page.Notice = page.T("search.only_stop_words")
	case search.NoWords:
		page.Notice = page.T("search.no_words")
	case search.OnlyExclusions:
		page.Notice = page.T("search.only_exclusions")
	}
	if page.Items, err = s.searchItems(c, page.Results); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "search/show", page)
}

// searchItems loads the threads of the hits and a highlighted snippet of
// each best-matching post. A reply can match through its thread's title
// alone (every post carries the title's words); its text then has nothing
// to highlight, and the question itself makes the better snippet.
func (s *Server) searchItems(c echo.Context, res *search.Results) ([]searchItem, error) {
	ctx := c.Request().Context()
	threadIDs := make([]int64, len(res.Hits))
	postIDs := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		threadIDs[i], postIDs[i] = h.ThreadID, h.PostID
	}
	threads, err := s.forum.ThreadsByID(ctx, threadIDs)
	if err != nil {
		return nil, err
	}
	bodies, err := s.forum.PostBodies(ctx, postIDs)
	if err != nil {
		return nil, err
	}
	best := map[int64]int64{}
	for _, h := range res.Hits {
		best[h.ThreadID] = h.PostID
	}
	items := make([]searchItem, len(threads))
	var plain []int64
	for i, t := range threads {
		items[i] = searchItem{Thread: t, Snippet: search.Snippet(markup.PlainText(bodies[best[t.ID]]), res.Query, 0)}
		if !strings.Contains(string(items[i].Snippet), "<mark>") {
			plain = append(plain, t.ID)
		}
	}
	if len(plain) == 0 {
		return items, nil
	}
	questions, err := s.forum.FirstPostBodies(ctx, plain)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		if q, ok := questions[it.Thread.ID]; ok && !strings.Contains(string(it.Snippet), "<mark>") {
			items[i].Snippet = search.Snippet(markup.PlainText(q), res.Query, 0)
		}
	}
	return items, nil
}

// PageLink is the address of page n of the same search.
func (p *searchPage) PageLink(n int) string {
	return "/search?" + p.Filters + "&page=" + strconv.Itoa(n)
}

// parseDay reads a yyyy-mm-dd date as the day begins where the forum shows
// its dates; empty is "no limit".
func parseDay(v string) (time.Time, bool) {
	if v = strings.TrimSpace(v); v == "" {
		return time.Time{}, true
	}
	d, err := time.ParseInLocation(time.DateOnly, v, i18n.Zone())
	return d, err == nil
}

// filterQuery is the search's query string without the page, for links to
// the other pages of results.
func filterQuery(f Form) string {
	v := url.Values{}
	for _, k := range []string{"q", "section", "author", "from", "to", "status"} {
		if f.Get(k) != "" {
			v.Set(k, f.Get(k))
		}
	}
	return v.Encode()
}

type similarFragment struct {
	Layout
	Threads []similarThread
}

type similarThread struct {
	ID    int64   `json:"id"`
	Title string  `json:"title"`
	URL   string  `json:"url"`
	Score float64 `json:"score"`
}

// similarLimit is how many similar threads the suggestions show.
const similarLimit = 5

// showSimilar answers the as-you-type suggestions: the closest threads to a
// draft title (and body), as an HTML fragment, or JSON when asked for it.
func (s *Server) showSimilar(c echo.Context) error {
	sections, err := s.searchSections(c)
	if err != nil {
		return err
	}
	found, err := s.search.Similar(c.Request().Context(), c.QueryParam("title"), c.QueryParam("body"), sectionIDs(sections), 0, similarLimit)
	if err != nil {
		return err
	}
	threads := make([]similarThread, 0, len(found))
	ids := make([]int64, len(found))
	for i, f := range found {
		ids[i] = f.ThreadID
	}
	summaries, err := s.forum.ThreadsByID(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	slugs := map[int64]string{}
	for _, t := range summaries {
		slugs[t.ID] = t.Slug
	}
	for _, f := range found {
		threads = append(threads, similarThread{ID: f.ThreadID, Title: f.Title, URL: threadURL(f.ThreadID, slugs[f.ThreadID]), Score: roundScore(f.Score)})
	}
	if strings.Contains(c.Request().Header.Get("Accept"), "application/json") {
		return c.JSON(http.StatusOK, map[string]any{"threads": threads})
	}
	page := &similarFragment{Layout: s.fragmentLayout(c), Threads: threads}
	return s.renderFragment(c, http.StatusOK, "search/similar", "similar", page)
}

func roundScore(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// fragmentLayout is the layout of a fragment: the reader's language only,
// no database work.
func (s *Server) fragmentLayout(c echo.Context) Layout {
	st := stateOf(c)
	return Layout{User: st.user, Locale: st.tr.Locale, tr: st.tr, now: time.Now()}
}
