package generate

import (
	"context"
	"math/rand/v2"

	"entraide/internal/accounts"
)

// Members' profiles, contact preferences and canned replies
// (internal/accounts/profile.go, internal/replies) at the rates a forum of
// professionals would see: a third of the members who answer fill in their
// profile, one in four of those takes phone appointments on request with a
// window or two on weekdays, and one in six members keeps canned replies;
// the team keeps a handful. The forum shows them beside posts and in the
// reply box, so the load runs pay for reading them.
const (
	profileShare = 0.35
	phoneShare   = 0.25
	cannedShare  = 0.16
	defaultSpecs = 8 // the specialties migration 0009 creates
)

var (
	generatedRegions = []string{"75", "69", "13", "33", "59", "31", "44", "67", "06", "35", "34", "38", accounts.Abroad}
	generatedNotes   = []string{"", "", "Je réponds sous 48 h.", "Le matin de préférence, après 9 h.", "Pas pendant les vacances scolaires."}
	cannedTitles     = []string{
		"Bien démarrer : les guides à lire d'abord",
		"Statut et déclaration : où chercher",
		"Fixer ses premiers tarifs",
		"Trouver ses premiers clients",
		"Le matériel de départ",
		"Transcription : les logiciels dont on parle ici",
	}
	cannedBodies = []string{
		"Bonjour {prénom},\n\nLa plupart des réponses sont déjà dans les guides de la rubrique :\n\n{guides}\n\nBonne lecture.",
		"Bonjour {auteur},\n\nVotre question sur « {sujet} » revient souvent : les discussions épinglées en parlent en détail.",
		"Bonjour,\n\nCommencez par calculer votre taux horaire à partir de vos charges, puis comparez avec les discussions de la rubrique tarifs.",
		"Bonjour {prénom},\n\nLe réseau local (cabinets, artisans, associations) reste la première source de clients des membres.",
	}
)

// writeMembers writes the profiles, their specialties and availability
// windows, and the canned replies, after the members they belong to.
func (g *gen) writeMembers(ctx context.Context, l loader, pr *progress) error {
	p := g.p
	r := rand.New(rand.NewPCG(g.o.Seed, 0x6d656d62))
	type window struct {
		user                 int64
		weekday, start, stop int
	}
	var profiles, phones []int
	var specs [][2]int64
	var windows []window
	for i := range p.users {
		u := &p.users[i]
		if u.replies == 0 || r.Float64() >= profileShare {
			continue
		}
		profiles = append(profiles, i)
		id := g.ids.user + int64(i)
		for _, s := range r.Perm(defaultSpecs)[:1+r.IntN(2)] {
			specs = append(specs, [2]int64{id, int64(s + 1)})
		}
		if r.Float64() < phoneShare {
			phones = append(phones, i)
			for _, d := range r.Perm(5)[:1+r.IntN(2)] {
				start := (9 + r.IntN(8)) * 60
				windows = append(windows, window{user: id, weekday: d + 1, start: start, stop: start + 60*(1+r.IntN(2))})
			}
		}
	}
	phone := make(map[int]bool, len(phones))
	for _, i := range phones {
		phone[i] = true
	}
	cols := []string{"user_id", "region", "contact_mode", "contact_note", "time_zone", "updated_at"}
	err := l.insert(ctx, "profiles", cols, len(profiles), func(k int, row []any) {
		i := profiles[k]
		mode, note := "forum", ""
		if phone[i] {
			mode, note = "phone", generatedNotes[r.IntN(len(generatedNotes))]
		}
		row[0], row[1], row[2], row[3] = g.ids.user+int64(i), generatedRegions[r.IntN(len(generatedRegions))], mode, note
		row[4], row[5] = "Europe/Paris", at(p.users[i].created+day)
		pr.tick("profiles", k+1, len(profiles))
	})
	if err != nil {
		return err
	}
	err = l.insert(ctx, "profile_specialties", []string{"user_id", "specialty_id"}, len(specs), func(k int, row []any) {
		row[0], row[1] = specs[k][0], specs[k][1]
	})
	if err != nil {
		return err
	}
	err = l.insert(ctx, "availability_windows", []string{"user_id", "weekday", "start_minute", "end_minute"}, len(windows),
		func(k int, row []any) {
			w := &windows[k]
			row[0], row[1], row[2], row[3] = w.user, w.weekday, w.start, w.stop
		})
	if err != nil {
		return err
	}
	return g.writeCannedReplies(ctx, l, r, pr)
}

// writeCannedReplies writes the team's set and the members' own.
func (g *gen) writeCannedReplies(ctx context.Context, l loader, r *rand.Rand, pr *progress) error {
	p := g.p
	type canned struct {
		owner       int64 // 0: the team's
		title, body int
		position    int
		uses        int
		created     int64
	}
	var list []canned
	for k := range 5 {
		list = append(list, canned{title: k % len(cannedTitles), body: k % len(cannedBodies), position: k + 1, uses: r.IntN(200), created: p.start})
	}
	for i := range p.users {
		u := &p.users[i]
		if u.role == accounts.Newcomer || u.replies == 0 || r.Float64() >= cannedShare {
			continue
		}
		for k := range 1 + r.IntN(4) {
			list = append(list, canned{owner: g.ids.user + int64(i), title: r.IntN(len(cannedTitles)), body: r.IntN(len(cannedBodies)),
				position: k + 1, uses: r.IntN(40), created: u.created + day})
		}
	}
	cols := []string{"owner_id", "title", "body", "position", "use_count", "created_at", "updated_at"}
	return l.insert(ctx, "canned_replies", cols, len(list), func(k int, row []any) {
		c := &list[k]
		row[0] = nil
		if c.owner != 0 {
			row[0] = c.owner
		}
		row[1], row[2], row[3], row[4], row[5], row[6] = cannedTitles[c.title], cannedBodies[c.body], c.position, c.uses, at(c.created), at(c.created)
		pr.tick("canned replies", k+1, len(list))
	})
}
