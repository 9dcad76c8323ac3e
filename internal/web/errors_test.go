package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestAbandonedRequestIsNoServerFailure: a request the client cancelled
// while the database was answering is logged as abandoned, not as an error
// with a 500, which would page whoever watches the errors.
func TestAbandonedRequestIsNoServerFailure(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	s := &Server{log: slog.New(slog.NewTextHandler(&logs, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/t/1/sujet", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(req, rec)
	s.handleError(fmt.Errorf("forum: read thread: %w", context.Canceled), c)
	if rec.Code != statusClientClosed {
		t.Errorf("status %d, want %d", rec.Code, statusClientClosed)
	}
	if out := logs.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "abandoned") {
		t.Errorf("log:\n%s", out)
	}
}
