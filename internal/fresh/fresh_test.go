package fresh

import (
	"testing"
	"time"
)

func TestValueIsKeptForItsTTLAndForgottenAtOnce(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	c := New[int](time.Second)
	c.SetClock(func() time.Time { return now })
	reads := 0
	load := func() (int, error) { reads++; return reads, nil }
	if v, _ := c.Get(load); v != 1 {
		t.Fatalf("first read: %d", v)
	}
	if v, _ := c.Get(load); v != 1 || reads != 1 {
		t.Fatalf("within the TTL: %d after %d reads", v, reads)
	}
	now = now.Add(time.Second)
	if v, _ := c.Get(load); v != 2 {
		t.Fatalf("after the TTL: %d", v)
	}
	c.Forget()
	if v, _ := c.Get(load); v != 3 {
		t.Fatalf("after Forget: %d", v)
	}
}

// A read that started before a change is not kept: the next caller reads
// the change.
func TestReadUnderWayWhenForgottenIsNotKept(t *testing.T) {
	c := New[string](time.Hour)
	v, _ := c.Get(func() (string, error) {
		c.Forget() // a change saved while this read ran
		return "before the change", nil
	})
	if v != "before the change" {
		t.Fatalf("the reader's own answer: %q", v)
	}
	if v, _ := c.Get(func() (string, error) { return "after", nil }); v != "after" {
		t.Fatalf("the read under way was kept: %q", v)
	}
}

func TestZeroTTLReadsEveryTime(t *testing.T) {
	c := New[int](time.Second)
	c.SetTTL(0)
	reads := 0
	for range 3 {
		c.Get(func() (int, error) { reads++; return reads, nil })
	}
	if reads != 3 {
		t.Fatalf("%d reads for 3 uses", reads)
	}
}
