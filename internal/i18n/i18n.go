// Package i18n holds the interface's translation catalogs (French first,
// English second), chooses a person's language, and formats dates and counts
// the way each language expects.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Each language is a folder of JSON files that together make its catalog: a
// feature adds its own file (locales/fr/thanks.json) rather than editing one
// shared file, and a key defined twice fails start-up.
//
//go:embed locales
var catalogFiles embed.FS

// Locales are the supported languages, the default first.
var Locales = []string{"fr", "en"}

// Bundle holds every catalog, loaded once at start.
type Bundle struct {
	catalogs map[string]map[string]string
	dates    map[string]*dateFormat
}

// Load reads the embedded catalogs and checks that every language has exactly
// the same keys, so a missing translation fails start-up and tests, not a page.
func Load() (*Bundle, error) {
	b := &Bundle{catalogs: map[string]map[string]string{}, dates: map[string]*dateFormat{}}
	for _, loc := range Locales {
		cat, err := loadCatalog(loc)
		if err != nil {
			return nil, err
		}
		b.catalogs[loc] = cat
	}
	if diff := b.keyDifferences(); len(diff) > 0 {
		return nil, fmt.Errorf("i18n: catalogs disagree: %s", strings.Join(diff, "; "))
	}
	for _, loc := range Locales {
		dates, err := newDateFormat(b.For(loc))
		if err != nil {
			return nil, err
		}
		b.dates[loc] = dates
	}
	return b, nil
}

// loadCatalog merges the files of one language's folder.
func loadCatalog(loc string) (map[string]string, error) {
	files, err := fs.Glob(catalogFiles, "locales/"+loc+"/*.json")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("i18n: no catalog for %s", loc)
	}
	cat := map[string]string{}
	for _, name := range files {
		raw, err := catalogFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		part := map[string]string{}
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		for k, v := range part {
			if _, dup := cat[k]; dup {
				return nil, fmt.Errorf("i18n: %s defines %s again", name, k)
			}
			cat[k] = v
		}
	}
	return cat, nil
}

func (b *Bundle) keyDifferences() []string {
	var diff []string
	base := b.catalogs[Locales[0]]
	for _, loc := range Locales[1:] {
		other := b.catalogs[loc]
		for k := range base {
			if _, ok := other[k]; !ok {
				diff = append(diff, loc+" lacks "+k)
			}
		}
		for k := range other {
			if _, ok := base[k]; !ok {
				diff = append(diff, Locales[0]+" lacks "+k)
			}
		}
	}
	sort.Strings(diff)
	return diff
}

// Has reports whether key exists in the catalogs.
func (b *Bundle) Has(key string) bool {
	_, ok := b.catalogs[Locales[0]][key]
	return ok
}

// Keys lists every key of the default catalog, sorted.
func (b *Bundle) Keys() []string {
	keys := make([]string, 0, len(b.catalogs[Locales[0]]))
	for k := range b.catalogs[Locales[0]] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Supported reports whether locale is one of ours.
func Supported(locale string) bool {
	for _, l := range Locales {
		if l == locale {
			return true
		}
	}
	return false
}

// For returns the translator of locale, falling back to the default language.
func (b *Bundle) For(locale string) Translator {
	if !Supported(locale) {
		locale = Locales[0]
	}
	return Translator{Locale: locale, catalog: b.catalogs[locale], dates: b.dates[locale]}
}

// Translator speaks one language.
type Translator struct {
	Locale  string
	catalog map[string]string
	dates   *dateFormat // nil but from Bundle.For: see dateFormats
}

// T returns the message of key, with args formatted into its verbs. A missing
// key shows itself in brackets, so it is seen and fixed rather than guessed.
func (t Translator) T(key string, args ...any) string {
	msg, ok := t.catalog[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// N returns the plural form of key for n (key.one or key.other), with n as
// the first argument.
func (t Translator) N(key string, n int, args ...any) string {
	form := ".other"
	if t.singular(n) {
		form = ".one"
	}
	return t.T(key+form, append([]any{n}, args...)...)
}

// singular reports whether n takes the singular form: French counts 0 and 1
// as singular; English only 1.
func (t Translator) singular(n int) bool { return n == 1 || (n == 0 && t.Locale == "fr") }
