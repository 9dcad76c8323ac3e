package demo

import (
	"bytes"
	"context"
	"entraide/internal/approval"
	"entraide/internal/modlog"
	"entraide/internal/notify"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/ask"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/moderation"
	"entraide/internal/replies"
	"entraide/internal/rules"
	"entraide/internal/search"
	"entraide/internal/testkit/testdb"
	"entraide/internal/words"
)

var ctx = context.Background()

var defaultSections = []string{seLancer, clients, juridique, compta, outils, entreNous}

var guideTitles = []string{
	"Guide : devenir télésecrétaire, les premières étapes",
	"Guide : choisir son statut (micro-entreprise, portage, société)",
	"Guide : fixer ses tarifs et rédiger ses premiers devis",
}

func newDeps(t *testing.T) Deps {
	d := testdb.NewDB(t)
	index := search.NewIndex(d)
	if err := index.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	acc := accounts.New(d)
	f := forum.New(d, acc, markup.New(), index)
	// The ask service is the forum's thread gate: newcomers' threads must
	// come through the ask flow, as in the application.
	render := markup.New()
	log := modlog.New(d)
	f.SetModLog(log)
	book := rules.New(d, rules.Catalog)
	notes := notify.New(d, acc)
	held := approval.New(approval.Deps{DB: d, Accounts: acc, Forum: f, Log: log, Notify: notes})
	return Deps{Accounts: acc, Forum: f, Ask: ask.New(d, f, search.NewSearcher(index), book),
		Profiles: accounts.NewProfiles(d, render), Replies: replies.New(d, acc), Words: words.New(d), Moderation: moderation.New(d, f, acc, log, book, notes),
		Rules: book, Approval: held}
}

// TestContentIsConsistent checks the story without a database: known
// authors, replies after what they answer, dates inside the last 60 days.
func TestContentIsConsistent(t *testing.T) {
	roles := map[string]accounts.Role{}
	for _, m := range members {
		roles[m.Username] = m.Role
		if strings.Contains(strings.ToLower(DemoPassword), strings.ToLower(m.Username)) {
			t.Errorf("the password contains the username %s", m.Username)
		}
	}
	perSection := map[string]int{}
	var guides []string
	for _, th := range threads {
		perSection[th.Section]++
		if th.Guide {
			guides = append(guides, th.Title)
			if th.Section != seLancer || !roles[th.Opening.Author].AtLeast(accounts.Member) {
				t.Errorf("guide %q: in %s by %s", th.Title, th.Section, th.Opening.Author)
			}
		}
		if n := utf8.RuneCountInString(th.Title); n < forum.MinTitleLength || n > forum.MaxTitleLength {
			t.Errorf("%q: title of %d characters", th.Title, n)
		}
		if roles[th.Opening.Author] == accounts.Newcomer && th.Section != seLancer {
			t.Errorf("%q: a newcomer's thread would be moved to %s", th.Title, seLancer)
		}
		if n := len(th.Replies); (n < 1 && th.Title != DuplicateTitle) || n > 6 {
			t.Errorf("%q: %d replies", th.Title, n)
		}
		prev := time.Time{}
		for i, p := range append([]post{th.Opening}, th.Replies...) {
			if _, ok := roles[p.Author]; !ok {
				t.Errorf("%q, post %d: unknown author %q", th.Title, i+1, p.Author)
			}
			if p.At.DaysAgo < 1 || p.At.DaysAgo > 60 || p.At.Hour > 23 || p.At.Minute > 59 {
				t.Errorf("%q, post %d: out of range %+v", th.Title, i+1, p.At)
			}
			at := p.At.on(time.Now())
			if !at.After(prev) {
				t.Errorf("%q, post %d: not after the post before it", th.Title, i+1)
			}
			prev = at
			if p.Edit != nil && !p.Edit.At.on(time.Now()).After(at) {
				t.Errorf("%q, post %d: edited before it was written", th.Title, i+1)
			}
		}
	}
	for _, slug := range defaultSections {
		if perSection[slug] == 0 {
			t.Errorf("no thread in %s", slug)
		}
	}
	if strings.Join(guides, "|") != strings.Join(guideTitles, "|") {
		t.Errorf("guides: %q", guides)
	}
}

func TestLoad(t *testing.T) {
	d := newDeps(t)
	var out bytes.Buffer
	before := time.Now()
	if err := Load(ctx, d, &out); err != nil {
		t.Fatalf("load: %v", err)
	}
	// Every newcomer's thread came through the ask flow, its session posted.
	var asked, newcomerThreads int64
	db := d.Ask.DB()
	db.Raw("SELECT COUNT(*) FROM ask_sessions WHERE outcome = 'posted' AND thread_id IS NOT NULL").Scan(&asked)
	db.Raw("SELECT COUNT(*) FROM threads t JOIN users u ON u.id = t.author_id WHERE u.role = 'newcomer'").Scan(&newcomerThreads)
	if asked == 0 || asked != newcomerThreads {
		t.Errorf("%d sessions posted for %d newcomers' threads", asked, newcomerThreads)
	}
	// One newcomer's reply waits at /mod/queue, held by a watched word;
	// the rule is back at its default once the story is written.
	waiting, err := d.Approval.Waiting(ctx, 10)
	if err != nil || len(waiting) != 1 || waiting[0].AuthorUsername != julien || waiting[0].Rule != rules.WatchedWords {
		t.Errorf("the queue: %+v (%v)", waiting, err)
	}
	if v, _ := d.Rules.Values(ctx); v[rules.ApprovalFirstPosts] != "1" {
		t.Errorf("the approval rule after loading: %q", v[rules.ApprovalFirstPosts])
	}
	// The moderator's watched words, both kinds.
	list, err := d.Words.List(ctx)
	if err != nil || len(list) != len(watched) {
		t.Errorf("%d watched words (%v), want %d", len(list), err, len(watched))
	}
	for _, want := range []string{"8 members", "19 threads", DemoPassword, helene, guideTitles[0], "watched words at /mod/words"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}

	// The moderators' work: guides pinned, Julien's question closed onto
	// Camille's, a flag waiting, every action in the log (and the line of
	// the reply held for approval).
	var pinned, duplicates, pending, lines int64
	db.Raw("SELECT COUNT(*) FROM threads WHERE pinned").Scan(&pinned)
	db.Raw(`SELECT COUNT(*) FROM threads t JOIN threads c ON c.id = t.duplicate_of
		WHERE t.title = ? AND c.title = ? AND t.closed`, DuplicateTitle, CanonicalTitle).Scan(&duplicates)
	db.Raw("SELECT COUNT(*) FROM flags WHERE resolved_at IS NULL").Scan(&pending)
	db.Raw("SELECT COUNT(*) FROM mod_log").Scan(&lines)
	if pinned != int64(len(guideTitles)) || duplicates != 1 || pending != 1 || lines != pinned+2 {
		t.Errorf("moderation: %d pinned, %d duplicates, %d pending flags, %d log lines", pinned, duplicates, pending, lines)
	}

	// Counters, read as a visitor sees them, match the content.
	wantThreads, wantPosts := map[string]int{}, map[string]int{}
	for _, th := range threads {
		wantThreads[th.Section]++
		wantPosts[th.Section] += 1 + len(th.Replies)
	}
	sections, err := d.Forum.Sections(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sections) != len(defaultSections) {
		t.Fatalf("%d sections", len(sections))
	}
	for _, s := range sections {
		if s.ThreadCount == 0 || s.ThreadCount != wantThreads[s.Slug] || s.PostCount != wantPosts[s.Slug] {
			t.Errorf("%s: %d threads, %d posts; want %d, %d", s.Slug, s.ThreadCount, s.PostCount, wantThreads[s.Slug], wantPosts[s.Slug])
		}
		if s.LastPostAt == nil || s.LastPostAt.After(before) || s.LastPostAt.Before(before.AddDate(0, 0, -61)) {
			t.Errorf("%s: last post at %v", s.Slug, s.LastPostAt)
		}
	}

	// The newcomers' section holds the guides, written by members.
	newcomers, err := d.Forum.NewcomersSection(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page, err := d.Forum.SectionThreads(ctx, newcomers, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]forum.ThreadSummary{}
	for _, ts := range append(page.Pinned, page.Threads...) {
		found[ts.Title] = ts
	}
	for _, title := range guideTitles {
		g, ok := found[title]
		if !ok || !g.Author.Role.AtLeast(accounts.Member) || g.ReplyCount == 0 || !g.Pinned {
			t.Errorf("guide %q: %+v", title, g)
		}
	}

	// Activity spreads over two months, and edits are kept as revisions.
	latest, err := d.Forum.LatestThreads(ctx, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	oldest, edited := before, 0
	for _, ts := range latest {
		if ts.CreatedAt.Before(oldest) {
			oldest = ts.CreatedAt
		}
		if ts.LastPostAt.After(before) || ts.LastPostAt.Before(ts.CreatedAt) {
			t.Errorf("%q: created %v, last post %v", ts.Title, ts.CreatedAt, ts.LastPostAt)
		}
		posts, err := d.Forum.Posts(ctx, &ts.Thread, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			if p.EditCount > 0 {
				edited++
			}
		}
	}
	if len(latest) != len(threads) || before.Sub(oldest) < 55*24*time.Hour {
		t.Errorf("%d threads, the oldest from %v", len(latest), oldest)
	}
	if edited != 2 {
		t.Errorf("%d edited posts, want 2", edited)
	}

	// Every demo account logs in with the printed password, in its role.
	for _, m := range members {
		u, err := d.Accounts.Authenticate(ctx, m.Username, DemoPassword, "192.0.2.1")
		if err != nil || u.Role != m.Role {
			t.Errorf("log in as %s: %v, %+v", m.Username, err, u)
		}
	}

	// Members say who they are and how to reach them, and keep canned
	// replies; the team's set is usable by every member.
	phone := 0
	for _, m := range members {
		u, err := d.Accounts.ByUsername(ctx, m.Username)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := d.Profiles.Of(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want, ok := profiles[m.Username]; ok && (u.DisplayName != want.DisplayName || pr.BioHTML == "" || pr.Region == "") {
			t.Errorf("%s: display name %q, bio %q, region %q", m.Username, u.DisplayName, pr.BioHTML, pr.Region)
		}
		if pr.ContactMode == accounts.ContactPhone {
			phone++
			if len(pr.Windows) == 0 {
				t.Errorf("%s takes phone appointments without windows", m.Username)
			}
		}
		if accounts.LooksLikePhoneNumber(string(pr.BioHTML) + pr.ContactNote) {
			t.Errorf("%s: a phone number in the profile", m.Username)
		}
		usable, err := d.Replies.Usable(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if m.Role.AtLeast(accounts.Member) && len(usable) < 2 || !m.Role.AtLeast(accounts.Member) && len(usable) != 0 {
			t.Errorf("%s (%s) can use %d canned replies", m.Username, m.Role, len(usable))
		}
	}
	if phone != 2 {
		t.Errorf("%d members take phone appointments, want 2", phone)
	}

	// A second load refuses and writes nothing.
	users, _ := d.Accounts.List(ctx, "", 100)
	out.Reset()
	if err := Load(ctx, d, &out); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("second load: %v", err)
	}
	again, _ := d.Forum.Sections(ctx, nil)
	for i := range again {
		if again[i].ThreadCount != sections[i].ThreadCount || again[i].PostCount != sections[i].PostCount {
			t.Errorf("%s changed: %+v", again[i].Slug, again[i])
		}
	}
	if after, _ := d.Accounts.List(ctx, "", 100); len(after) != len(users) || out.Len() != 0 {
		t.Errorf("second load: %d accounts instead of %d, printed %q", len(after), len(users), out.String())
	}

	// The forum's clock is the real one again.
	p, err := d.Forum.Reply(ctx, &users[0], latest[0].ID, "Un message écrit après la démo.")
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(p.CreatedAt) > time.Minute || p.CreatedAt.Before(before) {
		t.Errorf("a reply after the load is dated %v", p.CreatedAt)
	}
}

// TestLoadRefusesExistingDemoAccount covers a forum without threads where a
// demo account already exists (an earlier load that failed half-way).
func TestLoadRefusesExistingDemoAccount(t *testing.T) {
	d := newDeps(t)
	if _, err := d.Accounts.Register(ctx, accounts.Registration{Username: julien, Email: "julien@exemple.fr",
		Password: "une phrase de passe solide", Confirm: "une phrase de passe solide"}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Load(ctx, d, &out); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("load: %v", err)
	}
	if users, _ := d.Accounts.List(ctx, "", 100); len(users) != 1 || out.Len() != 0 {
		t.Errorf("%d accounts, printed %q", len(users), out.String())
	}
}
