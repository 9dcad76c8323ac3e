// Package app wires Entraide by hand — configuration, database, domain
// services, web — and runs the operator's subcommands.
package app

import (
	"context"
	"encoding/hex"
	"entraide/internal/approval"
	"fmt"
	"log/slog"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/config"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/i18n"
	"entraide/internal/limits"
	"entraide/internal/markup"
	"entraide/internal/moderation"
	"entraide/internal/modlog"
	"entraide/internal/notify"
	"entraide/internal/promotion"
	"entraide/internal/replies"
	"entraide/internal/rules"
	"entraide/internal/search"
	"entraide/internal/settings"
	"entraide/internal/web"
	"entraide/internal/words"

	"github.com/labstack/echo/v4"
)

// App is a wired Entraide: its database and services.
type App struct {
	Config   config.Config
	Log      *slog.Logger
	DB       *db.DB
	Accounts *accounts.Service
	Profiles *accounts.Profiles
	Replies  *replies.Service
	Forum    *forum.Service
	Markup   *markup.Renderer
	I18n     *i18n.Bundle
	Settings *settings.Store
	Index    *search.Index
	Search   *search.Searcher
	Finder   *search.Finder
	Notify   *notify.Service
	ModLog   *modlog.Log
	// Moderation: flags, suspensions, promotions (thread and post actions
	// are the forum's).
	Moderation *moderation.Service
	Rules      *rules.Book
	Limits     *limits.Engine
	Words      *words.Service
	Approval   *approval.Service
	Ask        *ask.Service
}

// Open connects to the configured database, migrates it, and builds the
// services.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	opts := db.Options{PostgresURL: cfg.DatabaseURL, SQLitePath: db.SQLiteFile(cfg.DataDir)}
	d, err := db.Open(opts)
	if err != nil {
		return nil, err
	}
	if err := d.Migrate(ctx, log); err != nil {
		_ = d.Close()
		return nil, err
	}
	a, err := Build(cfg, log, d)
	if err != nil {
		_ = d.Close()
		return nil, err
	}
	if err := a.Accounts.FillSkeletons(ctx); err != nil {
		_ = d.Close()
		return nil, err
	}
	if err := a.Index.Prepare(ctx); err != nil {
		// Not fatal: the first post written tries again.
		log.Warn("search index not prepared", "err", err)
	}
	return a, nil
}

// Build assembles the services on an open, migrated database.
func Build(cfg config.Config, log *slog.Logger, d *db.DB) (*App, error) {
	bundle, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	render := markup.New()
	index := search.NewIndex(d)
	site := settings.New(d)
	acc := accounts.New(d).WithSettings(site)
	notes := notify.New(d, acc)
	f := forum.New(d, acc, render, index)
	f.SetNotifier(notes)
	f.SetRules(site)
	modLog := modlog.New(d)
	f.SetModLog(modLog)
	searcher := search.NewSearcher(index)
	a := &App{Config: cfg, Log: log, DB: d, Accounts: acc, Profiles: accounts.NewProfiles(d, render), Replies: replies.New(d, acc), Forum: f, Markup: render, I18n: bundle,
		Settings: site, Index: index, Search: searcher, Finder: search.NewFinder(searcher, f, acc), Notify: notes, ModLog: modLog,
		Rules: rules.New(d, rules.Catalog)}
	a.Moderation = moderation.New(d, f, acc, modLog, a.Rules, a.Notify)
	// The ask service is the forum's thread gate (search first, the
	// newcomers' section): every new thread goes through it.
	a.Ask = ask.New(d, a.Forum, a.Search, a.Rules)
	// The rules engine checks every new post in its transaction (rate
	// limits, the same text twice, newcomers' links).
	a.Words = words.New(d)
	a.Limits = limits.New(limits.Deps{Accounts: acc, Forum: f, Rules: a.Rules, Log: a.ModLog, Words: a.Words, Render: render})
	f.SetPostRules(a.Limits)
	// A newcomer is promoted when the rule holds, checked after each of
	// their posts and each thank-you they receive.
	f.SetPromoter(promotion.New(promotion.Deps{Accounts: acc, Rules: a.Rules, Log: a.ModLog, Notify: notes, Now: f.Now}))
	// Posts a rule holds (a newcomer's first posts, a watched word) wait
	// in the approval queue until a moderator publishes them.
	a.Approval = approval.New(approval.Deps{DB: d, Accounts: acc, Forum: f, Log: a.ModLog, Notify: notes})
	f.SetHolder(a.Approval)
	a.Limits.SetHeld(a.Approval)
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// sessionSecret is the configured key, or the one generated once into the
// database so that every instance sharing it agrees.
func (a *App) sessionSecret(ctx context.Context) ([]byte, error) {
	if a.Config.SessionSecret != "" {
		return []byte(a.Config.SessionSecret), nil
	}
	hexKey, err := a.Settings.Secret(ctx, "session_secret", 32)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(hexKey)
	if err != nil {
		return nil, fmt.Errorf("app: stored session secret is not hex: %w", err)
	}
	return key, nil
}

// Handler builds the web application.
func (a *App) Handler(ctx context.Context) (*echo.Echo, error) {
	secret, err := a.sessionSecret(ctx)
	if err != nil {
		return nil, err
	}
	return web.New(web.Deps{Config: a.Config, DB: a.DB, Accounts: a.Accounts, Profiles: a.Profiles, Replies: a.Replies, Forum: a.Forum, Markup: a.Markup,
		Search: a.Search, Finder: a.Finder, Ask: a.Ask, Rules: a.Rules, Words: a.Words, I18n: a.I18n, Log: a.Log, SessionSecret: secret,
		Settings: a.Settings, Notify: a.Notify, Moderation: a.Moderation, ModLog: a.ModLog, Approval: a.Approval})
}
