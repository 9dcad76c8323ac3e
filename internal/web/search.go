package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"entraide/internal/forum"
	"entraide/internal/search"

	"github.com/labstack/echo/v4"
)

// searchInput is the search form and its filters (a GET form); the page
// number and "exact" are the pager's and the correction's, not the form's.
type searchInput struct {
	Q       string `form:"q"`
	Section string `form:"section"` // a slug
	Author  string `form:"author"`
	From    string `form:"from"`
	To      string `form:"to"`
	Status  string `form:"status"`
}

type searchPage struct {
	Layout
	Form     Form[searchInput]
	Searched bool   // a query was typed: say "no results" rather than nothing
	Notice   string // why nothing was searched, in the reader's language
	Items    []search.Item
	Results  *search.Results
	Filters  string // the query string of the filters, for the pager
	Choices  []forum.Section
	// AlsoAsked lists, by canonical thread, the duplicates closed onto it.
	AlsoAsked map[int64][]forum.ThreadRef
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
	form := readForm[searchInput](c)
	in := form.Input
	page := &searchPage{Layout: s.layout(c, "search.title"), Form: form, Filters: filterQuery(in)}
	page.Query = in.Q
	sections, err := s.searchSections(c)
	if err != nil {
		return err
	}
	page.Choices = sections
	typed := search.Form{Query: in.Q, Section: in.Section, Author: in.Author, From: in.From, To: in.To, Status: in.Status}
	typed.Page, _ = strconv.Atoi(c.QueryParam("page"))
	typed.Exact = c.QueryParam("exact") == "1"
	if strings.TrimSpace(typed.Query) == "" && typed.From+typed.To+typed.Section+typed.Author+typed.Status == "" {
		return s.render(c, http.StatusOK, "search/show", page)
	}
	page.Searched = true
	found, err := s.finder.Find(c.Request().Context(), sections, typed)
	if err != nil {
		return s.formAgain(c, err, form, &page.Layout, "search/show", page)
	}
	if r := found.Results; r.Total > 0 && r.Page > r.Pages {
		return c.Redirect(http.StatusSeeOther, page.PageLink(r.Pages))
	}
	page.Results, page.Items = found.Results, found.Items
	if found.Typed != "" {
		// The results are the correction's: its other pages too.
		page.Filters = filterQueryWith(in, found.Query.Raw)
	}
	if len(page.Items) > 0 {
		ids := make([]int64, len(page.Items))
		for i := range page.Items {
			ids[i] = page.Items[i].Thread.ID
		}
		if page.AlsoAsked, err = s.forum.DuplicatesOf(c.Request().Context(), ids); err != nil {
			return err
		}
	}
	switch found.Query.Reason {
	case search.OnlyStopWords:
		page.Notice = page.T("search.only_stop_words")
	case search.NoWords:
		page.Notice = page.T("search.no_words")
	case search.OnlyExclusions:
		page.Notice = page.T("search.only_exclusions")
	}
	return s.render(c, http.StatusOK, "search/show", page)
}

// PageLink is the address of page n of the same search.
func (p *searchPage) PageLink(n int) string {
	return "/search?" + p.Filters + "&page=" + strconv.Itoa(n)
}

// filterQuery is the search's query string without the page, for links to
// the other pages of results.
func filterQuery(in searchInput) string { return filterQueryWith(in, in.Q) }

// filterQueryWith is filterQuery with other words searched.
func filterQueryWith(in searchInput, q string) string {
	v := url.Values{}
	for k, val := range map[string]string{"section": in.Section, "author": in.Author, "from": in.From, "to": in.To, "status": in.Status} {
		if val != "" {
			v.Set(k, val)
		}
	}
	v.Set("q", q)
	return v.Encode()
}

// TypedLink searches the words as typed, without correction.
func (p *searchPage) TypedLink() string {
	return "/search?" + filterQueryWith(p.Form.Input, p.Results.Typed) + "&exact=1"
}

// SuggestionLink searches the suggested correction.
func (p *searchPage) SuggestionLink() string {
	return "/search?" + filterQueryWith(p.Form.Input, p.Results.Suggestion)
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
	return newLayout(st.user, st.tr)
}
