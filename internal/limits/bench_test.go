package limits_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// BenchmarkReply compares a member's reply with the rules' checks (the
// author's lock, the rules' values, the recent-activity count, the watched
// words) and without them. The clock moves a minute per reply so that the
// hourly limit never stops the run.
func BenchmarkReply(b *testing.B) {
	srv := testkit.NewServer(b)
	ctx := context.Background()
	if err := srv.App.Rules.Set(ctx, rules.RepliesPerHourMember, "1000"); err != nil {
		b.Fatal(err)
	}
	_, member := srv.NewUser(accounts.Member)
	_, admin := srv.NewUser(accounts.Admin)
	if _, err := srv.App.Words.Add(ctx, admin, "casino en ligne", "block"); err != nil {
		b.Fatal(err)
	}
	sec, err := srv.App.Forum.SectionBySlug(ctx, admin, "entre-nous")
	if err != nil {
		b.Fatal(err)
	}
	th, err := srv.App.Forum.CreateThread(ctx, admin, forum.NewThread{SectionID: sec.ID, Title: "Un fil pour mesurer", Body: "Mesurons."})
	if err != nil {
		b.Fatal(err)
	}
	var tick atomic.Int64
	base := time.Now().UTC()
	srv.App.Forum.SetClock(func() time.Time { return base.Add(time.Duration(tick.Add(1)) * time.Minute).Truncate(time.Microsecond) })
	for _, with := range []bool{false, true} {
		name := "without-rules"
		if with {
			name = "with-rules"
			srv.App.Forum.SetPostRules(srv.App.Limits)
		} else {
			srv.App.Forum.SetPostRules(nil)
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				if _, err := srv.App.Forum.Reply(ctx, member, th.ID, fmt.Sprintf("Réponse numéro %d, un texte ordinaire.", tick.Load())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
