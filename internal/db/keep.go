package db

import "errors"

// Keep marks err — a rule's refusal decided inside a write, before the
// write itself — as one whose transaction still commits: what was written
// so far (the moderation log's line saying the rule acted) is kept, and
// err is returned to every caller up to the outermost transaction, which
// commits and hands it on. An enclosing transaction keeps what it wrote
// before the refused call too, so a caller writes nothing before a call
// that may refuse this way.
func Keep(err error) error {
	if err == nil {
		return nil
	}
	return &keptError{err}
}

type keptError struct{ err error }

func (k *keptError) Error() string { return k.err.Error() }
func (k *keptError) Unwrap() error { return k.err }

// kept splits fn's result: an error marked by Keep commits (nil for the
// transaction) and is returned afterwards.
func kept(err error) (forTx, after error) {
	var k *keptError
	if errors.As(err, &k) {
		return nil, err
	}
	return err, nil
}
