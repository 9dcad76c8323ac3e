// Package demo fills an empty forum with demonstration content written for
// it in French: members of a community of independent secretaries, guides for
// newcomers and threads spread over the last two months.
package demo

import (
	"context"
	"entraide/internal/approval"
	"entraide/internal/markup"
	"entraide/internal/rules"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/forum"
	"entraide/internal/moderation"
	"entraide/internal/notify"
	"entraide/internal/replies"
	"entraide/internal/words"
)

// Deps are the services the demo writes through (never raw SQL: the same
// rules and counters as real members).
type Deps struct {
	Accounts *accounts.Service
	Forum    *forum.Service
	Notify   *notify.Service // optional: its clock follows the story too
	Ask      *ask.Service    // newcomers' threads go through the ask flow
	// Profiles and Replies write the members' profiles and canned replies;
	// either nil leaves them out.
	Profiles *accounts.Profiles
	Replies  *replies.Service
	// Words is the moderators' list of watched words; nil leaves it out.
	Words *words.Service
	// Rules, when set, has the approval of newcomers' first posts turned
	// off while the story is written (its newcomers' posts are published,
	// as if approved long ago) and back as it was afterwards.
	Rules *rules.Book
	// Approval, when set, receives one newcomer's reply held by a watched
	// word, so /mod/queue has a post waiting.
	Approval *approval.Service
	// Moderation pins the guides and closes a duplicate (moderation.go);
	// nil leaves them out.
	Moderation *moderation.Service
}

// demoTried is what the demo's newcomers say they already read or tried.
const demoTried = "J'ai lu les guides de la rubrique des nouveaux membres et les discussions que la recherche m'a montrées."

// open opens a thread as a person would: a newcomer through the ask flow
// (the sentence, what exists, then the form), a member directly.
func (d Deps) open(ctx context.Context, author *accounts.User, in forum.NewThread) (*forum.Thread, error) {
	if author.Can(accounts.Member) || d.Ask == nil {
		return d.Forum.CreateThread(ctx, author, in)
	}
	sess, err := d.Ask.Walk(ctx, author, in.Title)
	if err != nil {
		return nil, err
	}
	in.AskSession, in.Tried = sess.Token, demoTried
	return d.Ask.Post(ctx, author, in)
}

// ErrNotEmpty is returned by Load when the forum already has threads or one
// of the demo accounts: the demo only ever fills an empty forum.
var ErrNotEmpty = errors.New("demo: the forum is not empty")

// DemoPassword is the password of every demo account (printed by Load so a
// person trying the forum can log in).
const DemoPassword = "cafe casque agenda"

// everyone reads every section, restricted ones included, to see what the
// forum holds before writing to it.
var everyone = &accounts.User{Role: accounts.Admin}

// Load writes the demo members, guides and threads; it refuses (ErrNotEmpty)
// when the forum already has threads. Posts are dated over the last 60 days
// through the forum's clock, which is the real one again when Load returns.
func Load(ctx context.Context, d Deps, out io.Writer) error {
	sections, err := d.Forum.Sections(ctx, everyone)
	if err != nil {
		return err
	}
	sectionIDs := map[string]int64{}
	for _, s := range sections {
		if s.ThreadCount > 0 {
			return fmt.Errorf("%w: section %q has threads", ErrNotEmpty, s.Slug)
		}
		sectionIDs[s.Slug] = s.ID
	}
	for _, t := range threads {
		if sectionIDs[t.Section] == 0 {
			return fmt.Errorf("demo: section %q is missing", t.Section)
		}
	}
	for _, m := range members {
		if _, err := d.Accounts.ByUsername(ctx, m.Username); err == nil {
			return fmt.Errorf("%w: the account %q exists", ErrNotEmpty, m.Username)
		}
	}
	users, err := createMembers(ctx, d.Accounts)
	if err != nil {
		return err
	}
	if err := writeProfiles(ctx, d, users); err != nil {
		return err
	}
	if d.Words != nil {
		if err := writeWatchedWords(ctx, d.Words, users); err != nil {
			return err
		}
	}
	real := func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
	clock := func(now func() time.Time) {
		d.Forum.SetClock(now)
		if d.Notify != nil {
			d.Notify.SetClock(now)
		}
		if d.Ask != nil {
			d.Ask.SetClock(now)
		}
	}
	defer clock(real)
	if d.Rules != nil {
		v, err := d.Rules.Values(ctx)
		if err != nil {
			return err
		}
		if err := d.Rules.Set(ctx, rules.ApprovalFirstPosts, "0"); err != nil {
			return err
		}
		defer d.Rules.Set(ctx, rules.ApprovalFirstPosts, v[rules.ApprovalFirstPosts]) //nolint:errcheck // restored as it was
	}
	now := time.Now()
	posts, postIDs, err := writeThreads(ctx, d, users, sectionIDs, now)
	if err != nil {
		return err
	}
	if err := acknowledge(ctx, d.Forum, users, postIDs, now, clock); err != nil {
		return err
	}
	if d.Approval != nil {
		if err := holdOne(ctx, d, users, postIDs); err != nil {
			return err
		}
	}
	if err := moderate(ctx, d, users, postIDs, now); err != nil {
		return err
	}
	fmt.Fprintf(out, "Demo content loaded: %d members, %d threads, %d posts.\n", len(members), len(threads), posts)
	fmt.Fprintf(out, "Log in with one of these usernames and the password %q:\n", DemoPassword)
	for _, m := range members {
		fmt.Fprintf(out, "  %-22s %-10s %s\n", m.Username, m.Role, m.About)
	}
	if d.Replies != nil {
		fmt.Fprintf(out, "%d canned replies, the team's and members' own; profiles say how each member accepts to be contacted.\n", len(cannedReplies))
	}
	if d.Words != nil {
		fmt.Fprintf(out, "%d watched words at /mod/words; the rules the forum applies are at /rules.\n", len(watched))
	}
	fmt.Fprintln(out, "These guides for newcomers are pinned:")
	for _, t := range threads {
		if t.Guide {
			fmt.Fprintf(out, "  %s\n", t.Title)
		}
	}
	return nil
}

// createMembers registers the demo members; the admin, created first,
// promotes them.
func createMembers(ctx context.Context, s *accounts.Service) (map[string]*accounts.User, error) {
	users := map[string]*accounts.User{}
	var owner *accounts.User
	for _, m := range members {
		var u *accounts.User
		var err error
		if m.Role == accounts.Admin {
			u, err = s.CreateAdmin(ctx, m.Username, m.Email, DemoPassword)
			owner = u
		} else {
			u, err = s.Register(ctx, accounts.Registration{Username: m.Username, Email: m.Email,
				Password: DemoPassword, Confirm: DemoPassword, Locale: "fr"})
			if err == nil && m.Role != accounts.Newcomer {
				u, err = s.SetRole(ctx, owner, u.ID, m.Role)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("demo: member %s: %w", m.Username, err)
		}
		users[m.Username] = u
	}
	return users, nil
}

// step is one write: a thread's opening (reply -1) or a reply, or its edit.
type step struct {
	at            time.Time
	thread, reply int
	edit          bool
}

// writeThreads writes every post and edit in the order of their dates, so
// that ids, positions and "last activity" follow the story, and returns the
// number of posts written and their ids, by thread, the opening first.
func writeThreads(ctx context.Context, d Deps, users map[string]*accounts.User, sectionIDs map[string]int64, now time.Time) (int, [][]int64, error) {
	var steps []step
	for i, t := range threads {
		for j, p := range append([]post{t.Opening}, t.Replies...) {
			steps = append(steps, step{at: p.At.on(now), thread: i, reply: j - 1})
			if p.Edit != nil {
				steps = append(steps, step{at: p.Edit.At.on(now), thread: i, reply: j - 1, edit: true})
			}
		}
	}
	slices.SortStableFunc(steps, func(a, b step) int { return a.at.Compare(b.at) })
	opened := make([]*forum.Thread, len(threads))
	postIDs := make([][]int64, len(threads)) // by thread, the opening post first
	f := d.Forum
	for _, s := range steps {
		f.SetClock(func() time.Time { return s.at })
		if d.Ask != nil {
			d.Ask.SetClock(func() time.Time { return s.at })
		}
		t := threads[s.thread]
		p := t.Opening
		if s.reply >= 0 {
			p = t.Replies[s.reply]
		}
		author := users[p.Author]
		var err error
		switch {
		case s.edit:
			_, err = f.EditPost(ctx, author, postIDs[s.thread][s.reply+1], forum.Edit{Title: t.Title, Body: p.Edit.Body})
		case s.reply < 0:
			var first []forum.PostView
			if opened[s.thread], err = d.open(ctx, author, forum.NewThread{SectionID: sectionIDs[t.Section], Title: t.Title, Body: p.Body}); err == nil {
				first, err = f.Posts(ctx, opened[s.thread], 1)
			}
			if err == nil {
				postIDs[s.thread] = []int64{first[0].ID}
			}
		default:
			var reply *forum.Post
			if reply, err = f.Reply(ctx, author, opened[s.thread].ID, p.Body); err == nil {
				postIDs[s.thread] = append(postIDs[s.thread], reply.ID)
			}
		}
		if err != nil {
			return 0, nil, fmt.Errorf("demo: %q, post %d by %s: %w", t.Title, s.reply+2, p.Author, err)
		}
	}
	n := 0
	for _, ids := range postIDs {
		n += len(ids)
	}
	return n, postIDs, nil
}

// heldReply is the demo's post waiting at /mod/queue: a newcomer asks
// about a course that promises work, which a watched word holds.
const heldReply = "On m'a proposé une formation garantie avec des clients à la clé, pour 1 900 €. Est-ce que quelqu'un l'a suivie ? Je ne veux pas me tromper."

// holdOne puts Julien's reply in the approval queue, as the watched word
// "formation garanti*" does when he posts it.
func holdOne(ctx context.Context, d Deps, users map[string]*accounts.User, postIDs [][]int64) error {
	i := slices.IndexFunc(threads, func(t thread) bool { return t.Title == "Faut-il une formation pour devenir télésecrétaire ?" })
	if i < 0 || len(postIDs[i]) == 0 {
		return fmt.Errorf("demo: the thread of the held reply is missing")
	}
	pc, err := d.Forum.Post(ctx, everyone, postIDs[i][0])
	if err != nil {
		return err
	}
	html, err := markup.New().Render(heldReply)
	if err != nil {
		return err
	}
	_, err = d.Approval.Hold(ctx, users[julien], forum.Draft{ThreadID: pc.Thread.ID, SectionID: pc.Section.ID, Body: heldReply, HTML: html,
		Hold: rules.WatchedWords, HoldDetail: "formation garanti*"}, "")
	return err
}
