// Package browsertest holds the tests that drive the whole forum in headless
// Chromium through testkit's harness: the flows people click through, with
// and without JavaScript, accessibility (axe-core) in light and dark mode and
// on a small phone, and hostile input that must never run. It has no code
// but its tests; they run with `go test ./...`, and skip loudly without
// Chromium or axe-core (outside CI).
package browsertest
