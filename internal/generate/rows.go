package generate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/approval"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/notify"
)

// gen turns the plan into rows.
type gen struct {
	o     Options
	p     *plan
	pool  *blocks
	hash  string
	ids   firstIDs
	taken map[string]bool

	usernames []string
	emails    []string
	displays  []string
}

func at(micros int64) time.Time { return time.UnixMicro(micros).UTC() }

func nullable(micros int64, set bool) any {
	if !set {
		return nil
	}
	return at(micros)
}

// names gives every member a unique username and email, the way people
// choose them: first names, initials, their trade, a number when taken.
func (g *gen) names() {
	w := writer{rand.New(rand.NewPCG(g.o.Seed, 0x6e616d65))}
	n := len(g.p.users)
	g.usernames, g.emails, g.displays = make([]string, n), make([]string, n), make([]string, n)
	for i := range g.p.users {
		first, last := w.pick(firstNames), w.pick(lastNames)
		base := g.username(w, first, last)
		name := base
		for k := 2; g.taken[accounts.UsernameKey(name)] || accounts.CheckUsername(name) != ""; k++ {
			name = truncate(base, 24) + strconv.Itoa(k)
			if k > 100 {
				name = "membre" + strconv.Itoa(i) + "-" + strconv.Itoa(k)
			}
		}
		key := accounts.UsernameKey(name)
		email := asciiLocal(key) + "@" + w.pick([]string{"exemple.fr", "exemple.com", "exemple.org", "courriel.exemple"})
		for k := 2; g.taken[accounts.EmailKey(email)]; k++ {
			email = asciiLocal(key) + strconv.Itoa(k) + "@exemple.net"
		}
		g.taken[key], g.taken[accounts.EmailKey(email)] = true, true
		g.usernames[i], g.emails[i] = name, email
		switch x := w.r.Float64(); {
		case x < 0.4:
			g.displays[i] = first + " " + last
		case x < 0.6:
			g.displays[i] = first + " " + initial(last) + "."
		}
	}
}

func (g *gen) username(w writer, first, last string) string {
	lower := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }
	var s string
	switch w.r.IntN(7) {
	case 0:
		s = lower(first) + "." + lower(last)
	case 1:
		s = lower(first) + "_" + initial(lower(last))
	case 2:
		s = first + strings.ReplaceAll(last, " ", "")
	case 3:
		s = lower(first) + strconv.Itoa(w.between(1, 99))
	case 4:
		s = w.pick(userTrades) + "." + lower(first)
	case 5:
		s = initial(lower(first)) + "." + lower(last)
	default:
		s = lower(first) + "-" + lower(last)
	}
	if w.chance(0.6) {
		// Many type their name without accents.
		s = asciiLocal(s)
	}
	return truncate(s, 30)
}

func initial(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return strings.TrimRight(string(r[:n]), ".-_")
	}
	return s
}

// asciiLocal keeps an email's local part to plain letters and digits.
func asciiLocal(s string) string {
	s = accounts.UsernameKey(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r == 'æ':
			b.WriteString("ae")
		case r == 'œ':
			b.WriteString("oe")
		}
	}
	return b.String()
}

func (g *gen) title(thread int) string {
	return writer{rand.New(rand.NewPCG(g.o.Seed^0x7469746c, uint64(thread)))}.title()
}

// body composes post i's text (in id order) and returns its random source,
// from which its earlier versions are drawn.
func (g *gen) body(i int) (*post, *rand.Rand) {
	r := g.postRand(i)
	if g.p.posts[i].pos == 1 {
		return g.pool.opening(r), r
	}
	return g.pool.reply(r), r
}

func (g *gen) write(ctx context.Context, l loader, pr *progress) error {
	p := g.p
	// Counters are left at zero: recount computes them once every row is in.
	users := []string{"id", "username", "username_key", "email", "email_key", "password_hash", "role", "display_name",
		"bio", "locale", "session_version", "created_at", "updated_at", "username_skeleton"}
	bios := writer{rand.New(rand.NewPCG(g.o.Seed, 0x62696f))}
	err := l.insert(ctx, "users", users, len(p.users), func(i int, row []any) {
		u := &p.users[i]
		locale := ""
		if i%31 == 7 {
			locale = "en"
		}
		row[0], row[1], row[2], row[3], row[4] = g.ids.user+int64(i), g.usernames[i], accounts.UsernameKey(g.usernames[i]), g.emails[i], accounts.EmailKey(g.emails[i])
		row[5], row[6], row[7], row[8], row[9] = g.hash, string(u.role), g.displays[i], bios.bio(), locale
		row[10], row[11], row[12], row[13] = 1, at(u.created), at(u.created), accounts.UsernameSkeleton(g.usernames[i])
		pr.tick("members", i+1, len(p.users))
	})
	if err != nil {
		return err
	}
	// A thread's last activity starts as its opening's, as the service
	// writes it; recount moves it to its latest visible post.
	threads := []string{"id", "section_id", "author_id", "title", "slug", "pinned", "locked",
		"last_post_at", "last_author_id", "deleted_at", "created_at", "updated_at", "solution_post_id", "closed", "duplicate_of"}
	err = l.insert(ctx, "threads", threads, len(p.threads), func(i int, row []any) {
		t := &p.threads[i]
		title := g.title(i)
		updated := t.lastAt
		if t.deleted {
			updated = t.created + hour
		}
		row[0], row[1], row[2], row[3], row[4] = g.ids.thread+int64(i), p.sections[t.section].id, g.ids.user+int64(t.author), title, forum.MakeSlug(title)
		row[5], row[6], row[7], row[8] = t.pinned, t.locked, at(t.created), g.ids.user+int64(t.author)
		row[9], row[10], row[11] = nullable(updated, t.deleted), at(t.created), at(updated)
		row[12], row[13], row[14] = g.solutionID(i), t.closed, g.duplicateOf(t)
		pr.tick("threads", i+1, len(p.threads))
	})
	if err != nil {
		return err
	}
	// A post's edit and thank-you counts are those of the revisions and
	// thank-yous written below for it: left to the recount, they would cost
	// a second version of a third of the posts (about 2.5 s per 100,000
	// posts on PostgreSQL). The recount still checks them.
	posts := []string{"id", "thread_id", "author_id", "position", "body", "body_html", "edit_count", "edited_at",
		"deleted_at", "created_at", "updated_at", "thank_count", "hidden_at", "hidden_reason"}
	err = l.insert(ctx, "posts", posts, len(p.posts), func(i int, row []any) {
		po := &p.posts[i]
		b, _ := g.body(i)
		updated := po.at
		if po.edits > 0 || po.deleted {
			updated = po.later
		}
		row[0], row[1], row[2], row[3], row[4] = g.ids.post+int64(i), g.ids.thread+int64(po.thread), g.ids.user+int64(po.author), po.pos, b.markdown()
		row[5], row[6], row[7], row[8] = b.html(), int(po.edits), nullable(po.later, po.edits > 0), nullable(po.later, po.deleted)
		row[9], row[10], row[11] = at(po.at), at(updated), g.p.thanks.postCount[i]
		row[12], row[13] = hiddenRow(i, po)
		pr.tick("posts", i+1, len(p.posts))
	})
	if err != nil {
		return err
	}
	if err := g.writeRevisions(ctx, l, pr); err != nil {
		return err
	}
	if err := g.writeThanks(ctx, l, pr); err != nil {
		return err
	}
	if err := g.writeFlags(ctx, l, pr); err != nil {
		return err
	}
	if err := g.writeAskSessions(ctx, l, pr); err != nil {
		return err
	}
	if err := g.writeMembers(ctx, l, pr); err != nil {
		return err
	}
	if err := g.watchedWords(ctx, l); err != nil {
		return err
	}
	if err := g.pendingPosts(ctx, l); err != nil {
		return err
	}
	// The packages that keep the counters compute them from the rows.
	pr.say("counting")
	for _, recount := range []func(context.Context, db.Execer) error{forum.Recount, accounts.Recount, notify.Recount, approval.Recount} {
		if err := recount(ctx, l); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	if _, ok := l.(pgLoader); ok {
		// Rows carry their ids; the identity sequences must move past them.
		for _, table := range []string{"users", "threads", "posts", "post_revisions", "notifications"} {
			q := "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))"
			if err := l.Exec(ctx, q); err != nil {
				return fmt.Errorf("generate: sequence of %s: %w", table, err)
			}
		}
	}
	pr.say("written: %d members, %d threads, %d posts, %d revisions, %s", len(p.users), len(p.threads), len(p.posts), p.revisions, p.thanks)
	return nil
}

// writeRevisions keeps the earlier versions of edited posts, oldest first,
// as EditPost does: the revision of edit k holds the text before it.
func (g *gen) writeRevisions(ctx context.Context, l loader, pr *progress) error {
	type rev struct {
		post        int
		title, body string
		author      int32
		at          int64
	}
	var revs []rev
	for i, po := range g.p.posts {
		if po.edits == 0 {
			continue
		}
		b, r := g.body(i)
		versions := []*post{b}
		for range po.edits {
			versions = append(versions, g.pool.revise(r, versions[len(versions)-1]))
		}
		for k := 1; k <= int(po.edits); k++ {
			when := po.at + (po.later-po.at)*int64(k)/int64(po.edits)
			rv := rev{post: i, body: versions[int(po.edits)-k+1].markdown(), author: po.author, at: when}
			if po.pos == 1 {
				rv.title = g.title(int(po.thread))
			}
			revs = append(revs, rv)
		}
	}
	cols := []string{"id", "post_id", "editor_id", "title", "body", "created_at"}
	return l.insert(ctx, "post_revisions", cols, len(revs), func(i int, row []any) {
		rv := revs[i]
		row[0], row[1], row[2], row[3], row[4], row[5] = g.ids.revision+int64(i), g.ids.post+int64(rv.post), g.ids.user+int64(rv.author), rv.title, rv.body, at(rv.at)
		pr.tick("revisions", i+1, len(revs))
	})
}
