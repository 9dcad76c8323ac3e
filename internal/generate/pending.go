package generate

import (
	"context"
	"fmt"
	"html"

	"entraide/internal/accounts"
	"entraide/internal/rules"
)

// pendingQuestions are first questions newcomers wrote that wait for a
// moderator: a forum with a busy team has a handful at any time.
var pendingQuestions = []struct{ title, body string }{
	{"Comment fixer mes tarifs de secrétaire indépendante ?", "Je me lance le mois prochain et je ne sais pas si je dois facturer à l'heure ou au forfait."},
	{"Quel statut choisir pour débuter en télésecrétariat ?", "Micro-entreprise ou portage salarial : qu'avez-vous choisi au début, et pourquoi ?"},
	{"Faut-il une assurance pour travailler depuis chez soi ?", "Un client me demande une attestation d'assurance professionnelle, je ne sais pas laquelle."},
	{"Trouver des clients sans site internet, c'est possible ?", "Je n'ai pas encore de site et je voudrais commencer à prospecter quand même."},
	{"Quel logiciel pour la frappe de comptes rendus médicaux ?", "Un cabinet me propose de taper ses comptes rendus, quel logiciel utilisez-vous ?"},
}

// pendingPosts holds the first question of a handful of the newest
// newcomers who have not posted yet, in the approval queue, as the rule
// "approval_first_posts" does: no thread or post is written for them until
// a moderator decides; their held_posts counter comes with the recount.
func (g *gen) pendingPosts(ctx context.Context, l loader) error {
	var section int64
	for _, s := range g.p.sections {
		if s.newcomers {
			section = s.id
		}
	}
	if section == 0 {
		section = g.p.sections[0].id
	}
	n := 0
	for i := len(g.p.users) - 1; i > 0 && n < len(pendingQuestions); i-- {
		u := &g.p.users[i]
		if u.role != accounts.Newcomer || u.threads+u.replies > 0 {
			continue
		}
		q := pendingQuestions[n]
		at := at(max(u.created+minute, g.p.now-int64(n+1)*3*hour)) // after the account, before now
		err := l.Exec(ctx, `INSERT INTO pending_posts (author_id, section_id, title, body, body_html, rule, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`, g.ids.user+int64(i), section, q.title, q.body, "<p>"+html.EscapeString(q.body)+"</p>\n",
			rules.ApprovalFirstPosts, at)
		if err != nil {
			return fmt.Errorf("generate: pending posts: %w", err)
		}
		n++
	}
	return nil
}
