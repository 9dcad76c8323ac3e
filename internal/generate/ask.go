package generate

import (
	"context"
	crand "crypto/rand"
	"encoding/base64"
	"math/rand/v2"
	"strconv"
	"strings"

	"entraide/internal/accounts"
)

// Ask sessions (internal/ask) at the rates a forum with a search-first flow
// would see: every newcomer's thread comes from a session ended as posted,
// opened a few minutes before it; for each of those, about one and a half
// sessions end as found (a third of them on a guide) and seven in ten are
// abandoned; two in five of the found and abandoned ones are visitors'.
const (
	foundPerPosted     = 1.5
	abandonedPerPosted = 0.7
	visitorShare       = 0.4
)

// writeAskSessions writes the sessions, after the threads they point to.
func (g *gen) writeAskSessions(ctx context.Context, l loader, pr *progress) error {
	p := g.p
	r := rand.New(rand.NewPCG(g.o.Seed, 0x61736b))
	type session struct {
		user            int32 // -1: a visitor
		query           string
		shown, opened   []int32
		outcome         string
		thread, found   int32 // -1: none
		created, expire int64
	}
	var guides []int32
	for i := range p.threads {
		if p.threads[i].pinned && p.sections[p.threads[i].section].newcomers {
			guides = append(guides, int32(i))
		}
	}
	earlier := func(before int) []int32 {
		var out []int32
		for n := 2 + r.IntN(6); len(out) < n && before > 0; {
			out = append(out, int32(r.IntN(before)))
		}
		return out
	}
	var sessions []session
	for i := range p.threads {
		t := &p.threads[i]
		if p.users[t.author].role != accounts.Newcomer || !p.sections[t.section].newcomers {
			continue
		}
		created := t.created - 2*minute - r.Int64N(20*minute)
		sessions = append(sessions, session{user: t.author, query: strings.ToLower(g.title(i)), shown: earlier(i),
			outcome: "posted", thread: int32(i), found: -1, created: created, expire: created + 2*hour})
	}
	posted := len(sessions)
	extra := int(float64(posted) * (foundPerPosted + abandonedPerPosted))
	for k := 0; k < extra && len(p.threads) > 1; k++ {
		i := 1 + r.IntN(len(p.threads)-1) // a moment of the forum's life: the thread i's
		t := &p.threads[i]
		s := session{user: -1, query: strings.ToLower(g.title(r.IntN(i + 1))), shown: earlier(i), thread: -1, found: -1,
			created: t.created, expire: t.created + 2*hour, outcome: "abandoned"}
		if r.Float64() >= visitorShare {
			s.user = p.author(r, t.created)
		}
		if k < int(float64(posted)*foundPerPosted) && len(s.shown) > 0 {
			s.outcome, s.found = "found", s.shown[0]
			if len(guides) > 0 && r.IntN(3) == 0 && guides[0] < int32(i) {
				s.found = guides[r.IntN(len(guides))]
				for s.found >= int32(i) {
					s.found = guides[0]
				}
				s.shown = append(s.shown, s.found)
			}
			s.opened = []int32{s.found}
		} else if len(s.shown) > 0 && r.IntN(2) == 0 {
			s.opened = s.shown[:1]
		}
		sessions = append(sessions, s)
	}
	ids := func(list []int32) string {
		parts := make([]string, len(list))
		for i, t := range list {
			parts[i] = strconv.FormatInt(g.ids.thread+int64(t), 10)
		}
		return strings.Join(parts, " ")
	}
	token := make([]byte, 18)
	cols := []string{"token", "user_id", "query", "shown", "opened", "outcome", "thread_id", "found_thread_id",
		"created_at", "updated_at", "expires_at", "shown_at", "ended_at"}
	return l.insert(ctx, "ask_sessions", cols, len(sessions), func(i int, row []any) {
		s := &sessions[i]
		_, _ = crand.Read(token) // secrets, never the same twice, even with --force
		ended := s.created + 3*minute
		switch s.outcome {
		case "posted":
			ended = p.threads[s.thread].created
		case "abandoned":
			ended = s.expire
		}
		row[0], row[1], row[2], row[3], row[4] = base64.RawURLEncoding.EncodeToString(token), nil, s.query, ids(s.shown), ids(s.opened)
		if s.user >= 0 {
			row[1] = g.ids.user + int64(s.user)
		}
		row[5], row[6], row[7] = s.outcome, nil, nil
		if s.thread >= 0 {
			row[6] = g.ids.thread + int64(s.thread)
		}
		if s.found >= 0 {
			row[7] = g.ids.thread + int64(s.found)
		}
		row[8], row[9], row[10], row[11], row[12] = at(s.created), at(ended), at(s.expire), at(s.created+30*1_000_000), at(ended)
		pr.tick("ask sessions", i+1, len(sessions))
	})
}
