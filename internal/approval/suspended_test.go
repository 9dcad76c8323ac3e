package approval

import (
	"testing"
	"time"

	"entraide/internal/accounts"
)

// A suspended moderator may not use this tool until the suspension ends.
func TestSuspendedModeratorCanDecideNot(t *testing.T) {
	until := time.Now().Add(time.Hour)
	if !CanDecide(&accounts.User{Role: accounts.Moderator}) {
		t.Fatal("a moderator is refused")
	}
	if CanDecide(&accounts.User{Role: accounts.Moderator, SuspendedUntil: &until}) {
		t.Fatal("a suspended moderator is let through")
	}
}
