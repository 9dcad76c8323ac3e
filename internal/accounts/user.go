package accounts

import (
	"time"

	"entraide/internal/db"
)

// User is a member's account. The password hash never leaves this package's
// services in a page: templates get the fields they show.
type User struct {
	ID          int64
	Username    string
	UsernameKey string
	// UsernameSkeleton is the name's UTS #39 skeleton (names.go): no two
	// members' names may look alike.
	UsernameSkeleton string
	Email            string
	EmailKey         string
	PasswordHash     string `gorm:"column:password_hash"`
	Role             Role
	DisplayName      string
	Bio              string
	Locale           string
	SessionVersion   int
	ThreadCount      int
	ReplyCount       int
	CreatedAt        time.Time
	UpdatedAt        time.Time
	// Counters kept by the forum's thank-yous and the notifications, in the
	// transaction of the rows they count.
	ThanksReceived      int
	ThanksGiven         int
	SolutionCount       int
	UnreadNotifications int
	// A suspension (moderation): until SuspendedUntil the member reads but
	// cannot write or thank; the reason is shown to them.
	SuspendedUntil   *time.Time
	SuspensionReason string
	// HeldPosts counts the member's posts held for approval or rejected
	// (internal/approval), kept in the transaction of those rows.
	HeldPosts int
	// CannedRev moves with every change to the member's own canned
	// replies (internal/replies keeps her titles under it).
	CannedRev int
}

// SuspendedAt reports whether the member is suspended at now.
func (u *User) SuspendedAt(now time.Time) bool {
	return u != nil && u.SuspendedUntil != nil && now.Before(*u.SuspendedUntil)
}

// ModeratesAt reports whether u may use the moderators' tools at now:
// moderators and admins, unless suspended (a suspension takes the tools
// away with the right to write, and gives them back when it ends).
func (u *User) ModeratesAt(now time.Time) bool {
	return u != nil && u.Can(Moderator) && !u.SuspendedAt(now)
}

// Name is what the forum shows for the member: the display name when set.
func (u *User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

// Can reports whether the user holds at least role min; a nil user is a
// visitor.
func (u *User) Can(min Role) bool {
	if u == nil {
		return min == Visitor
	}
	return u.Role.AtLeast(min)
}

// RoleOf returns the role of u, Visitor for nil.
func RoleOf(u *User) Role {
	if u == nil {
		return Visitor
	}
	return u.Role
}

// userRow is User's columns and scan destinations, for the hand-scanned
// lookup of the session's member on every page (db.RowMap).
var userRow = db.NewRowMap[User]()

func (u *User) fields() []any { return userRow.Fields(u) }
