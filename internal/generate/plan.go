package generate

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"entraide/internal/accounts"
)

// The plan decides every row and every counter before anything is written:
// who joins when, which threads get answers and when, who edits what. Times
// are Unix microseconds, the precision the forum stores.

type planUser struct {
	created          int64
	weight           float64 // how much the member posts
	role             accounts.Role
	threads, replies int32 // visible ones, as the forum counts them
}

type planThread struct {
	created, lastAt int64 // lastAt: its latest visible post's time, for updated_at
	section         int32 // index in plan.sections
	author          int32
	posts           int32 // every post, deleted ones included
	pinned, locked  bool
	deleted         bool
	// Moderation (moderation.go): closed, or closed as a duplicate of the
	// thread at index duplicateOf+1 (0: none).
	closed      bool
	duplicateOf int32
}

type planPost struct {
	at      int64
	later   int64 // when it was edited or deleted
	thread  int32
	pos     int32
	author  int32
	edits   uint8
	deleted bool
}

type planSection struct {
	id        int64
	newcomers bool
}

type plan struct {
	start, now int64
	users      []planUser
	cum        []float64 // cumulative weights, for picking authors
	threads    []planThread
	posts      []planPost // in id order: chronological
	sections   []planSection
	revisions  int
	thanks     *thanksPlan // thanks.go
}

const (
	minute = int64(time.Minute / time.Microsecond)
	hour   = 60 * minute
	day    = 24 * hour
)

// makePlan lays out the whole forum. sections are the open sections to
// fill.
func makePlan(o Options, sections []planSection) *plan {
	r := rand.New(rand.NewPCG(o.Seed, 0x706c616e))
	p := &plan{now: o.Now.UnixMicro(), sections: sections}
	p.start = p.now - o.Span.Microseconds()
	p.planUsers(r, o.Users)
	p.planThreads(r, o.Threads)
	counts := p.replyCounts(r, o)
	p.planPosts(r, counts)
	p.count()
	p.planThanks(o.Seed)
	return p
}

// growth spreads n events over [from, to], denser towards the end as a
// community grows: the density rises linearly.
func growth(r *rand.Rand, i, n int, from, to int64) int64 {
	u := (float64(i) + r.Float64()) / float64(n)
	return from + int64(float64(to-from)*math.Sqrt(u))
}

func (p *plan) planUsers(r *rand.Rand, n int) {
	p.users = make([]planUser, n)
	founders := max(1, n/100)
	recent := p.now - 45*day
	for i := range p.users {
		u := &p.users[i]
		if i < founders {
			u.created = p.start - int64(founders-i)*day*30/int64(founders)
		} else {
			u.created = growth(r, i-founders, n-founders, p.start, p.now-hour)
		}
		u.weight = math.Exp(r.NormFloat64() * 1.3)
		u.role = accounts.Member
		if u.created > recent || r.Float64() < 0.2 {
			u.role = accounts.Newcomer
			u.weight *= 0.3
		}
	}
	p.users[0].role = accounts.Admin
	// Moderators are early, active members.
	for i := 1; i <= max(1, n/2000) && i < founders; i++ {
		p.users[i].role = accounts.Moderator
		p.users[i].weight *= 3
	}
	p.cum = make([]float64, n)
	sum := 0.0
	for i, u := range p.users {
		sum += u.weight
		p.cum[i] = sum
	}
}

// author picks a member who had joined before at, the active ones more
// often.
func (p *plan) author(r *rand.Rand, at int64) int32 {
	k := sort.Search(len(p.users), func(i int) bool { return p.users[i].created >= at })
	k = max(k, 1)
	x := r.Float64() * p.cum[k-1]
	return int32(min(sort.SearchFloat64s(p.cum[:k], x), k-1))
}

func (p *plan) planThreads(r *rand.Rand, n int) {
	p.threads = make([]planThread, n)
	newcomers := -1
	weights := make([]float64, len(p.sections))
	total := 0.0
	for i, s := range p.sections {
		weights[i] = 1 / (1 + 0.25*float64(i))
		if s.newcomers {
			newcomers = i
			weights[i] = 0.3
		}
		total += weights[i]
	}
	for i := range p.threads {
		t := &p.threads[i]
		t.created = growth(r, i, n, p.start, p.now-hour)
		t.author = p.author(r, t.created)
		if newcomers >= 0 && p.users[t.author].role == accounts.Newcomer {
			t.section = int32(newcomers)
			continue
		}
		x := r.Float64() * total
		for j, w := range weights {
			if x < w || j == len(weights)-1 {
				t.section = int32(j)
				break
			}
			x -= w
		}
	}
	// The oldest threads of each section are its pinned guides.
	pinned := make([]int, len(p.sections))
	for i := range p.threads {
		t := &p.threads[i]
		if pinned[t.section] < 2 {
			pinned[t.section]++
			t.pinned = true
		}
		t.locked = r.Float64() < 0.003
	}
	p.planModeration(r)
}

// replyCounts shares the replies among threads: a few very long threads,
// some unanswered ones, most with a handful and a long tail.
func (p *plan) replyCounts(r *rand.Rand, o Options) []int32 {
	n := len(p.threads)
	counts := make([]int32, n)
	replies := o.Posts - o.Threads
	long := o.LongThreads
	for long > 0 && long*o.LongReplies*2 > replies {
		long--
	}
	isLong := map[int]bool{}
	for len(isLong) < long {
		isLong[r.IntN(max(1, n/2))] = true
	}
	for i := range isLong {
		counts[i] = int32(o.LongReplies)
		replies -= o.LongReplies
	}
	const capReplies = 600
	weights := make([]float64, n)
	total := 0.0
	for i := range weights {
		if isLong[i] || r.Float64() < 0.07 {
			continue
		}
		w := math.Exp(r.NormFloat64() * 1.1)
		if age := p.now - p.threads[i].created; age < 14*day {
			w *= max(0.05, float64(age)/float64(14*day))
		}
		weights[i] = w
		total += w
	}
	if total == 0 {
		for i := range weights {
			if !isLong[i] {
				weights[i], total = 1, total+1
			}
		}
	}
	left := replies
	for i, w := range weights {
		if w > 0 {
			c := min(int(float64(replies)*w/total), capReplies)
			counts[i] = int32(c)
			left -= c
		}
	}
	for tries := 0; left > 0 && tries < 100*n+replies; tries++ {
		i := r.IntN(n)
		if weights[i] > 0 && counts[i] < capReplies {
			counts[i]++
			left--
		}
	}
	return counts
}

func (p *plan) planPosts(r *rand.Rand, counts []int32) {
	total := 0
	for _, c := range counts {
		total += int(c) + 1
	}
	p.posts = make([]planPost, 0, total)
	times := []int64{}
	for ti := range p.threads {
		t := &p.threads[ti]
		n := int(counts[ti])
		end := p.now
		if n < 1000 {
			life := int64(r.ExpFloat64() * float64(5*day) * (1 + float64(n)/15))
			end = min(p.now, t.created+hour+life)
		}
		times = times[:0]
		for range n {
			u := r.Float64()
			if n < 1000 {
				u *= u // answers come early
			}
			times = append(times, min(p.now, t.created+minute+int64(float64(end-t.created-minute)*u)))
		}
		slices.Sort(times)
		p.posts = append(p.posts, planPost{at: t.created, thread: int32(ti), pos: 1, author: t.author})
		for j, at := range times {
			a := t.author
			if r.Float64() >= 0.15 {
				a = p.author(r, at)
			}
			p.posts = append(p.posts, planPost{at: at, thread: int32(ti), pos: int32(j + 2), author: a})
		}
		t.deleted = n == 0 && !t.pinned && r.Float64() < 0.01
	}
	for i := range p.posts {
		po := &p.posts[i]
		first := po.pos == 1
		switch x := r.Float64(); {
		case first && p.threads[po.thread].deleted:
			po.deleted, po.later = true, p.later(r, po.at)
		case !first && x < 0.01:
			po.deleted, po.later = true, p.later(r, po.at)
		case x < 0.04 || (first && x < 0.07):
			po.edits = uint8(1 + min(2, int(r.ExpFloat64()*0.5)))
			po.later = p.later(r, po.at)
			p.revisions += int(po.edits)
		}
	}
	slices.SortFunc(p.posts, func(a, b planPost) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.thread, b.thread), cmp.Compare(a.pos, b.pos))
	})
}

// later is a moment after at, minutes to days, never in the future.
func (p *plan) later(r *rand.Rand, at int64) int64 {
	return min(p.now, at+minute+int64(r.ExpFloat64()*float64(6*hour)))
}

// count notes what later choices need: each thread's number of posts and
// latest visible post (deleting a reply gives the activity back to the one
// before), and which members posted. The counters the forum keeps are not
// planned here: forum.Recount computes them from the rows.
func (p *plan) count() {
	for _, po := range p.posts {
		t := &p.threads[po.thread]
		t.posts = max(t.posts, po.pos)
		if po.deleted {
			continue
		}
		if po.pos == 1 || po.at >= t.lastAt {
			t.lastAt = po.at
		}
		if po.pos > 1 {
			p.users[po.author].replies++
		}
	}
	for i := range p.threads {
		t := &p.threads[i]
		if t.deleted {
			// Its only post is gone; the thread keeps the time it was opened.
			t.lastAt = t.created
			continue
		}
		p.users[t.author].threads++
	}
}
