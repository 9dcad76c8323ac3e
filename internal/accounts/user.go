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

// userColumns are User's columns in the order of its fields, for the
// hand-scanned lookup of the session's member; TestUserColumnsAreTheModel
// keeps them in step when a field is added.
const userColumns = "id, username, username_key, username_skeleton, email, email_key, password_hash, role, display_name, bio, locale, " +
	"session_version, thread_count, reply_count, created_at, updated_at"

func (u *User) fields() []any {
	return []any{&u.ID, &u.Username, &u.UsernameKey, &u.UsernameSkeleton, &u.Email, &u.EmailKey, &u.PasswordHash, db.Text(&u.Role),
		&u.DisplayName, &u.Bio, &u.Locale, db.Int(&u.SessionVersion), db.Int(&u.ThreadCount), db.Int(&u.ReplyCount),
		db.Time(&u.CreatedAt), db.Time(&u.UpdatedAt)}
}
