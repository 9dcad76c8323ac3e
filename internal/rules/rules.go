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
	"strconv"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/fresh"
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

	// ThreadsPerDayNewcomer and ThreadsPerDayMember bound the threads a
	// newcomer or a member opens in 24 hours (internal/limits).
	ThreadsPerDayNewcomer = "threads_per_day_newcomer"
	ThreadsPerDayMember   = "threads_per_day_member"
	// RepliesPerHourNewcomer and RepliesPerHourMember bound the replies in
	// an hour.
	RepliesPerHourNewcomer = "replies_per_hour_newcomer"
	RepliesPerHourMember   = "replies_per_hour_member"
	// SameText refuses a post identical to one its author published within
	// this many minutes (0: off).
	SameText = "same_text_minutes"
	// NewcomerLinks bounds the links in a newcomer's post.
	NewcomerLinks = "newcomer_links"
	// WatchedWords applies the moderators' list of watched words
	// (internal/words) to newcomers' and members' posts.
	WatchedWords = "watched_words"
	// AutoPromotion makes a newcomer a member once PromotionDays,
	// PromotionReplies and PromotionThanks hold (internal/promotion).
	AutoPromotion    = "auto_promotion"
	PromotionDays    = "promotion_days"
	PromotionReplies = "promotion_replies"
	PromotionThanks  = "promotion_thanks"
	// ApprovalFirstPosts is how many of a newcomer's first posts wait for
	// a moderator's approval (internal/approval; 0: none).
	ApprovalFirstPosts = "approval_first_posts"
	// FlagsToHide hides a post that this many distinct people flagged,
	// until a moderator decides (internal/moderation): off, or 2 to 5.
	FlagsToHide = "flags_to_hide"
)

// Kind is how a rule's value is chosen: from a list, or as a whole number
// within bounds.
type Kind int

// The kinds of rule.
const (
	Choice Kind = iota // one of Values
	Number             // a whole number from Min to Max
)

// Descriptor is one rule as the rules page and the admin form show it.
type Descriptor struct {
	Name     string   // stable name, also used in refusals and logs
	Setting  string   // key in the settings table
	Kind     Kind     // Choice (the zero value) or Number
	Values   []string // Choice: values an admin may choose, in the order shown
	Min, Max int      // Number: the bounds an admin may choose within
	// ZeroOff (Number) means 0 turns the rule off, with its own sentence
	// "rules.<name>.zero".
	ZeroOff bool
	Default string
}

// SentenceKey is the catalog key of the public sentence for value: for a
// number, the plural pair "rules.<name>.count.one/.other" (given the
// number), or "rules.<name>.zero" when 0 turns the rule off.
func (d Descriptor) SentenceKey(value string) string {
	if d.Kind == Number {
		if d.ZeroOff && value == "0" {
			return "rules." + d.Name + ".zero"
		}
		return "rules." + d.Name + ".count"
	}
	return "rules." + d.Name + "." + value
}

// LabelKey is the catalog key of the rule's name on the admin form.
func (d Descriptor) LabelKey() string { return "rules." + d.Name + ".label" }

// Keys lists every catalog key the rule's sentences and label use, for the
// test that every key exists.
func (d Descriptor) Keys() []string {
	keys := []string{d.LabelKey()}
	if d.Kind == Number {
		keys = append(keys, d.SentenceKey("1")+".one", d.SentenceKey("1")+".other")
		if d.ZeroOff {
			keys = append(keys, d.SentenceKey("0"))
		}
		return keys
	}
	for _, v := range d.Values {
		keys = append(keys, d.SentenceKey(v), "rules.value."+v)
	}
	return keys
}

// Valid reports whether value is one the rule accepts.
func (d Descriptor) Valid(value string) bool {
	if d.Kind == Number {
		n, err := strconv.Atoi(value)
		return err == nil && n >= d.Min && n <= d.Max && strconv.Itoa(n) == value
	}
	return slices.Contains(d.Values, value)
}

// number is a rule whose value is a whole number.
func number(name string, def, min, max int, zeroOff bool) Descriptor {
	return Descriptor{Name: name, Setting: "rules." + name, Kind: Number, Min: min, Max: max, ZeroOff: zeroOff, Default: strconv.Itoa(def)}
}

// Catalog is every rule, in the order of the rules page.
var Catalog = []Descriptor{
	number(ApprovalFirstPosts, 1, 0, 100, true),
	{Name: NewcomersSection, Setting: "rules." + NewcomersSection, Values: []string{On, Off}, Default: On},
	{Name: SearchFirst, Setting: "rules." + SearchFirst, Values: []string{On, Off}, Default: On},
	{Name: AcknowledgeAnswers, Setting: AcknowledgeSetting, Values: []string{"off", "nudge", "require"}, Default: "nudge"},
	number(ThreadsPerDayNewcomer, 3, 1, 1000, false),
	number(ThreadsPerDayMember, 20, 1, 1000, false),
	number(RepliesPerHourNewcomer, 10, 1, 1000, false),
	number(RepliesPerHourMember, 60, 1, 1000, false),
	number(SameText, 10, 0, 1440, true),
	number(NewcomerLinks, 2, 0, 100, false),
	{Name: WatchedWords, Setting: "rules." + WatchedWords, Values: []string{On, Off}, Default: On},
	{Name: AutoPromotion, Setting: "rules." + AutoPromotion, Values: []string{On, Off}, Default: On},
	number(PromotionDays, 7, 0, 365, true),
	number(PromotionReplies, 3, 0, 1000, true),
	number(PromotionThanks, 1, 0, 1000, true),
	{Name: FlagsToHide, Setting: "rules." + FlagsToHide, Values: []string{Off, "2", "3", "4", "5"}, Default: "3"},
}

// Values maps each rule's name to its current value.
type Values map[string]string

// On reports whether rule name is set to "on".
func (v Values) On(name string) bool { return v[name] == On }

// Int returns the value of a Number rule (0 if it is not one).
func (v Values) Int(name string) int {
	n, _ := strconv.Atoi(v[name])
	return n
}

// Book reads and writes the rules' values.
type Book struct {
	db    *db.DB
	list  []Descriptor
	cache *fresh.Value[Values]
}

// CacheFor is how long an instance keeps the values it read: every post
// checks them, and a statement each time costs a round trip inside the
// post's transaction. A change saved on this instance applies at once (Set
// and Save forget the values); one saved on another instance applies within
// CacheFor.
const CacheFor = time.Second

// New returns the book of list (usually Catalog) on d.
func New(d *db.DB, list []Descriptor) *Book {
	return &Book{db: d, list: list, cache: fresh.New[Values](CacheFor)}
}

// SetCacheTTL changes how long the values are kept (0: read on every
// use, for the tests that count statements).
func (b *Book) SetCacheTTL(d time.Duration) { b.cache.SetTTL(d) }

// SetClock replaces the clock the cache ages by, for tests that let
// another instance's second pass.
func (b *Book) SetClock(now func() time.Time) { b.cache.SetClock(now) }

// List returns the descriptors.
func (b *Book) List() []Descriptor { return b.list }

// Values returns every rule's value, defaults filling in what an admin
// never set: from the cache when it is fresh, else read in one statement
// (joining the transaction ctx carries, if any). The map is shared: read
// it, never change it.
func (b *Book) Values(ctx context.Context) (Values, error) {
	return b.cache.Get(func() (Values, error) { return b.read(ctx) })
}

// read reads the values in one statement.
func (b *Book) read(ctx context.Context) (Values, error) {
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
		if s, ok := stored[d.Setting]; ok && d.Valid(s) {
			v[d.Name] = s
		}
	}
	return v, nil
}

// Set stores the value of rule name; an unknown rule or value is invalid.
// It is for the forum's own wiring and tests; an admin's form goes through
// Save.
func (b *Book) Set(ctx context.Context, name, value string) error {
	i := slices.IndexFunc(b.list, func(d Descriptor) bool { return d.Name == name })
	if i < 0 || !b.list[i].Valid(value) {
		return errs.Invalid{name: "rules.invalid_value"}
	}
	err := b.db.Conn(ctx).Exec(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, b.list[i].Setting, value).Error
	if err != nil {
		return fmt.Errorf("rules: set %s: %w", name, err)
	}
	b.cache.Forget()
	return nil
}

// Save stores an admin's choices (rule name → value; rules left out keep
// theirs). Every value is checked first, and all are written in one
// transaction: a refused form changes nothing. Only an admin may.
func (b *Book) Save(ctx context.Context, actor *accounts.User, chosen map[string]string) error {
	if !actor.Can(accounts.Admin) {
		return errs.ErrForbidden
	}
	bad := errs.Invalid{}
	for name, v := range chosen {
		i := slices.IndexFunc(b.list, func(d Descriptor) bool { return d.Name == name })
		switch {
		case i < 0:
			bad.Add("", "rules.invalid_value")
		case !b.list[i].Valid(v) && b.list[i].Kind == Number:
			bad.Add(name, "rules.invalid_number")
		case !b.list[i].Valid(v):
			bad.Add(name, "rules.invalid_value")
		}
	}
	if err := bad.Err(); err != nil {
		return err
	}
	err := b.db.InTx(ctx, func(ctx context.Context) error {
		for _, d := range b.list {
			if v, ok := chosen[d.Name]; ok {
				if err := b.Set(ctx, d.Name, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	// Once more after the commit: a read between a Set and the commit
	// saw the old values.
	b.cache.Forget()
	return err
}
