package demo

import (
	"context"
	"fmt"

	"entraide/internal/accounts"
	"entraide/internal/words"
)

// watched is the demo's list of watched words, as the moderator keeps it:
// the spam that keeps coming back is refused, rudeness is masked.
var watched = []struct {
	pattern string
	action  words.Action
}{
	{"casino en ligne", words.Block},
	{"gagnez de l'argent*", words.Block},
	{"travail à domicile payé", words.Block},
	{"crétin*", words.Masking},
	{"abruti*", words.Masking},
	{"whatsapp", words.Masking},
	// Paid courses that "guarantee" work wait for a moderator's look.
	{"formation garanti*", words.Queue},
}

// writeWatchedWords adds the list, by the demo's moderator.
func writeWatchedWords(ctx context.Context, w *words.Service, users map[string]*accounts.User) error {
	var mod *accounts.User
	for _, m := range members {
		if m.Role == accounts.Moderator {
			mod = users[m.Username]
			break
		}
	}
	if mod == nil {
		return fmt.Errorf("demo: no moderator for the watched words")
	}
	for _, e := range watched {
		if _, err := w.Add(ctx, mod, e.pattern, e.action); err != nil {
			return fmt.Errorf("demo: watched word %q: %w", e.pattern, err)
		}
	}
	return nil
}
