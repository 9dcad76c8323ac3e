package search

// Bounds on what one search may cost, on every entry point: the results
// page (ParseQuery), similar threads (Similar) and the ask flow that uses it.
// A 5,000-word title sent to /search/similar cost 0.7 s of CPU on SQLite
// before the title was cut.
const (
	// MaxQueryTerms is how many distinct words and phrases a query keeps,
	// exclusions included; the words after them are read as typed but not
	// searched.
	MaxQueryTerms = 16
	// MaxSimilarTitleBytes and MaxSimilarBodyBytes are how much of a draft
	// similar threads read: a title is one sentence, and the body's first
	// words say what it is about.
	MaxSimilarTitleBytes = MaxQueryBytes
	MaxSimilarBodyBytes  = 4000
	// MaxPage is the last page of results one may ask for: 10,000 threads
	// down. Further (or an overflowing number) reads as the last one.
	MaxPage = 500
)

// cutBytes cuts s to at most n bytes on a rune boundary, repairing invalid
// UTF-8 first (as the query box does).
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return cleanQueryTo(s, n)
}
