package app

import (
	"context"
	"io"

	"entraide/internal/demo"
)

// LoadDemo fills an empty forum with the demo members, guides and threads.
func (a *App) LoadDemo(ctx context.Context, out io.Writer) error {
	return demo.Load(ctx, demo.Deps{Accounts: a.Accounts, Forum: a.Forum, Notify: a.Notify, Ask: a.Ask, Profiles: a.Profiles, Replies: a.Replies, Words: a.Words,
		Moderation: a.Moderation, Rules: a.Rules, Approval: a.Approval}, out)
}
