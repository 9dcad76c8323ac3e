// Package rules lists the forum's moderation rules as descriptors — a name,
// the setting that holds its value, the values it may take — and reads and
// writes their values through internal/settings. The public /rules page and
// the admin's form are built from the list, so a feature adds a rule by
// adding a descriptor to Catalog; the sentence shown for a value is the
// catalog key "rules.<name>.<value>", its admin label "rules.<name>.label".
package rules

import (
	"context"
	"fmt"
	"slices"

	"entraide/internal/db"
	"entraide/internal/errs"
)

// The values of an on/off rule.
const (
	On  = "on"
	Off = "off"
)

// Names of the rules this package knows.
const (
	// NewcomersSection files a newcomer's thread in the newcomers' section.
	NewcomersSection = "newcomers_section"
	// SearchFirst lets newcomers open threads only through the ask flow.
	SearchFirst = "search_first"
	// AcknowledgeAnswers asks newcomers to acknowledge the answers to an
	// earlier question before asking again (internal/forum/acknowledge.go):
	// off, nudge or require.
	AcknowledgeAnswers = "acknowledge_answers"
	// AcknowledgeSetting is that rule's key in the settings table.
	AcknowledgeSetting = "rule_acknowledge_answers"
	// FlagsToHide hides a post that this many distinct people flagged,
	// until a moderator decides (internal/moderation): off, or 2 to 5.
	FlagsToHide = "flags_to_hide"
)

// Descriptor is one rule as the rules page and the admin form show it.
type Descriptor struct {
	Name    string   // stable name, also used in refusals and logs
	Setting string   // key in the settings table
	Values  []string // values an admin may choose, in the order shown
	Default string
}

// SentenceKey is the catalog key of the public sentence for value.
func (d Descriptor) SentenceKey(value string) string { return "rules." + d.Name + "." + value }

// LabelKey is the catalog key of the rule's name on the admin form.
func (d Descriptor) LabelKey() string { return "rules." + d.Name + ".label" }

// Catalog is every rule, in the order of the rules page.
var Catalog = []Descriptor{
	{Name: NewcomersSection, Setting: "rules." + NewcomersSection, Values: []string{On, Off}, Default: On},
	{Name: SearchFirst, Setting: "rules." + SearchFirst, Values: []string{On, Off}, Default: On},
	{Name: AcknowledgeAnswers, Setting: AcknowledgeSetting, Values: []string{"off", "nudge", "require"}, Default: "nudge"},
	{Name: FlagsToHide, Setting: "rules." + FlagsToHide, Values: []string{Off, "2", "3", "4", "5"}, Default: "3"},
}

// Values maps each rule's name to its current value.
type Values map[string]string

// On reports whether rule name is set to "on".
func (v Values) On(name string) bool { return v[name] == On }

// Book reads and writes the rules' values.
type Book struct {
	db   *db.DB
	list []Descriptor
}

// New returns the book of list (usually Catalog) on d.
func New(d *db.DB, list []Descriptor) *Book { return &Book{db: d, list: list} }

// List returns the descriptors.
func (b *Book) List() []Descriptor { return b.list }

// Values reads every rule's value in one statement, defaults filling in
// what an admin never set. It joins the transaction ctx carries, if any.
func (b *Book) Values(ctx context.Context) (Values, error) {
	keys := make([]string, len(b.list))
	for i, d := range b.list {
		keys[i] = d.Setting
	}
	var rows []struct{ Key, Value string }
	if err := b.db.Conn(ctx).Raw("SELECT key, value FROM settings WHERE key IN ?", keys).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("rules: read: %w", err)
	}
	stored := map[string]string{}
	for _, r := range rows {
		stored[r.Key] = r.Value
	}
	v := Values{}
	for _, d := range b.list {
		v[d.Name] = d.Default
		if s, ok := stored[d.Setting]; ok && slices.Contains(d.Values, s) {
			v[d.Name] = s
		}
	}
	return v, nil
}

// Set stores the value of rule name; an unknown rule or value is invalid.
func (b *Book) Set(ctx context.Context, name, value string) error {
	i := slices.IndexFunc(b.list, func(d Descriptor) bool { return d.Name == name })
	if i < 0 || !slices.Contains(b.list[i].Values, value) {
		return errs.Invalid{name: "rules.invalid_value"}
	}
	err := b.db.Conn(ctx).Exec(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, b.list[i].Setting, value).Error
	if err != nil {
		return fmt.Errorf("rules: set %s: %w", name, err)
	}
	return nil
}
