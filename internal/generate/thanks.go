package generate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"entraide/internal/notify"
)

// Thank-yous, solutions and notifications, at the rates of a forum where
// thanking is one click: about 40 % of newcomers' questions and a third of
// the others get a chosen reply; in a solved thread the asker thanks most
// replies, elsewhere fewer; other readers add a thank-you now and then. The
// notifications are the ones the service would have left: one per thread
// for its replies, one per thanked post, one per solution, the older ones
// read. The counters are computed from these rows by the packages keeping
// them (forum.Recount, notify.Recount).

type planThank struct {
	post int32 // index in plan.posts
	user int32
	at   int64
}

type planNote struct {
	recipient, actor int32
	kind             notify.Kind
	thread           int32
	post             int32 // index in plan.posts
	count            int32
	at               int64
	read             bool
}

type thanksPlan struct {
	thanks    []planThank
	notes     []planNote
	solution  []int32 // per thread: index in plan.posts of its solution, or -1
	postCount []int32 // per post: thank-yous
}

func (p *plan) planThanks(seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x7468616e6b73))
	tp := &thanksPlan{solution: make([]int32, len(p.threads)), postCount: make([]int32, len(p.posts))}
	p.thanks = tp
	replies := make([][]int32, len(p.threads)) // visible replies by others, in order
	for i, po := range p.posts {
		t := &p.threads[po.thread]
		if po.pos > 1 && !po.deleted && po.author != t.author {
			replies[po.thread] = append(replies[po.thread], int32(i))
		}
	}
	readBefore := p.now - 3*day
	for ti := range p.threads {
		tp.solution[ti] = -1
		t := &p.threads[ti]
		list := replies[ti]
		if len(list) == 0 || t.deleted {
			continue
		}
		rate := 0.33
		if p.sections[t.section].newcomers {
			rate = 0.4
		}
		solved := r.Float64() < rate
		askerRate := 0.3
		if solved {
			askerRate = 0.85
			pick := list[min(len(list)-1, int(r.ExpFloat64()))]
			tp.solution[ti] = pick
			at := p.later(r, p.posts[pick].at)
			tp.notes = append(tp.notes, planNote{recipient: p.posts[pick].author, actor: t.author, kind: notify.KindSolution,
				thread: int32(ti), post: pick, count: 1, at: at, read: at < readBefore || r.Float64() < 0.5})
		}
		last := p.posts[list[len(list)-1]]
		tp.notes = append(tp.notes, planNote{recipient: t.author, actor: last.author, kind: notify.KindReply, thread: int32(ti),
			post: list[0], count: int32(len(list)), at: last.at, read: last.at < readBefore || r.Float64() < 0.4})
		for _, pi := range list {
			po := p.posts[pi]
			thankers := map[int32]bool{}
			if pi == tp.solution[ti] || r.Float64() < askerRate {
				thankers[t.author] = true
			}
			for k := int(r.ExpFloat64() * 0.4); k > 0; k-- {
				if u := p.author(r, po.at); u != po.author {
					thankers[u] = true
				}
			}
			if len(thankers) == 0 {
				continue
			}
			latest := po.at
			for _, u := range sortedKeys(thankers) {
				at := p.later(r, po.at)
				latest = max(latest, at)
				tp.thanks = append(tp.thanks, planThank{post: pi, user: u, at: at})
				tp.postCount[pi]++
			}
			tp.notes = append(tp.notes, planNote{recipient: po.author, actor: t.author, kind: notify.KindThanks, thread: int32(ti),
				post: pi, count: tp.postCount[pi], at: latest, read: latest < readBefore || r.Float64() < 0.5})
		}
	}
}

// sortedKeys keeps the rows in the same order for the same seed.
func sortedKeys(m map[int32]bool) []int32 {
	out := make([]int32, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// writeThanks writes the thank-yous and the notifications.
func (g *gen) writeThanks(ctx context.Context, l loader, pr *progress) error {
	tp := g.p.thanks
	err := l.insert(ctx, "thanks", []string{"post_id", "user_id", "created_at"}, len(tp.thanks), func(i int, row []any) {
		k := tp.thanks[i]
		row[0], row[1], row[2] = g.ids.post+int64(k.post), g.ids.user+int64(k.user), at(k.at)
		pr.tick("thanks", i+1, len(tp.thanks))
	})
	if err != nil {
		return err
	}
	cols := []string{"recipient_id", "kind", "subject", "link", "title", "actor_id", "post_id", "actor_count", "created_at", "read_at"}
	return l.insert(ctx, "notifications", cols, len(tp.notes), func(i int, row []any) {
		n := tp.notes[i]
		postID := g.ids.post + int64(n.post)
		subject := "post:" + strconv.FormatInt(postID, 10)
		if n.kind == notify.KindReply {
			subject = "thread:" + strconv.FormatInt(g.ids.thread+int64(n.thread), 10)
		}
		row[0], row[1], row[2], row[3], row[4] = g.ids.user+int64(n.recipient), string(n.kind), subject, "/p/"+strconv.FormatInt(postID, 10), g.title(int(n.thread))
		row[5], row[6], row[7], row[8], row[9] = g.ids.user+int64(n.actor), postID, n.count, at(n.at), nullable(min(g.p.now, n.at+hour), n.read)
		pr.tick("notifications", i+1, len(tp.notes))
	})
}

// solutionID is the thread's solution post id, or nil.
func (g *gen) solutionID(thread int) any {
	if pi := g.p.thanks.solution[thread]; pi >= 0 {
		return g.ids.post + int64(pi)
	}
	return nil
}

func (tp *thanksPlan) String() string {
	solved := 0
	for _, s := range tp.solution {
		if s >= 0 {
			solved++
		}
	}
	return fmt.Sprintf("%d thank-yous, %d solved threads, %d notifications", len(tp.thanks), solved, len(tp.notes))
}
