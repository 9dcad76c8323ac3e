// Package errs holds the kinds of failure that domain packages report and the
// web layer turns into pages: not found, forbidden, and invalid input whose
// messages are translation-catalog keys, never English sentences.
package errs

import (
	"errors"
	"sort"
	"strings"
)

// ErrNotFound means the thing asked for does not exist or is not visible to
// the person asking (we do not tell them apart, to leak nothing).
var ErrNotFound = errors.New("not found")

// ErrForbidden means the person may see the thing but not do this to it.
var ErrForbidden = errors.New("forbidden")

// Invalid maps a form field to the catalog key of what is wrong with it.
// An empty field name is a message about the whole form.
type Invalid map[string]string

// Add records a problem with field, keeping the first one reported.
func (v Invalid) Add(field, key string) {
	if _, ok := v[field]; !ok {
		v[field] = key
	}
}

// Err returns v as an error, or nil when nothing is wrong.
func (v Invalid) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// Error lists the fields and keys, for logs and tests.
func (v Invalid) Error() string {
	parts := make([]string, 0, len(v))
	for f, k := range v {
		parts = append(parts, f+": "+k)
	}
	sort.Strings(parts)
	return "invalid input: " + strings.Join(parts, ", ")
}

// AsInvalid returns the field problems carried by err, if any.
func AsInvalid(err error) (Invalid, bool) {
	var v Invalid
	if errors.As(err, &v) {
		return v, true
	}
	return nil, false
}

// Refusal is a rule of the forum stopping an action, with the catalog key of
// the message that names the rule and says what to do.
type Refusal struct {
	Rule string // the rule's name, for logs and the moderation log
	Key  string // catalog key of the message shown to the person
	Args []any  // the message's arguments (the limit, the count found…)
	// Plural says Key is a plural pair (Key.one, Key.other) chosen by
	// Args[0], an int.
	Plural bool
}

func (r *Refusal) Error() string { return "refused by rule " + r.Rule }

// AsRefusal returns the refusal carried by err, if any.
func AsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	if errors.As(err, &r) {
		return r, true
	}
	return nil, false
}
