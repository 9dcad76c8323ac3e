package accounts

import (
	"context"

	"entraide/internal/db"
)

// Bulk loaders (the data generator) write accounts in batches, beside the
// service; these give them exactly the keys and hash format the service
// uses, so generated members log in and collide like real ones.

// UsernameKey is the form under which usernames must be unique.
func UsernameKey(username string) string { return usernameKey(username) }

// UsernameSkeleton is the form under which usernames must not look alike
// (UTS #39 skeleton; see names.go).
func UsernameSkeleton(username string) string { return usernameSkeleton(username) }

// EmailKey is the form under which emails must be unique.
func EmailKey(email string) string { return emailKey(email) }

// HashPassword returns an encoded argon2id hash of password with a fresh
// salt, as stored in users.password_hash.
func HashPassword(password string) (string, error) { return hashPassword(password) }

// CheckUsername returns the catalog key of what is wrong with username, or
// "" when registration would accept it.
func CheckUsername(username string) string { return checkUsername(username) }

// Recount computes, inside a bulk loader's transaction, the members' thread
// and reply counts (see forum.Recount).
func Recount(ctx context.Context, ex db.Execer) error {
	return db.Recount(ctx, ex, Invariants())
}
