// Package web is Entraide's HTTP face: one route table, the middleware
// chain, typed page data and thin handlers that bind a form, call the
// domain, and render or redirect.
package web

import (
	"entraide/internal/approval"
	"fmt"
	"log/slog"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/config"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/internal/markup"
	"entraide/internal/moderation"
	"entraide/internal/modlog"
	"entraide/internal/notify"
	"entraide/internal/replies"
	"entraide/internal/rules"
	"entraide/internal/search"
	"entraide/internal/settings"
	"entraide/internal/words"
	"entraide/static"
	"entraide/templates"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Deps is what the web layer needs from the rest of the application.
type Deps struct {
	Config        config.Config
	DB            *db.DB
	Accounts      *accounts.Service
	Profiles      *accounts.Profiles
	Replies       *replies.Service
	Forum         *forum.Service
	Markup        *markup.Renderer
	Search        *search.Searcher
	Finder        *search.Finder
	Ask           *ask.Service
	Rules         *rules.Book
	I18n          *i18n.Bundle
	Log           *slog.Logger
	SessionSecret []byte
	Settings      *settings.Store
	Notify        *notify.Service
	Words         *words.Service
	Approval      *approval.Service
	Moderation    *moderation.Service
	ModLog        *modlog.Log
}

// Server holds the handlers' dependencies.
type Server struct {
	cfg      config.Config
	db       *db.DB
	accounts *accounts.Service
	profiles *accounts.Profiles
	replies  *replies.Service
	forum    *forum.Service
	markup   *markup.Renderer
	search   *search.Searcher
	finder   *search.Finder
	ask      *ask.Service
	rules    *rules.Book
	words    *words.Service
	i18n     *i18n.Bundle
	log      *slog.Logger
	sessions *sessions.CookieStore
	devices  *securecookie.SecureCookie // the device cookie (device.go)
	budget   *searchBudget              // visitors' search budget (budget.go)
	site     *settings.Store
	pages    *pages
	assets   *assets
	notify   *notify.Service
	approval *approval.Service
	// Moderation (moderation.go, flags.go, modlog.go).
	moderation *moderation.Service
	modlog     *modlog.Log
}

// New builds the echo application with every route.
func New(d Deps) (*echo.Echo, error) {
	a, err := newAssets(static.FS)
	if err != nil {
		return nil, fmt.Errorf("web: assets: %w", err)
	}
	p, err := loadPages(templates.FS, a)
	if err != nil {
		return nil, err
	}
	if err := p.renderSyntaxHelp(d.I18n); err != nil {
		return nil, err
	}
	if len(d.SessionSecret) < 32 {
		return nil, fmt.Errorf("web: session secret too short")
	}
	s := &Server{cfg: d.Config, db: d.DB, accounts: d.Accounts, profiles: d.Profiles, replies: d.Replies, forum: d.Forum, markup: d.Markup, search: d.Search, finder: d.Finder, ask: d.Ask, rules: d.Rules, i18n: d.I18n,
		log: d.Log, sessions: newCookieStore(d.SessionSecret, d.Config.Secure()), pages: p, assets: a, notify: d.Notify, words: d.Words,
		moderation: d.Moderation, modlog: d.ModLog, approval: d.Approval}
	s.devices = newDeviceCodec(d.SessionSecret)
	s.site, s.budget = d.Settings, newSearchBudget()
	if s.site == nil {
		s.site = settings.New(d.DB)
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = ipExtractor(d.Config)
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: 301}))
	e.Pre(knownMethods)
	e.Use(headAgain, s.requestLog, middleware.Recover(), securityHeaders, hsts(d.Config.Secure()), s.imagesPolicy, middleware.BodyLimit("1M"),
		s.loadSession, checkCSRF, s.loadUser)
	s.routes(e)
	return e, nil
}

func ipExtractor(cfg config.Config) echo.IPExtractor {
	if len(cfg.TrustedProxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range cfg.TrustedProxies {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}
