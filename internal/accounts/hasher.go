package accounts

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// MaxConcurrentHashes is how many argon2id hashes one instance computes at
// once. Each holds 19 MiB while it runs: two keep an instance well under
// its 150 MB target however many log-ins and registrations arrive (32 at
// once took it to 521 MB), and the machine's two cores could not run more
// at full speed anyway. The others wait their turn.
const MaxConcurrentHashes = 2

// hashWait is the longest a request waits for a turn before the forum says
// it is busy, rather than piling up requests a person has given up on.
const hashWait = 10 * time.Second

// ErrBusy means too many passwords were being checked at once for this one
// to wait its turn; the person can try again in a moment.
var ErrBusy = errors.New("accounts: too many password checks at once")

// hasher computes and checks password hashes, a few at a time.
type hasher struct {
	slots    chan struct{}
	computed atomic.Int64 // hashes computed, for tests of what runs first
	running  atomic.Int64
	peak     atomic.Int64 // most hashes seen running at once, for tests
}

func newHasher(n int) *hasher { return &hasher{slots: make(chan struct{}, n)} }

func (h *hasher) run(ctx context.Context, fn func()) error {
	wait := time.NewTimer(hashWait)
	defer wait.Stop()
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	case <-wait.C:
		return ErrBusy
	}
	defer func() { <-h.slots }()
	n := h.running.Add(1)
	defer h.running.Add(-1)
	for {
		p := h.peak.Load()
		if n <= p || h.peak.CompareAndSwap(p, n) {
			break
		}
	}
	h.computed.Add(1)
	fn()
	return nil
}

// hash returns an encoded argon2id hash of password.
func (h *hasher) hash(ctx context.Context, password string) (encoded string, err error) {
	if rerr := h.run(ctx, func() { encoded, err = hashPassword(password) }); rerr != nil {
		return "", rerr
	}
	return encoded, err
}

// verify compares password with an encoded hash.
func (h *hasher) verify(ctx context.Context, encoded, password string) (ok bool, err error) {
	if rerr := h.run(ctx, func() { ok, err = verifyPassword(encoded, password) }); rerr != nil {
		return false, rerr
	}
	return ok, err
}
