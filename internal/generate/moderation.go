package generate

import (
	"context"
	"math/rand/v2"
)

// Moderation at the rates of a quiet professional forum: about one thread
// in a hundred closed as a duplicate of an earlier one of its section, one
// in three hundred closed, two posts in a thousand hidden by the
// moderators, three in a thousand flagged by one or two members. None of
// it moves a counter: hidden posts still count, as the forum counts them.

const (
	duplicateRate = 0.01
	closedRate    = 0.003
	hiddenPerMil  = 2
	flaggedPerMil = 3
)

// planModeration closes some threads, as duplicates of an earlier live
// thread of their section that is no duplicate itself, or plainly.
func (p *plan) planModeration(r *rand.Rand) {
	for i := range p.threads {
		t := &p.threads[i]
		if t.pinned || t.deleted {
			continue
		}
		switch x := r.Float64(); {
		case x < duplicateRate:
			for j := i - 1; j >= 0 && j >= i-200; j-- {
				c := &p.threads[j]
				if c.section == t.section && !c.deleted && c.duplicateOf == 0 && !c.closed {
					t.closed, t.duplicateOf = true, int32(j)+1
					break
				}
			}
		case x < duplicateRate+closedRate:
			t.closed = true
		}
	}
}

// duplicateOf is the thread's duplicate_of column.
func (g *gen) duplicateOf(t *planThread) any {
	if t.duplicateOf == 0 {
		return nil
	}
	return g.ids.thread + int64(t.duplicateOf-1)
}

// perMil spreads indexes evenly over a thousand.
func perMil(i int, salt uint64) uint64 { return (uint64(i)*2654435761 + salt) % 1000 }

// hiddenRow is a post's hidden_at and hidden_reason: a few replies hidden
// an hour after they were written.
func hiddenRow(i int, po *planPost) (any, string) {
	if po.pos == 1 || po.deleted || perMil(i, 17) >= hiddenPerMil {
		return nil, ""
	}
	return at(po.at + hour), "Publicité"
}

var flagKinds = []string{"spam", "off_topic", "abuse"}

// writeFlags writes pending flags on a few visible posts, by one or two
// members other than the author.
func (g *gen) writeFlags(ctx context.Context, l loader, pr *progress) error {
	p := g.p
	type flag struct {
		post, user int64
		kind       string
		at         int64
	}
	var flags []flag
	for i := range p.posts {
		po := &p.posts[i]
		if po.deleted || perMil(i, 911) >= flaggedPerMil {
			continue
		}
		for k := 0; k < 1+i%2; k++ {
			u := (int(po.author) + 1 + k*7) % len(p.users)
			if int32(u) == po.author {
				continue
			}
			flags = append(flags, flag{g.ids.post + int64(i), g.ids.user + int64(u), flagKinds[(i+k)%len(flagKinds)], po.at + 2*hour})
		}
	}
	cols := []string{"post_id", "user_id", "kind", "sentence", "created_at"}
	return l.insert(ctx, "flags", cols, len(flags), func(i int, row []any) {
		f := flags[i]
		row[0], row[1], row[2], row[3], row[4] = f.post, f.user, f.kind, "", at(f.at)
		pr.tick("flags", i+1, len(flags))
	})
}
