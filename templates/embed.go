// Package templates embeds the HTML templates: layouts/, partials/ and
// pages/<resource>/<action>.html, parsed once at start.
package templates

import "embed"

// FS holds every template.
//
//go:embed layouts/*.html partials/*.html pages
var FS embed.FS
