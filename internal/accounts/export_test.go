package accounts

import "time"

// SetClock replaces the service's clock, for tests of what waits.
func SetClock(s *Service, now func() time.Time) { s.now = now }
