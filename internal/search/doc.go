// Package search is Entraide's full-text search: one Go analyzer whose tokens
// are stored in both databases (a 'simple' tsvector on PostgreSQL, an FTS5
// table on SQLite), so that matching is the same whatever the database.
//
// The pure-Go core lives here: Analyze turns a text into the tokens to index,
// ParseQuery turns what a person typed into analyzed terms, phrases and
// exclusions, and Snippet renders a highlighted extract for the results page.
// Because every token is made only of [a-z0-9], the database layer can build
// FTS5 and tsquery expressions from a Query without any escaping.
package search
