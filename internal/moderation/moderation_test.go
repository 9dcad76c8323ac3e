package moderation_test

import (
	"context"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/app"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/moderation"
	"entraide/internal/modlog"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

var ctx = context.Background()

type fixture struct {
	t   *testing.T
	srv *testkit.Server
	a   *app.App
}

func newFixture(t *testing.T) *fixture {
	srv := testkit.NewServer(t)
	return &fixture{t: t, srv: srv, a: srv.App}
}

func (fx *fixture) user(role accounts.Role) *accounts.User {
	fx.t.Helper()
	_, u := fx.srv.NewUser(role)
	return u
}

// fresh reads u again, as each request does.
func (fx *fixture) fresh(u *accounts.User) *accounts.User {
	fx.t.Helper()
	got, err := fx.a.Accounts.ByID(ctx, u.ID)
	if err != nil {
		fx.t.Fatal(err)
	}
	return got
}

func (fx *fixture) thread(author *accounts.User, title string) *forum.Thread {
	fx.t.Helper()
	sec, err := fx.a.Forum.SectionBySlug(ctx, author, "entre-nous")
	if err != nil {
		fx.t.Fatal(err)
	}
	in := forum.NewThread{SectionID: sec.ID, Title: title, Body: "Le texte de la question « " + title + " », assez long."}
	if !author.Can(accounts.Member) {
		return testkit.AskedThread(fx.t, fx.a, author, in)
	}
	th, err := fx.a.Forum.CreateThread(ctx, author, in)
	if err != nil {
		fx.t.Fatal(err)
	}
	return th
}

func (fx *fixture) view(id int64) *forum.Thread {
	fx.t.Helper()
	tv, err := fx.a.Forum.Thread(ctx, nil, id)
	if err != nil {
		fx.t.Fatal(err)
	}
	return &tv.Thread
}

func (fx *fixture) logged(action modlog.Action) int64 {
	fx.t.Helper()
	n, err := fx.a.ModLog.Count(ctx, modlog.Filter{Action: action})
	if err != nil {
		fx.t.Fatal(err)
	}
	return n
}

func (fx *fixture) consistent() {
	fx.t.Helper()
	found, err := db.Check(ctx, fx.a.DB, app.Invariants(), false)
	if err != nil {
		fx.t.Fatal(err)
	}
	for _, f := range found {
		if f.Broken > 0 {
			fx.t.Errorf("invariant broken: %s (%d rows)", f.Name, f.Broken)
		}
	}
}

func refusedBy(err error, rule string) bool {
	r, ok := errs.AsRefusal(err)
	return ok && r.Rule == rule
}

func TestThreadActionsAreCheckedAndLogged(t *testing.T) {
	fx := newFixture(t)
	asker, member, mod := fx.user(accounts.Member), fx.user(accounts.Member), fx.user(accounts.Moderator)
	th := fx.thread(asker, "Comment déclarer mes frais de déplacement")
	for _, u := range []*accounts.User{asker, member} {
		if _, err := fx.a.Forum.ModerateThread(ctx, u, th.ID, forum.Close, ""); !refusedBy(err, "moderators_only") {
			t.Fatalf("close by a member: %v", err)
		}
	}
	if _, err := fx.a.Forum.ModerateThread(ctx, mod, th.ID, forum.Close, "Réglé en message privé"); err != nil {
		t.Fatal(err)
	}
	if !fx.view(th.ID).Closed {
		t.Fatal("not closed")
	}
	if _, err := fx.a.Forum.Reply(ctx, member, th.ID, "Une réponse tardive."); !refusedBy(err, "closed") {
		t.Fatalf("reply to a closed thread: %v", err)
	}
	if _, err := fx.a.Forum.ModerateThread(ctx, mod, th.ID, forum.Close, ""); !refusedBy(err, "nothing_to_do") {
		t.Fatalf("closing twice: %v", err)
	}
	for _, a := range []forum.ThreadAction{forum.Reopen, forum.Lock, forum.Pin} {
		if _, err := fx.a.Forum.ModerateThread(ctx, mod, th.ID, a, ""); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
	}
	got := fx.view(th.ID)
	if got.Closed || !got.Locked || !got.Pinned {
		t.Fatalf("after reopen, lock, pin: %+v", got)
	}
	if _, err := fx.a.Forum.Reply(ctx, mod, th.ID, "Les modérateurs répondent encore."); err != nil {
		t.Fatalf("moderator's reply to a locked thread: %v", err)
	}
	// Move and retitle: the sections' counters follow.
	other, err := fx.a.Forum.SectionBySlug(ctx, mod, "metier")
	if err != nil {
		sections, _ := fx.a.Forum.Sections(ctx, mod)
		for i := range sections {
			if sections[i].ID != got.SectionID && !sections[i].Archived {
				other = &sections[i]
				break
			}
		}
	}
	if _, err := fx.a.Forum.MoveThread(ctx, mod, th.ID, other.ID, "Mieux rangé là"); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.a.Forum.RetitleThread(ctx, mod, th.ID, "x", ""); err == nil {
		t.Fatal("a too short title was accepted")
	}
	if _, err := fx.a.Forum.RetitleThread(ctx, mod, th.ID, "Frais de déplacement : comment les déclarer", ""); err != nil {
		t.Fatal(err)
	}
	got = fx.view(th.ID)
	if got.SectionID != other.ID || got.Title != "Frais de déplacement : comment les déclarer" {
		t.Fatalf("after move and retitle: %+v", got)
	}
	for _, a := range []modlog.Action{forum.ActClose, forum.ActReopen, forum.ActLock, forum.ActPin, forum.ActMove, forum.ActRetitle} {
		if n := fx.logged(a); n != 1 {
			t.Errorf("%s logged %d times, want 1", a, n)
		}
	}
	lines, _, _ := fx.a.ModLog.List(ctx, modlog.Filter{Action: forum.ActRetitle}, 1)
	if len(lines) != 1 || lines[0].Detail != "Comment déclarer mes frais de déplacement" || *lines[0].ActorID != mod.ID {
		t.Fatalf("retitle line: %+v", lines)
	}
	fx.consistent()
}

func TestDuplicatesFollowTheChainAndNeverLoop(t *testing.T) {
	fx := newFixture(t)
	asker, mod := fx.user(accounts.Newcomer), fx.user(accounts.Moderator)
	author := fx.user(accounts.Member)
	a := fx.thread(author, "Déclarer un client à l'étranger")
	b := fx.thread(author, "Facturer un client étranger")
	c := fx.thread(asker, "Client hors de France, que faire")
	d := fx.thread(author, "Clients étrangers : le guide")
	if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, b.ID, a.ID, ""); err != nil {
		t.Fatal(err)
	}
	// Closing onto a duplicate lands on its canonical.
	if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, c.ID, b.ID, "Vous trouverez la réponse ici."); err != nil {
		t.Fatal(err)
	}
	if got := fx.view(c.ID); got.DuplicateOf == nil || *got.DuplicateOf != a.ID || !got.Closed {
		t.Fatalf("c = %+v; want closed onto a", got)
	}
	// a onto c would make a loop.
	if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, a.ID, c.ID, ""); !refusedBy(err, "duplicate_cycle") {
		t.Fatalf("a onto c: %v", err)
	}
	if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, a.ID, a.ID, ""); !refusedBy(err, "duplicate_cycle") {
		t.Fatalf("a onto itself: %v", err)
	}
	// a onto d: its duplicates follow it to d.
	if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, a.ID, d.ID, ""); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{a.ID, b.ID, c.ID} {
		if got := fx.view(id); got.DuplicateOf == nil || *got.DuplicateOf != d.ID {
			t.Fatalf("thread %d points to %v; want d", id, got.DuplicateOf)
		}
	}
	// The asker was told, kindly, once.
	var unread int
	fx.a.DB.Raw("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND kind = 'duplicate'", asker.ID).Scan(&unread)
	if unread != 1 {
		t.Fatalf("asker's duplicate notifications: %d", unread)
	}
	if _, err := fx.a.Forum.Reply(ctx, author, c.ID, "Encore une réponse."); !refusedBy(err, "closed") {
		t.Fatalf("reply to a duplicate: %v", err)
	}
	// Reopening undoes everything.
	if _, err := fx.a.Forum.ModerateThread(ctx, mod, c.ID, forum.Reopen, ""); err != nil {
		t.Fatal(err)
	}
	if got := fx.view(c.ID); got.DuplicateOf != nil || got.Closed || got.DuplicateAnswer != "" {
		t.Fatalf("after reopening: %+v", got)
	}
	if n := fx.logged(forum.ActDuplicate); n != 3 {
		t.Fatalf("duplicate closings logged: %d", n)
	}
	fx.consistent()
}

func TestAskersAnswersToADuplicate(t *testing.T) {
	fx := newFixture(t)
	asker, helper, mod := fx.user(accounts.Newcomer), fx.user(accounts.Member), fx.user(accounts.Moderator)
	canon := fx.thread(helper, "Mutuelle obligatoire pour un indépendant")
	sol, err := fx.a.Forum.Reply(ctx, fx.user(accounts.Member), canon.ID, "Non, elle n'est pas obligatoire pour vous.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.a.Forum.ChooseSolution(ctx, helper, sol.ID); err != nil {
		t.Fatal(err)
	}
	dup := fx.thread(asker, "Dois-je prendre une mutuelle en indépendant")
	other := fx.thread(asker, "Une autre question sur la mutuelle")
	for _, id := range []int64{dup.ID, other.ID} {
		if _, err := fx.a.Forum.CloseAsDuplicate(ctx, mod, id, canon.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := fx.a.Moderation.AnswerDuplicate(ctx, helper, dup.ID, true, ""); !refusedBy(err, "duplicate_answer_by_asker") {
		t.Fatalf("someone else answering: %v", err)
	}
	if err := fx.a.Moderation.AnswerDuplicate(ctx, asker, dup.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	var thanked int
	fx.a.DB.Raw("SELECT COUNT(*) FROM thanks WHERE post_id = ? AND user_id = ?", sol.ID, asker.ID).Scan(&thanked)
	if thanked != 1 || fx.view(dup.ID).DuplicateAnswer != "yes" {
		t.Fatalf("yes: thanked %d, answer %q", thanked, fx.view(dup.ID).DuplicateAnswer)
	}
	// "No" needs a sentence, which reaches the moderators' flags.
	if err := fx.a.Moderation.AnswerDuplicate(ctx, asker, other.ID, false, "  "); err == nil {
		t.Fatal("no without a sentence was accepted")
	}
	if err := fx.a.Moderation.AnswerDuplicate(ctx, asker, other.ID, false, "Ma question porte sur les salariés."); err != nil {
		t.Fatal(err)
	}
	pending, err := fx.a.Moderation.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ThreadID != other.ID || pending[0].Flags[0].Kind != moderation.NotDuplicate ||
		pending[0].Flags[0].Sentence != "Ma question porte sur les salariés." {
		t.Fatalf("pending = %+v", pending)
	}
	if n, _ := fx.a.Moderation.Waiting(ctx); n != 1 {
		t.Fatalf("waiting = %d", n)
	}
	fx.consistent()
}

func TestThreeDistinctFlagsHideAPost(t *testing.T) {
	fx := newFixture(t)
	author, mod := fx.user(accounts.Member), fx.user(accounts.Moderator)
	th := fx.thread(fx.user(accounts.Member), "Une question suivie d'une publicité")
	spam, err := fx.a.Forum.Reply(ctx, author, th.ID, "Achetez nos formations miracles.")
	if err != nil {
		t.Fatal(err)
	}
	flaggers := []*accounts.User{fx.user(accounts.Newcomer), fx.user(accounts.Member), fx.user(accounts.Member)}
	if err := fx.a.Moderation.Flag(ctx, author, spam.ID, moderation.NewFlag{Kind: moderation.Spam}); !refusedBy(err, "flag_others") {
		t.Fatalf("own post: %v", err)
	}
	if err := fx.a.Moderation.Flag(ctx, flaggers[0], spam.ID, moderation.NewFlag{Kind: moderation.Other}); err == nil {
		t.Fatal("other without a sentence was accepted")
	}
	hidden := func() bool {
		pc, err := fx.a.Forum.Post(ctx, mod, spam.ID)
		if err != nil {
			t.Fatal(err)
		}
		return pc.Post.Hidden()
	}
	// The same member flagging twice counts once.
	for range 2 {
		if err := fx.a.Moderation.Flag(ctx, flaggers[0], spam.ID, moderation.NewFlag{Kind: moderation.Spam}); err != nil {
			t.Fatal(err)
		}
	}
	if err := fx.a.Moderation.Flag(ctx, flaggers[1], spam.ID, moderation.NewFlag{Kind: moderation.Other, Sentence: "Publicité."}); err != nil {
		t.Fatal(err)
	}
	if hidden() {
		t.Fatal("hidden after two distinct people")
	}
	if err := fx.a.Moderation.Flag(ctx, flaggers[2], spam.ID, moderation.NewFlag{Kind: moderation.Abuse}); err != nil {
		t.Fatal(err)
	}
	if !hidden() {
		t.Fatal("not hidden after three distinct people")
	}
	lines, _, _ := fx.a.ModLog.List(ctx, modlog.Filter{Action: forum.ActHide}, 1)
	if len(lines) != 1 || !lines[0].Automatic() || lines[0].Reason != rules.FlagsToHide {
		t.Fatalf("auto-hide line: %+v", lines)
	}
	// Hidden posts take no thank-you; the moderator dismisses the flags and
	// the post shows again.
	if _, err := fx.a.Forum.Thank(ctx, flaggers[0], spam.ID); !refusedBy(err, "post_gone") {
		t.Fatalf("thanking a hidden post: %v", err)
	}
	if err := fx.a.Moderation.Resolve(ctx, author, spam.ID, moderation.ResolveDismiss, ""); !refusedBy(err, "moderators_only") {
		t.Fatalf("resolve by a member: %v", err)
	}
	if err := fx.a.Moderation.Resolve(ctx, mod, spam.ID, moderation.ResolveDismiss, ""); err != nil {
		t.Fatal(err)
	}
	if hidden() {
		t.Fatal("still hidden after the flags were dismissed")
	}
	if n, _ := fx.a.Moderation.Waiting(ctx); n != 0 {
		t.Fatalf("waiting after resolving: %d", n)
	}
	// The rule's setting: off hides nothing.
	if err := fx.a.Rules.Set(ctx, rules.FlagsToHide, "off"); err != nil {
		t.Fatal(err)
	}
	other, _ := fx.a.Forum.Reply(ctx, author, th.ID, "Encore de la publicité.")
	for _, u := range flaggers {
		if err := fx.a.Moderation.Flag(ctx, u, other.ID, moderation.NewFlag{Kind: moderation.Spam}); err != nil {
			t.Fatal(err)
		}
	}
	if pc, _ := fx.a.Forum.Post(ctx, mod, other.ID); pc.Post.Hidden() {
		t.Fatal("hidden while the rule is off")
	}
	// A moderator hides with a reason, and restores.
	if _, err := fx.a.Forum.HidePost(ctx, mod, other.ID, ""); err == nil {
		t.Fatal("hiding without a reason was accepted")
	}
	if _, err := fx.a.Forum.HidePost(ctx, mod, other.ID, "Publicité"); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.a.Forum.RestorePost(ctx, mod, other.ID, ""); err != nil {
		t.Fatal(err)
	}
	fx.consistent()
}

func TestSuspensionAndPromotion(t *testing.T) {
	fx := newFixture(t)
	member, mod, admin := fx.user(accounts.Member), fx.user(accounts.Moderator), fx.user(accounts.Admin)
	newcomer := fx.user(accounts.Newcomer)
	th := fx.thread(fx.user(accounts.Member), "Une question pour la suspension")
	reply, _ := fx.a.Forum.Reply(ctx, fx.user(accounts.Member), th.ID, "Une réponse à remercier.")
	if err := fx.a.Moderation.Suspend(ctx, mod, member.ID, 0, "Propos insultants"); err == nil {
		t.Fatal("zero days accepted")
	}
	if err := fx.a.Moderation.Suspend(ctx, member, newcomer.ID, 3, "Essai"); !refusedBy(err, "moderators_only") {
		t.Fatalf("suspended by a member: %v", err)
	}
	if err := fx.a.Moderation.Suspend(ctx, mod, admin.ID, 3, "Essai"); !refusedBy(err, "moderator_rank") {
		t.Fatalf("moderator suspending an admin: %v", err)
	}
	if err := fx.a.Moderation.Suspend(ctx, mod, member.ID, 7, "Propos insultants répétés"); err != nil {
		t.Fatal(err)
	}
	m := fx.fresh(member)
	if m.SuspensionReason != "Propos insultants répétés" || m.SuspendedUntil == nil {
		t.Fatalf("suspension not stored: %+v", m)
	}
	if _, err := fx.a.Forum.Reply(ctx, m, th.ID, "Je réponds quand même."); !refusedBy(err, "suspended") {
		t.Fatalf("reply while suspended: %v", err)
	}
	if _, err := fx.a.Forum.Thank(ctx, m, reply.ID); !refusedBy(err, "suspended") {
		t.Fatalf("thanks while suspended: %v", err)
	}
	if _, err := fx.a.Forum.CreateThread(ctx, m, forum.NewThread{SectionID: th.SectionID, Title: "Un sujet pendant la suspension", Body: "x"}); !refusedBy(err, "suspended") {
		t.Fatalf("thread while suspended: %v", err)
	}
	if err := fx.a.Moderation.Lift(ctx, mod, member.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := fx.a.Forum.Reply(ctx, fx.fresh(member), th.ID, "Je peux répondre de nouveau."); err != nil {
		t.Fatal(err)
	}
	// Promotion: newcomers only.
	if err := fx.a.Moderation.Promote(ctx, mod, member.ID); !refusedBy(err, "promote_newcomers") {
		t.Fatalf("promoting a member: %v", err)
	}
	if err := fx.a.Moderation.Promote(ctx, mod, newcomer.ID); err != nil {
		t.Fatal(err)
	}
	if fx.fresh(newcomer).Role != accounts.Member {
		t.Fatal("not promoted")
	}
	for _, a := range []modlog.Action{moderation.ActSuspend, moderation.ActLift, moderation.ActPromote} {
		if n := fx.logged(a); n != 1 {
			t.Errorf("%s logged %d times", a, n)
		}
	}
	fx.consistent()
}
