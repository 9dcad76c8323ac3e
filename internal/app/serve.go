package app

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Serve answers HTTP on the configured address until ctx ends (SIGTERM),
// then stops accepting and lets in-flight requests finish.
func (a *App) Serve(ctx context.Context) error {
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return err
	}
	return a.ServeOn(ctx, ln)
}

// ServeOn is Serve on a listener the caller opened.
func (a *App) ServeOn(ctx context.Context, ln net.Listener) error {
	tuneGC()
	handler, err := a.Handler(ctx)
	if err != nil {
		_ = ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	a.Log.Info("entraide listening", "addr", "http://"+ln.Addr().String(), "database", string(a.DB.Dialect))
	stopWorkers := a.startWorkers()
	defer stopWorkers()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	a.Log.Info("shutting down: finishing in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	a.Log.Info("stopped")
	return nil
}

// startWorkers runs the background work beside the server — today the
// search index's (Index.Work) — and returns what stops it and waits for it.
func (a *App) startWorkers() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	log := a.Log.With("worker", "search index")
	go func() {
		defer close(done)
		log.Info("worker started")
		var upgrade sync.WaitGroup
		upgrade.Go(func() {
			// An index built by an older analyzer is rebuilt beside the
			// server (migration 0013).
			if err := a.Index.Upgrade(ctx, log); err != nil && ctx.Err() == nil {
				log.Warn("search index: not rebuilt for the new analyzer; run entraide reindex", "err", err)
			}
		})
		a.Index.Work(ctx, log)
		upgrade.Wait()
		log.Info("worker stopped")
	}()
	return func() {
		cancel()
		<-done
	}
}
