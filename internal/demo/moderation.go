package demo

import (
	"context"
	"fmt"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/moderation"
)

// DuplicateTitle is Julien's question, which Hélène closes as a duplicate
// of Camille's earlier one after Sylvie flagged it.
const DuplicateTitle = "Débutant : comment décrocher ses premiers clients ?"

// CanonicalTitle is the thread that already answers it.
const CanonicalTitle = "Comment trouver mes premiers clients ?"

// moderate shows the moderators' work: Hélène pins the guides; Sylvie
// flags Julien's question as a duplicate of Camille's, and Hélène closes
// it from the flags in one click, with a kind word; Nathalie's flag on an
// outdated remark waits for a decision. Skipped without the service.
func moderate(ctx context.Context, d Deps, users map[string]*accounts.User, postIDs [][]int64, now time.Time) error {
	if d.Moderation == nil {
		return nil
	}
	f := d.Forum
	f.SetClock(func() time.Time { return now.Add(-time.Hour) })
	mod := users[helene]
	threadOf := map[string]int64{}
	for i, t := range threads {
		pc, err := f.Post(ctx, everyone, postIDs[i][0])
		if err != nil {
			return err
		}
		threadOf[t.Title] = pc.Thread.ID
		if t.Guide {
			if _, err := f.ModerateThread(ctx, mod, pc.Thread.ID, forum.Pin, "Guide pour les nouveaux membres"); err != nil {
				return fmt.Errorf("demo: pin %q: %w", t.Title, err)
			}
		}
	}
	dup := postIDs[indexOf(DuplicateTitle)][0]
	err := d.Moderation.Flag(ctx, users[sylvie], dup, moderation.NewFlag{Kind: moderation.Duplicate, Proposed: threadOf[CanonicalTitle]})
	if err == nil {
		err = d.Moderation.Resolve(ctx, mod, dup, moderation.ResolveDuplicate,
			"Bonjour Julien, Camille a posé la même question il y a un mois : les réponses de Sylvie, Aurélie et Hélène devraient vous aider. Si votre situation est différente, dites-le-nous.")
	}
	if err != nil {
		return fmt.Errorf("demo: duplicate: %w", err)
	}
	platforms := postIDs[indexOf("Plateformes de mise en relation : votre avis ?")]
	err = d.Moderation.Flag(ctx, users[nathalie], platforms[2], moderation.NewFlag{Kind: moderation.Other,
		Sentence: "Les conditions de cette plateforme ont changé en début d'année : il faudrait peut-être compléter ce conseil."})
	if err != nil {
		return fmt.Errorf("demo: flag: %w", err)
	}
	return nil
}

func indexOf(title string) int {
	for i, t := range threads {
		if t.Title == title {
			return i
		}
	}
	panic("demo: no thread " + title)
}
