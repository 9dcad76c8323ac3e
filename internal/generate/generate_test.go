package generate_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/db"
	"entraide/internal/forum"
	"entraide/internal/generate"
	"entraide/internal/markup"
	"entraide/internal/notify"
	"entraide/internal/testkit/testdb"
)

func small() generate.Options {
	o := generate.Defaults()
	o.Users, o.Threads, o.Posts, o.LongThreads, o.LongReplies = 80, 150, 2000, 1, 300
	o.Span = 120 * 24 * time.Hour
	return o
}

// TestGeneratedForumIsConsistent generates a small forum and checks it the
// way the forum itself would see it: counters, positions, stored HTML,
// log-in, keyset paging, and writes through the service afterwards.
func TestGeneratedForumIsConsistent(t *testing.T) {
	ctx := context.Background()
	d := testdb.NewDB(t)
	render := markup.New()
	res, err := generate.Run(ctx, d, render, small())
	if err != nil {
		t.Fatal(err)
	}
	if err := verify(ctx, d); err != nil {
		t.Fatal(err)
	}
	var users, threads, posts, revisions int
	d.Raw("SELECT COUNT(*) FROM users").Scan(&users)
	d.Raw("SELECT COUNT(*) FROM threads").Scan(&threads)
	d.Raw("SELECT COUNT(*) FROM posts").Scan(&posts)
	d.Raw("SELECT COUNT(*) FROM post_revisions").Scan(&revisions)
	if users != 80 || threads != 150 || posts != 2000 || revisions != res.Revisions || revisions == 0 {
		t.Fatalf("rows: %d users, %d threads, %d posts, %d revisions; result %+v", users, threads, posts, revisions, res)
	}
	// Moderation at believable rates: a few closed threads and
	// duplicates (onto a canonical that is none), hidden posts, flags.
	var mod struct{ Closed, Duplicates, Hidden, Flags int }
	d.Raw("SELECT COUNT(*) FROM threads WHERE closed").Scan(&mod.Closed)
	d.Raw("SELECT COUNT(*) FROM threads WHERE duplicate_of IS NOT NULL").Scan(&mod.Duplicates)
	d.Raw("SELECT COUNT(*) FROM posts WHERE hidden_at IS NOT NULL").Scan(&mod.Hidden)
	d.Raw("SELECT COUNT(*) FROM flags").Scan(&mod.Flags)
	if mod.Closed == 0 || mod.Duplicates == 0 || mod.Hidden == 0 || mod.Flags == 0 || mod.Closed > threads/20 || mod.Hidden > posts/100 {
		t.Fatalf("moderation: %+v", mod)
	}
	// Ask sessions at believable rates: every newcomer's thread in the
	// newcomers' section posted from one; more found than posted; some
	// abandoned; some by visitors.
	var outcomes []struct {
		Outcome string
		N       int
	}
	d.Raw("SELECT outcome, COUNT(*) AS n FROM ask_sessions GROUP BY outcome ORDER BY outcome").Scan(&outcomes)
	byOutcome := map[string]int{}
	for _, o := range outcomes {
		byOutcome[o.Outcome] = o.N
	}
	var newcomerThreads, visitors int
	d.Raw(`SELECT COUNT(*) FROM threads t JOIN users u ON u.id = t.author_id JOIN sections s ON s.id = t.section_id
		WHERE u.role = 'newcomer' AND s.is_newcomers`).Scan(&newcomerThreads)
	d.Raw("SELECT COUNT(*) FROM ask_sessions WHERE user_id IS NULL").Scan(&visitors)
	if newcomerThreads == 0 || byOutcome["posted"] != newcomerThreads || byOutcome["found"] <= byOutcome["posted"] ||
		byOutcome["abandoned"] == 0 || visitors == 0 {
		t.Fatalf("ask sessions %v, %d newcomers' threads, %d by visitors", byOutcome, newcomerThreads, visitors)
	}
	// The moderators' watched words, with both actions.
	var watched, blocking int
	// A handful of newcomers' first posts wait for approval, by newcomers
	// who have published nothing (the rule holds their first post).
	var pending, wrong int
	d.Raw("SELECT COUNT(*) FROM pending_posts WHERE status = 'pending'").Scan(&pending)
	d.Raw(`SELECT COUNT(*) FROM pending_posts q JOIN users u ON u.id = q.author_id
		WHERE u.role <> 'newcomer' OR u.thread_count + u.reply_count > 0`).Scan(&wrong)
	if pending < 1 || pending > 5 || wrong != 0 {
		t.Errorf("pending posts: %d waiting, %d by authors who should not wait", pending, wrong)
	}
	d.Raw("SELECT COUNT(*) FROM watched_words").Scan(&watched)
	d.Raw("SELECT COUNT(*) FROM watched_words WHERE action = 'block'").Scan(&blocking)
	if watched < 5 || blocking == 0 || blocking == watched {
		t.Fatalf("%d watched words, %d blocking", watched, blocking)
	}
	// Members' profiles, phone appointments with their windows, and canned
	// replies, the team's and the members' own, as the forum reads them.
	var profiles, phones, windows, team, own int
	d.Raw("SELECT COUNT(*) FROM profiles").Scan(&profiles)
	d.Raw("SELECT COUNT(*) FROM profiles WHERE contact_mode = 'phone'").Scan(&phones)
	d.Raw("SELECT COUNT(*) FROM availability_windows").Scan(&windows)
	d.Raw("SELECT COUNT(*) FROM canned_replies WHERE owner_id IS NULL").Scan(&team)
	d.Raw("SELECT COUNT(*) FROM canned_replies WHERE owner_id IS NOT NULL").Scan(&own)
	if profiles == 0 || phones == 0 || windows < phones || team != 5 || own == 0 {
		t.Fatalf("%d profiles, %d phone appointments, %d windows, %d team replies, %d members' replies", profiles, phones, windows, team, own)
	}
	var phoneUser int64
	d.Raw("SELECT user_id FROM profiles WHERE contact_mode = 'phone' ORDER BY user_id LIMIT 1").Scan(&phoneUser)
	if pr, err := accounts.NewProfiles(d, render).Of(ctx, phoneUser); err != nil || pr.ContactMode != accounts.ContactPhone || len(pr.Windows) == 0 {
		t.Fatalf("the profile of member %d as the forum reads it: %+v, %v", phoneUser, pr, err)
	}
	if d.Dialect == db.SQLite {
		// Statistics of FTS5's tables, still empty here, would make SQLite
		// scan the whole index at every merge once it is filled.
		var ftsStats, postStats int
		d.Raw("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl LIKE 'search_fts%'").Scan(&ftsStats)
		d.Raw("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'posts'").Scan(&postStats)
		if ftsStats != 0 || postStats == 0 {
			t.Fatalf("after generating, sqlite_stat1 holds %d rows of FTS5 tables (want none) and %d of posts (want some)", ftsStats, postStats)
		}
	}
	var longest int
	d.Raw("SELECT MAX(post_seq) FROM threads").Scan(&longest)
	if longest != 301 || res.LongThread == 0 {
		t.Fatalf("the long thread has %d posts (id %d), want 301", longest, res.LongThread)
	}

	var sample []forum.Post
	if err := d.Order("id").Limit(60).Find(&sample).Error; err != nil {
		t.Fatal(err)
	}
	for _, p := range sample {
		want, err := render.Render(p.Body)
		if err != nil {
			t.Fatal(err)
		}
		if p.BodyHTML != want {
			t.Fatalf("post %d: stored HTML is not the rendering of its body:\n%s\n---\n%s", p.ID, p.BodyHTML, want)
		}
	}

	acc := accounts.New(d)
	admin, err := acc.Authenticate(ctx, res.Admin, generate.Password, "127.0.0.1")
	if err != nil || admin.Role != accounts.Admin {
		t.Fatalf("log in as %s: %v %+v", res.Admin, err, admin)
	}
	member, err := acc.Authenticate(ctx, res.Member, generate.Password, "127.0.0.1")
	if err != nil || member.Role != accounts.Member {
		t.Fatalf("log in as %s: %v", res.Member, err)
	}

	// Keyset paging walks every visible thread of each section once, in
	// order: the generated timestamps compare like the forum's own.
	svc := forum.New(d, accounts.New(d), render, nil)
	sections, err := svc.Sections(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range sections {
		seen := map[int64]bool{}
		page, err := svc.SectionThreads(ctx, &sec, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range page.Pinned {
			seen[th.ID] = true
		}
		for {
			for i, th := range page.Threads {
				if seen[th.ID] {
					t.Fatalf("section %s: thread %d seen twice", sec.Slug, th.ID)
				}
				seen[th.ID] = true
				if i > 0 && th.LastPostAt.After(page.Threads[i-1].LastPostAt) {
					t.Fatalf("section %s: threads out of order", sec.Slug)
				}
			}
			if page.Older == nil {
				break
			}
			if page, err = svc.SectionThreads(ctx, &sec, page.Older, nil); err != nil {
				t.Fatal(err)
			}
		}
		if len(seen) != sec.ThreadCount {
			t.Fatalf("section %s: paged through %d threads, counter says %d", sec.Slug, len(seen), sec.ThreadCount)
		}
	}

	// The service writes on after the bulk load (ids continue) and keeps the
	// counters right.
	tv, err := svc.Thread(ctx, member, res.LongThread)
	if err != nil {
		t.Fatal(err)
	}
	reply, err := svc.Reply(ctx, member, tv.Thread.ID, "Une réponse écrite après la génération.")
	if err != nil {
		t.Fatal(err)
	}
	if err := verify(ctx, d); err != nil {
		t.Fatal(err)
	}
	// Deleting it gives the thread's activity back to the generated post
	// before, which the generator set as the service does.
	if _, err := svc.DeletePost(ctx, member, reply.ID); err != nil {
		t.Fatal(err)
	}
	newcomers, err := svc.NewcomersSection(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateThread(ctx, member, forum.NewThread{SectionID: newcomers.ID, Title: "Un sujet ouvert après la génération", Body: "Le texte."}); err != nil {
		t.Fatal(err)
	}
	if err := verify(ctx, d); err != nil {
		t.Fatal(err)
	}

	// Thank-yous, solutions and notifications at believable rates, and the
	// service's own on top keep the counters right.
	var answered, solved, solvedReplies, thankedReplies, unread int
	d.Raw(`SELECT COUNT(*) FROM threads t JOIN sections s ON s.id = t.section_id WHERE s.is_newcomers AND t.deleted_at IS NULL`).Scan(&answered)
	d.Raw(`SELECT COUNT(*) FROM threads t JOIN sections s ON s.id = t.section_id WHERE s.is_newcomers AND t.solution_post_id IS NOT NULL`).Scan(&solved)
	if rate := float64(solved) / float64(answered); answered < 10 || rate < 0.2 || rate > 0.55 {
		t.Errorf("newcomers' questions solved: %d of %d", solved, answered)
	}
	d.Raw(`SELECT COUNT(*) FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.solution_post_id IS NOT NULL
		AND p.position > 1 AND p.deleted_at IS NULL AND p.author_id <> t.author_id`).Scan(&solvedReplies)
	d.Raw(`SELECT COUNT(*) FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.solution_post_id IS NOT NULL
		AND p.position > 1 AND p.deleted_at IS NULL AND p.author_id <> t.author_id AND p.thank_count > 0`).Scan(&thankedReplies)
	if solvedReplies == 0 || float64(thankedReplies)/float64(solvedReplies) < 0.7 {
		t.Errorf("replies thanked in solved threads: %d of %d", thankedReplies, solvedReplies)
	}
	d.Raw("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL").Scan(&unread)
	if unread == 0 {
		t.Error("no unread notification generated")
	}
	svc.SetNotifier(notify.New(d, accounts.New(d)))
	var open struct{ ID, AuthorID int64 }
	d.Raw(`SELECT t.id, t.author_id FROM threads t WHERE t.deleted_at IS NULL AND t.reply_count > 0 AND t.solution_post_id IS NULL
		AND t.author_id <> ? ORDER BY t.id LIMIT 1`, member.ID).Scan(&open)
	answer, err := svc.Reply(ctx, member, open.ID, "Une réponse qui sera retenue.")
	if err != nil {
		t.Fatal(err)
	}
	asker, err := acc.ByID(ctx, open.AuthorID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChooseSolution(ctx, asker, answer.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Thank(ctx, admin, answer.ID); err != nil {
		t.Fatal(err)
	}
	if err := verify(ctx, d); err != nil {
		t.Fatal(err)
	}
}

func TestGenerateRefusesAForumWithMembersUnlessForced(t *testing.T) {
	ctx := context.Background()
	d := testdb.NewDB(t)
	if _, err := accounts.New(d).Register(ctx, accounts.Registration{Username: "anne", Email: "anne@exemple.fr",
		Password: "une phrase de passe", Confirm: "une phrase de passe"}); err != nil {
		t.Fatal(err)
	}
	o := small()
	o.Users, o.Threads, o.Posts = 10, 10, 40
	if _, err := generate.Run(ctx, d, markup.New(), o); !errors.Is(err, generate.ErrNotEmpty) {
		t.Fatalf("want ErrNotEmpty, got %v", err)
	}
	var posts int
	d.Raw("SELECT COUNT(*) FROM posts").Scan(&posts)
	if posts != 0 {
		t.Fatalf("a refused run wrote %d posts", posts)
	}
	o.Force = true
	for range 2 { // twice: generated names never collide with existing ones
		if _, err := generate.Run(ctx, d, markup.New(), o); err != nil {
			t.Fatal(err)
		}
	}
	if err := verify(ctx, d); err != nil {
		t.Fatal(err)
	}
	var users int
	d.Raw("SELECT COUNT(*) FROM users").Scan(&users)
	if users != 21 {
		t.Fatalf("%d users, want 21", users)
	}
}

// verify checks every counter of the generated forum with the forum's own
// invariants, as `entraide check` does.
func verify(ctx context.Context, d *db.DB) error {
	found, err := db.Check(ctx, d, app.Invariants(), false)
	if err != nil {
		return err
	}
	if len(found) > 0 {
		return fmt.Errorf("counters broken: %+v", found)
	}
	return nil
}
