package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/forum"
)

// acknowledgement is how a demo thread's answers were received: the reply
// its author chose (an index in Replies, -1 for none) and who thanked which
// post (-1 is the opening post), some hours after it was written. Julien
// left one answer unacknowledged, so logging in as him shows the reminder
// and the step before a new question.
type acknowledgement struct {
	Solution int
	Thanks   map[int][]string
}

var acknowledgements = map[string]acknowledgement{
	"Guide : devenir télésecrétaire, les premières étapes": {Solution: -1, Thanks: map[int][]string{
		-1: {camille, julien, helene, aurelie, karine}}},
	"Guide : fixer ses tarifs et rédiger ses premiers devis": {Solution: -1, Thanks: map[int][]string{
		-1: {julien, camille, sylvie}}},
	"Comment trouver mes premiers clients ?": {Solution: 0, Thanks: map[int][]string{
		1: {camille, julien}, 2: {camille}}},
	"Faut-il une formation pour devenir télésecrétaire ?": {Solution: 1, Thanks: map[int][]string{
		0: {julien, camille}}},
	"Quel matériel pour commencer ?": {Solution: -1, Thanks: map[int][]string{
		0: {julien, camille}, 1: {camille}}},
	"Relances d'impayés : comment vous y prenez-vous ?": {Solution: 1, Thanks: map[int][]string{
		0: {aurelie, helene}, 2: {aurelie}}},
	"RC pro : quelle assurance avez-vous prise ?": {Solution: 0, Thanks: map[int][]string{
		1: {karine, julien}}},
	"Franchise en base de TVA : je vais dépasser le seuil, que se passe-t-il ?": {Solution: 2, Thanks: map[int][]string{
		0: {karine}, 1: {karine, sylvie}}},
	"Transcription de réunions : par où commencer ?": {Solution: 0, Thanks: map[int][]string{
		0: {camille, julien}, 1: {aurelie}}},
	"Secret médical et RGPD : que mettre dans nos contrats ?": {Solution: -1, Thanks: map[int][]string{
		0: {sylvie, aurelie, helene}}},
}

// ackStep is one thank-you or choice of a solution, at its time.
type ackStep struct {
	at       time.Time
	by       string
	post     int64
	solution bool
}

// acknowledge writes the thank-yous and solutions through the forum, in
// the order of their dates. postIDs are each thread's posts, the opening
// first; opened the threads.
func acknowledge(ctx context.Context, f *forum.Service, users map[string]*accounts.User, postIDs [][]int64, now time.Time, clock func(func() time.Time)) error {
	var steps []ackStep
	for i, t := range threads {
		a, ok := acknowledgements[t.Title]
		if !ok {
			continue
		}
		when := func(reply, k int) time.Time {
			p := t.Opening
			if reply >= 0 {
				p = t.Replies[reply]
			}
			at := p.At.on(now).Add(time.Duration(3+5*k) * time.Hour)
			if limit := now.Add(-time.Duration(10+k) * time.Minute); at.After(limit) {
				return limit
			}
			return at
		}
		for reply, who := range a.Thanks {
			for k, name := range who {
				steps = append(steps, ackStep{at: when(reply, k), by: name, post: postIDs[i][reply+1]})
			}
		}
		if a.Solution >= 0 {
			steps = append(steps, ackStep{at: when(a.Solution, 1), by: t.Opening.Author, post: postIDs[i][a.Solution+1], solution: true})
		}
	}
	slices.SortStableFunc(steps, func(a, b ackStep) int { return a.at.Compare(b.at) })
	for _, s := range steps {
		clock(func() time.Time { return s.at })
		var err error
		if s.solution {
			_, err = f.ChooseSolution(ctx, users[s.by], s.post)
		} else {
			_, err = f.Thank(ctx, users[s.by], s.post)
		}
		if err != nil {
			return fmt.Errorf("demo: %s acknowledging post %d: %w", s.by, s.post, err)
		}
	}
	return nil
}
