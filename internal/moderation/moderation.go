// Package moderation owns what moderators decide about people and what
// members report: suspensions, promotions, flags and the automatic hiding
// of a post enough people flagged, and the moderators' figures (what is
// waiting). The actions on threads and posts themselves are the forum's
// (internal/forum/moderation.go), because they change its rows, counters
// and search index; this package calls them inside its own transaction.
// Every action records its line in the moderation log in that transaction.
package moderation

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/modlog"
	"entraide/internal/notify"
	"entraide/internal/promotion"
	"entraide/internal/rules"
)

// The actions this package records in the moderation log.
const (
	ActSuspend      modlog.Action = "user_suspend"
	ActLift         modlog.Action = "user_lift"
	ActPromote      modlog.Action = "user_promote"
	ActFlagsDismiss modlog.Action = "flags_dismiss"
)

// FlagsToHide is the rule "flags that hide a post until a moderator
// reviews it" (rules.Catalog): off, or the number of distinct people.
const FlagsToHide = rules.FlagsToHide

// Accounts is what moderation needs of internal/accounts; its methods join
// the transaction ctx carries.
type Accounts interface {
	ByID(ctx context.Context, id int64) (*accounts.User, error)
	Suspend(ctx context.Context, id int64, until *time.Time, reason string) error
	Promote(ctx context.Context, id int64) (bool, error)
}

// Service is the moderation domain.
type Service struct {
	db       *db.DB
	forum    *forum.Service
	accounts Accounts
	log      *modlog.Log
	rules    *rules.Book
	notes    *notify.Service // tells the person what was decided about them
	now      func() time.Time
}

// New returns the service.
func New(d *db.DB, f *forum.Service, acc Accounts, log *modlog.Log, book *rules.Book, notes *notify.Service) *Service {
	return &Service{db: d, forum: f, accounts: acc, log: log, rules: book, notes: notes,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock, for tests and the data generator.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

var (
	refuseNotModerator = &errs.Refusal{Rule: "moderators_only", Key: "moderation.refused.not_moderator"}
	refuseRank         = &errs.Refusal{Rule: "moderator_rank", Key: "moderation.refused.rank"}
	refuseNotNewcomer  = &errs.Refusal{Rule: "promote_newcomers", Key: "moderation.refused.not_newcomer"}
	refuseNotSuspended = &errs.Refusal{Rule: "nothing_to_do", Key: "moderation.refused.nothing_to_do"}
)

// CanActOn reports whether actor may suspend or promote target: a
// moderator acts on newcomers and members, an admin on moderators too;
// nobody on an admin or on themselves.
func CanActOn(actor, target *accounts.User) bool {
	if !forum.CanModerate(actor) || target == nil || actor.ID == target.ID || target.Can(accounts.Admin) {
		return false
	}
	return !target.Can(accounts.Moderator) || actor.Can(accounts.Admin)
}

// target loads the person actor means to act on.
func (s *Service) target(ctx context.Context, actor *accounts.User, id int64) (*accounts.User, error) {
	if actor == nil {
		return nil, errs.ErrForbidden
	}
	if !forum.CanModerate(actor) {
		return nil, refuseNotModerator
	}
	u, err := s.accounts.ByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanActOn(actor, u) {
		return nil, refuseRank
	}
	return u, nil
}

// MaxSuspensionDays bounds a suspension's length.
const MaxSuspensionDays = 3650

// Suspend suspends the member until the end of day days from now, with a
// reason they will read.
func (s *Service) Suspend(ctx context.Context, actor *accounts.User, userID int64, days int, reason string) error {
	reason = strings.TrimSpace(cleantext.Text(reason))
	bad := errs.Invalid{}
	switch {
	case reason == "":
		bad.Add("reason", "moderation.reason.required")
	case utf8.RuneCountInString(reason) > forum.MaxReasonLength:
		bad.Add("reason", "moderation.reason.too_long")
	}
	if days < 1 || days > MaxSuspensionDays {
		bad.Add("days", "moderation.suspend.days")
	}
	if err := bad.Err(); err != nil {
		return err
	}
	u, err := s.target(ctx, actor, userID)
	if err != nil {
		return err
	}
	until := s.now().Add(time.Duration(days) * 24 * time.Hour)
	return s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.accounts.Suspend(ctx, u.ID, &until, reason); err != nil {
			return err
		}
		if err := s.log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: ActSuspend, UserID: u.ID, Reason: reason,
			Detail: until.Format(time.RFC3339)}); err != nil {
			return err
		}
		return s.tell(ctx, u.ID, notify.KindSuspended, actor.ID)
	})
}

// Lift ends the member's suspension now.
func (s *Service) Lift(ctx context.Context, actor *accounts.User, userID int64) error {
	u, err := s.target(ctx, actor, userID)
	if err != nil {
		return err
	}
	if !u.SuspendedAt(s.now()) {
		return refuseNotSuspended
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.accounts.Suspend(ctx, u.ID, nil, ""); err != nil {
			return err
		}
		if err := s.log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: ActLift, UserID: u.ID}); err != nil {
			return err
		}
		return s.tell(ctx, u.ID, notify.KindSuspensionLifted, actor.ID)
	})
}

// Promote makes a newcomer a member, a moderator's decision.
func (s *Service) Promote(ctx context.Context, actor *accounts.User, userID int64) error {
	u, err := s.target(ctx, actor, userID)
	if err != nil {
		return err
	}
	if u.Role != accounts.Newcomer {
		return refuseNotNewcomer
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		ok, err := s.accounts.Promote(ctx, u.ID)
		if err != nil {
			return err
		}
		if !ok {
			return refuseNotNewcomer
		}
		if err := s.log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: ActPromote, UserID: u.ID}); err != nil {
			return err
		}
		// The same notice as an automatic promotion: what changed for them.
		return s.tell(ctx, u.ID, promotion.KindPromoted, actor.ID)
	})
}

// tell notifies the person of a decision about their account, in the
// decision's transaction. Its link is the rules page, which says what each
// role may do.
func (s *Service) tell(ctx context.Context, userID int64, kind notify.Kind, actorID int64) error {
	if s.notes == nil {
		return nil
	}
	return s.notes.Send(ctx, notify.Note{RecipientID: userID, Kind: kind, Subject: "account:" + strconv.FormatInt(userID, 10),
		Link: "/rules", ActorID: actorID})
}

// Waiting is how many things wait for a moderator: posts with pending
// flags. The header's link shows it (internal/web adds other features'
// figures to it).
func (s *Service) Waiting(ctx context.Context) (int, error) {
	var n int
	err := s.db.Conn(ctx).Raw("SELECT COUNT(DISTINCT post_id) FROM flags WHERE resolved_at IS NULL").Scan(&n).Error
	if err != nil {
		return 0, fmt.Errorf("moderation: waiting: %w", err)
	}
	return n, nil
}
