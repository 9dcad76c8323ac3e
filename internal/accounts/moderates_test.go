package accounts

import (
	"testing"
	"time"
)

func TestModeratesAtEndsWithASuspension(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	later := now.Add(72 * time.Hour)
	earlier := now.Add(-time.Hour)
	cases := []struct {
		name string
		u    *User
		want bool
	}{
		{"nobody", nil, false},
		{"member", &User{Role: Member}, false},
		{"moderator", &User{Role: Moderator}, true},
		{"admin", &User{Role: Admin}, true},
		{"suspended moderator", &User{Role: Moderator, SuspendedUntil: &later}, false},
		{"moderator whose suspension ended", &User{Role: Moderator, SuspendedUntil: &earlier}, true},
	}
	for _, c := range cases {
		if got := c.u.ModeratesAt(now); got != c.want {
			t.Errorf("%s: ModeratesAt = %v, want %v", c.name, got, c.want)
		}
	}
}
