package app

import (
	"context"
	"errors"
	"io"
)

// LoadDemo is replaced by internal/demo once it lands.
func (a *App) LoadDemo(ctx context.Context, out io.Writer) error { return errors.New("demo: not yet") }
