// Package migrations embeds the versioned SQL migrations, one folder per
// database. A shipped migration is never edited: a new one fixes it.
package migrations

import "embed"

// FS holds postgres/NNNN_name.sql and sqlite/NNNN_name.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS
