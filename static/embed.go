// Package static embeds the stylesheets, scripts and images served under
// /static/, so the binary needs no files beside it.
package static

import "embed"

// FS holds css/, js/ and img/.
//
//go:embed css js img
var FS embed.FS
