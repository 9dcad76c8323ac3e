package throttle

import (
	"context"
	"testing"
	"time"

	"entraide/internal/testkit/testdb"
)

func TestBackOffDoublesAndRefusalsAreNotCounted(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := New(testdb.NewDB(t), func() time.Time { return now })
	ctx := context.Background()
	r := Rule{Scope: "test", Window: 24 * time.Hour, Free: 2, Base: 2 * time.Second, Max: 10 * time.Second}
	take := func() time.Duration {
		t.Helper()
		wait, err := s.Take(ctx, r, "clé")
		if err != nil {
			t.Fatal(err)
		}
		return wait
	}
	for i := 0; i < 2; i++ {
		if w := take(); w != 0 {
			t.Fatalf("free attempt %d waits %v", i, w)
		}
	}
	for _, want := range []time.Duration{2, 4, 8, 10, 10} {
		if w := take(); w != want*time.Second {
			t.Fatalf("wait %v, want %v", w, want*time.Second)
		}
		for i := 0; i < 5; i++ { // refused tries change nothing
			if w := take(); w != want*time.Second {
				t.Fatalf("a refused try moved the wait to %v", w)
			}
		}
		now = now.Add(want * time.Second)
		if w := take(); w != 0 {
			t.Fatalf("after the wait: %v", w)
		}
	}
	if c, _ := s.Peek(ctx, r, "clé"); c.Hits != 7 {
		t.Fatalf("%d attempts counted, want 7", c.Hits)
	}
	// The next window starts afresh, and the old row is deleted.
	now = now.Add(24 * time.Hour)
	if w := take(); w != 0 {
		t.Fatalf("a new window waits %v", w)
	}
	var rows int64
	s.db.Raw("SELECT COUNT(*) FROM throttle_counters").Scan(&rows)
	if rows != 1 {
		t.Fatalf("%d rows after the window passed", rows)
	}
}
