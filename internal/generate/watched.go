package generate

import (
	"context"
	"fmt"

	"entraide/internal/words"
)

// watchedList is what a forum's moderators watch for after a few months:
// a dozen words, mostly masked insults and the few spam phrases that get a
// post refused. Written directly, as the generator writes everything; the
// limits and the watched words themselves apply to posts written through
// the forum, never to the generated ones.
var watchedList = []struct {
	pattern string
	action  words.Action
}{
	{"crétin*", words.Masking}, {"abruti*", words.Masking}, {"imbécile*", words.Masking}, {"connard*", words.Masking},
	{"casino en ligne", words.Block}, {"gagnez de l'argent", words.Block}, {"crypto*monnaie garantie", words.Block},
	{"viagra", words.Block}, {"whatsapp", words.Masking}, {"travail à domicile payé", words.Block},
}

// watchedWords writes the list, by the first admin, leaving any word a
// previous run wrote.
func (g *gen) watchedWords(ctx context.Context, l loader) error {
	for _, w := range watchedList {
		err := l.Exec(ctx, `INSERT INTO watched_words (pattern, pattern_key, action, created_by, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (pattern_key) DO NOTHING`, w.pattern, words.Key(w.pattern), string(w.action), g.ids.user, at(g.p.users[0].created))
		if err != nil {
			return fmt.Errorf("generate: watched words: %w", err)
		}
	}
	return nil
}
