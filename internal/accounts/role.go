// Package accounts owns members: registration, passwords, roles, log-in
// throttling and the session version that lets a copied cookie die.
package accounts

// Role is what a person may do on the forum. Roles are ordered: each can do
// everything the one below it can.
type Role string

// The roles, from least to most trusted.
const (
	Visitor   Role = "visitor"
	Newcomer  Role = "newcomer"
	Member    Role = "member"
	Moderator Role = "moderator"
	Admin     Role = "admin"
)

// Roles lists the roles an account can hold, in order.
var Roles = []Role{Newcomer, Member, Moderator, Admin}

func (r Role) rank() int {
	switch r {
	case Newcomer:
		return 1
	case Member:
		return 2
	case Moderator:
		return 3
	case Admin:
		return 4
	default:
		return 0
	}
}

// AtLeast reports whether r is min or above.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() }

// Valid reports whether r is a role an account can hold.
func (r Role) Valid() bool { return r.rank() > 0 }
