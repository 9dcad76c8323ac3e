package replies_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/replies"
	"entraide/internal/testkit"
)

var ctx = context.Background()

type fixture struct {
	db                           *db.DB
	svc                          *replies.Service
	newcomer, anne, berthe, modo *accounts.User
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d := testkit.NewDB(t)
	acc := accounts.New(d)
	user := func(name string, role accounts.Role) *accounts.User {
		u, err := acc.Register(ctx, accounts.Registration{Username: name, Email: name + "@exemple.fr", Password: testkit.Password, Confirm: testkit.Password})
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Exec("UPDATE users SET role = ? WHERE id = ?", role, u.ID).Error; err != nil {
			t.Fatal(err)
		}
		u.Role = role
		return u
	}
	return &fixture{db: d, svc: replies.New(d, acc), newcomer: user("nouvelle", accounts.Newcomer), anne: user("anne", accounts.Member),
		berthe: user("berthe", accounts.Member), modo: user("modo", accounts.Moderator)}
}

func (f *fixture) create(t *testing.T, u *accounts.User, team bool, title, body string) *replies.Reply {
	t.Helper()
	r, err := f.svc.Create(ctx, u, team, replies.Input{Title: title, Body: body})
	if err != nil {
		t.Fatalf("create %q: %v", title, err)
	}
	return r
}

func TestPersonalRepliesStayPersonal(t *testing.T) {
	f := newFixture(t)
	mine := f.create(t, f.anne, false, "Se lancer", "Bonjour {prénom}, voici par où commencer.")
	team := f.create(t, f.modo, true, "Bienvenue", "Bienvenue {auteur}.")
	if _, err := f.svc.Create(ctx, f.anne, true, replies.Input{Title: "Pirate", Body: "x"}); !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("a member wrote to the team's set: %v", err)
	}
	if _, err := f.svc.Create(ctx, f.newcomer, false, replies.Input{Title: "Nouvelle", Body: "x"}); !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("a newcomer keeps canned replies: %v", err)
	}
	// Berthe cannot read, use, edit, move or delete Anne's reply: to her it
	// does not exist.
	if _, err := f.svc.Get(ctx, f.berthe, mine.ID); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("read another's reply: %v", err)
	}
	if _, err := f.svc.Update(ctx, f.berthe, mine.ID, replies.Input{Title: "Volée", Body: "x"}); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("edit another's reply: %v", err)
	}
	if err := f.svc.Delete(ctx, f.berthe, mine.ID); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("delete another's reply: %v", err)
	}
	if err := f.svc.Move(ctx, f.berthe, mine.ID, 1); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("move another's reply: %v", err)
	}
	// Even a moderator does not read a member's personal replies.
	if _, err := f.svc.Get(ctx, f.modo, mine.ID); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("a moderator read a personal reply: %v", err)
	}
	// The team's set: every member uses it, only moderators change it.
	if _, err := f.svc.Get(ctx, f.berthe, team.ID); err != nil {
		t.Errorf("a member cannot use the team's reply: %v", err)
	}
	if _, err := f.svc.Get(ctx, f.newcomer, team.ID); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("a newcomer uses the team's reply: %v", err)
	}
	if _, err := f.svc.Update(ctx, f.berthe, team.ID, replies.Input{Title: "Changée", Body: "x"}); !errors.Is(err, errs.ErrForbidden) {
		t.Errorf("a member changed the team's reply: %v", err)
	}
	if err := f.svc.Delete(ctx, f.anne, team.ID); !errors.Is(err, errs.ErrForbidden) {
		t.Errorf("a member deleted the team's reply: %v", err)
	}
	if _, err := f.svc.Update(ctx, f.modo, team.ID, replies.Input{Title: "Bienvenue à vous", Body: "Bienvenue {auteur}."}); err != nil {
		t.Errorf("a moderator edits the team's reply: %v", err)
	}
	list, err := f.svc.Usable(ctx, f.berthe)
	if err != nil || len(list) != 1 || list[0].ID != team.ID {
		t.Errorf("Berthe's usable replies: %+v %v", list, err)
	}
	list, _ = f.svc.Usable(ctx, f.anne)
	if len(list) != 2 || list[0].ID != mine.ID || list[1].Title != "Bienvenue à vous" {
		t.Errorf("Anne's usable replies, her own first: %+v", list)
	}
	if titles, _ := f.svc.Titles(ctx, f.anne); len(titles) != 2 || titles[0].ID != mine.ID || titles[0].Title != list[0].Title ||
		titles[0].Body != "" || list[0].Body == "" {
		t.Errorf("Anne's titles: %+v; want her list in the same order, without the bodies", titles)
	}
	if list, _ := f.svc.Usable(ctx, f.newcomer); len(list) != 0 {
		t.Errorf("a newcomer's usable replies: %+v", list)
	}
	if err := f.svc.Delete(ctx, f.anne, mine.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Get(ctx, f.anne, mine.ID); !errors.Is(err, errs.ErrNotFound) {
		t.Errorf("deleted reply still there: %v", err)
	}
}

func TestCannedReplyValidation(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		in   replies.Input
		want map[string]string
	}{
		{replies.Input{}, map[string]string{"title": "replies.title.required", "body": "replies.body.required"}},
		{replies.Input{Title: "ab", Body: "  \n "}, map[string]string{"title": "replies.title.too_short", "body": "replies.body.required"}},
		{replies.Input{Title: strings.Repeat("t", 101), Body: strings.Repeat("é", 10001)}, map[string]string{"title": "replies.title.too_long", "body": "replies.body.too_long"}},
		{replies.Input{Title: "\x00\x00", Body: "\x00"}, map[string]string{"title": "replies.title.required", "body": "replies.body.required"}},
	} {
		_, err := f.svc.Create(ctx, f.anne, false, c.in)
		bad, ok := errs.AsInvalid(err)
		if !ok {
			t.Fatalf("%+v: want field errors, got %v", c.in, err)
		}
		for field, key := range c.want {
			if bad[field] != key {
				t.Errorf("%q: %s want %s, got %v", c.in.Title, field, key, bad)
			}
		}
	}
	r := f.create(t, f.anne, false, "  Un   titre\x00 ", "Texte\r\navec NUL \x00 et \xff\n\n")
	if r.Title != "Un titre" || r.Body != "Texte\navec NUL  et \uFFFD" {
		t.Errorf("cleaned as posts are: %q %q", r.Title, r.Body)
	}
}

func TestReorderAndCountUses(t *testing.T) {
	f := newFixture(t)
	a := f.create(t, f.anne, false, "Première", "1")
	b := f.create(t, f.anne, false, "Deuxième", "2")
	c := f.create(t, f.anne, false, "Troisième", "3")
	other := f.create(t, f.berthe, false, "À Berthe", "b")
	team := f.create(t, f.modo, true, "Équipe", "e")
	titles := func() string {
		list, _ := f.svc.Usable(ctx, f.anne)
		var out []string
		for _, r := range list {
			out = append(out, r.Title)
		}
		return strings.Join(out, ", ")
	}
	if err := f.svc.Move(ctx, f.anne, c.ID, -1); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Move(ctx, f.anne, a.ID, -1); err != nil { // already first: nothing moves
		t.Fatal(err)
	}
	if got := titles(); got != "Première, Troisième, Deuxième, Équipe" {
		t.Errorf("after moving up: %s", got)
	}
	if err := f.svc.Move(ctx, f.anne, a.ID, 1); err != nil {
		t.Fatal(err)
	}
	if got := titles(); got != "Troisième, Première, Deuxième, Équipe" {
		t.Errorf("after moving down: %s", got)
	}
	// Uses: her own and the team's count, Berthe's does not, whatever the
	// form says.
	err := f.db.InTx(ctx, func(ctx context.Context) error {
		return f.svc.CountUses(ctx, f.anne, []int64{b.ID, team.ID, other.ID, b.ID})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.CountUses(ctx, f.anne, []int64{b.ID}); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.CountUses(ctx, f.newcomer, []int64{team.ID}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		r *replies.Reply
		n int
	}{{b, 2}, {team, 1}, {other, 0}, {a, 0}} {
		var n int
		f.db.Raw("SELECT use_count FROM canned_replies WHERE id = ?", want.r.ID).Scan(&n)
		if n != want.n {
			t.Errorf("%s: %d uses, want %d", want.r.Title, n, want.n)
		}
	}
	// A count in a transaction that fails is rolled back with it.
	failed := errors.New("the reply was refused")
	_ = f.db.InTx(ctx, func(ctx context.Context) error {
		_ = f.svc.CountUses(ctx, f.anne, []int64{a.ID})
		return failed
	})
	var n int
	f.db.Raw("SELECT use_count FROM canned_replies WHERE id = ?", a.ID).Scan(&n)
	if n != 0 {
		t.Errorf("a use counted for a reply never published: %d", n)
	}
}

func TestFillPlaceholders(t *testing.T) {
	body := "Bonjour {prénom} ({prenom}, {auteur}),\n\nÀ propos de « {sujet} », lisez d'abord :\n\n{guides}\n\nBon courage."
	got := replies.Fill(body, replies.Context{Asker: "Camille [admin](javascript:alert(1))", Thread: "Comment *débuter* ?",
		Guides: []replies.Guide{{Title: "Les premiers pas", URL: "/t/3/les-premiers-pas"}, {Title: "Le statut [2026]", URL: "/t/4/le-statut"}}})
	want := "Bonjour Camille \\[admin\\]\\(javascript:alert\\(1\\)\\) (Camille \\[admin\\]\\(javascript:alert\\(1\\)\\), Camille \\[admin\\]\\(javascript:alert\\(1\\)\\)),\n\n" +
		"À propos de « Comment \\*débuter\\* ? », lisez d'abord :\n\n- [Les premiers pas](/t/3/les-premiers-pas)\n- [Le statut \\[2026\\]](/t/4/le-statut)\n\nBon courage."
	if got != want {
		t.Errorf("filled:\n%s\nwant:\n%s", got, want)
	}
	if got := replies.Fill("Rien à remplacer {inconnu}", replies.Context{}); got != "Rien à remplacer {inconnu}" {
		t.Errorf("unknown placeholder: %q", got)
	}
}

func TestSuggestMatchesTheQuestion(t *testing.T) {
	list := []replies.Reply{
		{ID: 1, Title: "Facturer une permanence téléphonique", Body: "Au forfait mensuel ou à l'appel : voici mes tarifs."},
		{ID: 2, Title: "Se lancer comme télésecrétaire : par où commencer", Body: "Le statut de micro-entrepreneur, une formation, puis les premiers clients. {guides}"},
		{ID: 3, Title: "Logiciels de transcription", Body: "Express Scribe et une pédale."},
	}
	cases := []struct {
		title, body string
		want        int64
	}{
		{"Comment commencer comme telesecretaire ?", "Je voudrais me lancer, je ne sais pas par où commencer.", 2},
		{"Devenir télésecrétaire", "Par où commencer ? Faut-il une formation ?", 2},
		{"Quel tarif pour une permanence téléphonique ?", "Je facture à l'appel ou au forfait ?", 1},
		{"Mon chat a mangé mon casque", "Que faire ?", 0},
	}
	for _, c := range cases {
		got := replies.Suggest(list, c.title, c.body)
		id := int64(0)
		if got != nil {
			id = got.ID
		}
		if id != c.want {
			t.Errorf("%q: suggested %d, want %d", c.title, id, c.want)
		}
	}
	if replies.Suggest(nil, "Devenir télésecrétaire", "") != nil {
		t.Error("a suggestion from no replies")
	}
}
