package accounts

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/mtibben/confusables"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
)

// Look-alike names. Two names collide when their folded keys match (case
// and accents: usernameKey) or when their skeletons do: the UTS #39
// confusable skeleton, which maps every character to the one it is drawn
// like — Cyrillic а to a, Greek ο to o, ı to i, capital I and 1 to l, m to
// rn — so "аdmin" (Cyrillic а), "ɑdmin" or "AdmIn" and "admin" share one.
//
// The skeleton comes from github.com/mtibben/confusables: a table generated
// by its maketables.go straight from Unicode's own confusables.txt (UTS #39,
// version 13), under the MIT licence, with no dependency beyond x/text. It
// is the one Go implementation of the published data we found; x/text has
// PRECIS profiles (width mapping, case folding) but no confusables data, and
// a hand-made table would miss most of the 6,000 mappings. The few ASCII
// tricks it leaves alone (_ for -, a trailing dot) are folded here.

// usernameSkeleton is the form under which two names look alike: NFKC first
// (fullwidth, mathematical and Roman-numeral letters become plain ones),
// accents dropped, the UTS #39 skeleton, lower case, and the separators
// . _ - read as one and ignored at the ends.
func usernameSkeleton(name string) string {
	name = norm.NFKC.String(cleanKey(name))
	name = strings.Map(func(r rune) rune {
		if l, ok := smallCapitals[r]; ok {
			return l
		}
		return r
	}, name)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if stripped, _, err := transform.String(t, name); err == nil {
		name = stripped
	}
	sk := strings.ToLower(confusables.Skeleton(name))
	// Lower case can make new look-alikes (Σ → σ): skeleton once more.
	sk = confusables.Skeleton(sk)
	sk = strings.Map(func(r rune) rune {
		if r == '_' || r == '.' {
			return '-'
		}
		return r
	}, sk)
	for strings.Contains(sk, "--") {
		sk = strings.ReplaceAll(sk, "--", "-")
	}
	return norm.NFC.String(strings.Trim(sk, "-"))
}

// smallCapitals are the Latin small-capital letters (ᴀ ʙ ᴄ …, "LATIN LETTER
// SMALL CAPITAL X" in Unicode's names), drawn as their capital at x-height.
// NFKC keeps them and confusables.txt maps only a few, so "ᴀᴅᴍɪɴ" would pass
// for a new name: they read as their letter here.
var smallCapitals = map[rune]rune{'\u0262': 'g', '\u026A': 'i', '\u0274': 'n', '\u0280': 'r', '\u028F': 'y', '\u0299': 'b', '\u029C': 'h', '\u029F': 'l', '\u1D00': 'a', '\u1D04': 'c', '\u1D05': 'd', '\u1D07': 'e', '\u1D0A': 'j', '\u1D0B': 'k', '\u1D0D': 'm', '\u1D0F': 'o', '\u1D18': 'p', '\u1D1B': 't', '\u1D1C': 'u', '\u1D20': 'v', '\u1D21': 'w', '\u1D22': 'z', '\uA730': 'f', '\uA731': 's', '\uA7AF': 'q'}

// reservedSkeletons are the reserved names as skeletons, so that a look-alike
// of "admin" is refused as "admin" is.
var reservedSkeletons = func() map[string]bool {
	set := map[string]bool{}
	for name := range reserved {
		set[usernameSkeleton(name)] = true
	}
	return set
}()

// scriptGroups are the scripts that may share a name: a name's letters must
// all belong to one group. Japanese mixes kanji and kana, Korean hangul and
// hanja, Chinese han and bopomofo; nothing else mixes, so "paypаl" with a
// Cyrillic а is refused whatever it looks like.
var scriptGroups = [][]*unicode.RangeTable{
	{unicode.Latin},
	{unicode.Greek},
	{unicode.Cyrillic},
	{unicode.Han, unicode.Hiragana, unicode.Katakana},
	{unicode.Han, unicode.Hangul},
	{unicode.Han, unicode.Bopomofo},
	{unicode.Arabic},
	{unicode.Hebrew},
	{unicode.Armenian},
	{unicode.Georgian},
	{unicode.Thai},
	{unicode.Devanagari},
}

// mixesScripts reports whether name's letters come from more than one
// script group (digits and . _ - belong to every script).
func mixesScripts(name string) bool {
	name = norm.NFKC.String(name)
	for _, group := range scriptGroups {
		if allIn(name, group) {
			return false
		}
	}
	return true
}

func allIn(name string, group []*unicode.RangeTable) bool {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			continue // digits, separators; marks are checked with their letter
		}
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Inherited, r) {
			continue
		}
		if !unicode.In(r, group...) {
			return false
		}
	}
	return true
}

// FillSkeletons computes the skeleton of the accounts created before names
// were compared by it (or written by a bulk loader), a batch at a time. It
// runs at start-up; with nothing to fill it is one query.
func (s *Service) FillSkeletons(ctx context.Context) error {
	for {
		var rows []struct {
			ID       int64
			Username string
		}
		if err := s.db.Conn(ctx).Raw("SELECT id, username FROM users WHERE username_skeleton = '' ORDER BY id LIMIT 500").Scan(&rows).Error; err != nil {
			return fmt.Errorf("accounts: fill skeletons: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
			for _, r := range rows {
				sk := usernameSkeleton(r.Username)
				if sk == "" {
					sk = "-" // never empty again, so the loop ends
				}
				if err := tx.Exec("UPDATE users SET username_skeleton = ? WHERE id = ?", sk, r.ID).Error; err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("accounts: fill skeletons: %w", err)
		}
	}
}
