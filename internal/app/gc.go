package app

import (
	"os"
	"runtime/debug"
)

// How the collector runs when serving. A page allocates a few hundred
// kilobytes that die with it (template execution is reflection) over a
// live heap of about 15 MB: at Go's default GOGC of 100 the collector took
// a fifth of the CPU under load. 200 collects half as often; the soft limit
// keeps the process under 150 MB resident however the heap grows, by
// collecting sooner when it nears 100 MiB (docs/performance.md).
const (
	servingGCPercent   = 200
	servingMemoryLimit = 100 << 20
)

// tuneGC applies the serving settings, unless the operator chose with GOGC
// or GOMEMLIMIT.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(servingGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(servingMemoryLimit)
	}
}
