package forum

import (
	"context"
	"strings"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/errs"
)

// ThreadGate decides, inside the transaction that opens a thread, whether
// its author may open it and where it goes; internal/ask implements it
// (search first, the newcomers' section). The context it is given carries
// the transaction, for its own reads and writes to join.
type ThreadGate interface {
	// Admit returns whether the thread must go to the newcomers' section,
	// or an error (an errs.Refusal naming the rule) to stop it.
	Admit(ctx context.Context, author *accounts.User, in NewThread) (toNewcomers bool, err error)
	// Opened is told of the thread once written, in the same transaction.
	Opened(ctx context.Context, author *accounts.User, in NewThread, t *Thread) error
	// Held is told instead when a rule made the thread wait for approval
	// (pendingID is the waiting post), in the same transaction.
	Held(ctx context.Context, author *accounts.User, in NewThread, pendingID int64) error
	// Published is told when a moderator approves waiting post pendingID
	// as thread t, in the approval's transaction.
	Published(ctx context.Context, pendingID int64, t *Thread) error
}

// SetGate installs the gate every new thread goes through; without one a
// newcomer's thread goes to the newcomers' section and nothing else is
// checked. The application wires it once, before serving.
func (s *Service) SetGate(g ThreadGate) { s.gate = g }

// Limits of "what I already read or tried".
const (
	MinTriedLength = 30
	MaxTriedLength = 5000
)

// checkTried requires "what I already read or tried" of a newcomer who
// asks through the ask flow; for everyone it is bounded.
func checkTried(bad errs.Invalid, author *accounts.User, in NewThread) {
	n := utf8.RuneCountInString(in.Tried)
	switch {
	case n > MaxTriedLength:
		bad.Add("tried", "forum.tried.too_long")
	case in.AskSession != "" && !author.Can(accounts.Member) && n < MinTriedLength:
		if strings.TrimSpace(in.Tried) == "" {
			bad.Add("tried", "forum.tried.required")
		} else {
			bad.Add("tried", "forum.tried.too_short")
		}
	}
}
