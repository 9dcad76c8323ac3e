package web

import (
	"bytes"
	"context"
	"errors"
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
	// The driver reports the cancelled query as such, or as the
	// connection it closed under the query (seen in a load run).
	for _, err := range []error{fmt.Errorf("forum: read thread: %w", context.Canceled), errors.New("accounts: find user: driver: bad connection")} {
		logs.Reset()
		req := httptest.NewRequest("GET", "/t/1/sujet", nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		c := echo.New().NewContext(req, rec)
		s.handleError(err, c)
		if rec.Code != statusClientClosed {
			t.Errorf("%v: status %d, want %d", err, rec.Code, statusClientClosed)
		}
		if out := logs.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "abandoned") {
			t.Errorf("%v: log:\n%s", err, out)
		}
	}
}
