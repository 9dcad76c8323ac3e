package forum

import (
	"testing"
	"time"

	"entraide/internal/accounts"
)

// A suspended moderator may not choose the solution of someone else's
// thread; the thread's author and an active moderator may.
func TestSuspendedModeratorChoosesNoSolution(t *testing.T) {
	until := time.Now().Add(time.Hour)
	thread := &Thread{AuthorID: 1}
	cases := []struct {
		name string
		u    *accounts.User
		want bool
	}{
		{"the author", &accounts.User{ID: 1, Role: accounts.Newcomer}, true},
		{"a member", &accounts.User{ID: 2, Role: accounts.Member}, false},
		{"a moderator", &accounts.User{ID: 3, Role: accounts.Moderator}, true},
		{"a suspended moderator", &accounts.User{ID: 4, Role: accounts.Moderator, SuspendedUntil: &until}, false},
	}
	for _, c := range cases {
		if got := CanChooseSolution(c.u, thread); got != c.want {
			t.Errorf("%s: CanChooseSolution = %v, want %v", c.name, got, c.want)
		}
	}
}
