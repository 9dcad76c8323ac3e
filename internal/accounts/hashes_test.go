package accounts

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"entraide/internal/testkit/testdb"
)

const testPassword = "une phrase de passe solide"

// TestPasswordHashesAreBoundedAndComeLast: however many registrations and
// log-ins arrive at once, at most MaxConcurrentHashes argon2id hashes (19 MiB
// each) run together, which keeps an instance under its 150 MB target; and a
// registration of a taken name is refused before any hash is computed.
func TestPasswordHashesAreBoundedAndComeLast(t *testing.T) {
	s := New(testdb.NewDB(t))
	ctx := context.Background()
	if _, err := s.Register(ctx, Registration{Username: "mathilde", Email: "mathilde@exemple.fr", Password: testPassword, Confirm: testPassword}); err != nil {
		t.Fatal(err)
	}
	before := s.hasher.computed.Load()
	for i := 0; i < 5; i++ {
		if _, err := s.Register(ctx, Registration{Username: "Mathilde", Email: fmt.Sprintf("m%d@exemple.fr", i), Password: testPassword, Confirm: testPassword}); err == nil {
			t.Fatal("a taken name was accepted")
		}
	}
	if n := s.hasher.computed.Load() - before; n != 0 {
		t.Fatalf("%d hashes computed for registrations of a taken name", n)
	}
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, _ = s.Register(ctx, Registration{Username: fmt.Sprintf("flot%c", 'a'+i), Email: fmt.Sprintf("flot%d@exemple.fr", i), Password: testPassword, Confirm: testPassword})
			} else {
				_, _ = s.Authenticate(ctx, "mathilde", "mauvais", fmt.Sprintf("192.0.2.%d", i))
			}
		}()
	}
	wg.Wait()
	if peak := s.hasher.peak.Load(); peak > MaxConcurrentHashes || peak < 1 {
		t.Fatalf("%d hashes ran at once; the bound is %d", peak, MaxConcurrentHashes)
	}
}
