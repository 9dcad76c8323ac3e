package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
)

// Similar is an existing thread close to a draft, with a score from 0 to 1
// (a little more for a solved thread, see ranking.go).
type Similar struct {
	ThreadID int64
	Title    string
	Solved   bool
	Score    float64
}

// similarCandidates is how many threads the database proposes before they
// are scored here; scoring in Go on a fixed candidate set gives the same
// order on both databases.
const similarCandidates = 40

// maxSimilarTokens bounds the draft's words sent to the database: the title's
// all, then the body's first distinct ones.
const maxSimilarTokens = 24

// similarBudget is about how many matching threads a lookup may rank: the
// draft's words are chosen, rarest first, so that the threads they match
// stay near this number.
const similarBudget = 1000

// similarScanned caps the matches one lookup reads, newest first, whatever
// the words: a bound on the work, reached only by drafts of common words.
var similarScanned = 500

// driverExpr is the match expression of a lookup: any of the rare words
// (Any), or all of a few common ones together (All).
type driverExpr struct {
	Any []string
	All []string
	// Dense says the words required together may match one thread in ten
	// or more: reading the newest threads until enough match is then
	// cheaper than collecting every match (PostgreSQL's plan follows it).
	Dense bool
}

func (e driverExpr) write(m matchSyntax, or, and string) string {
	expr := m.join(e.Any, nil, or)
	if len(e.All) > 0 {
		group := m.join(e.All, nil, and)
		if len(e.All) > 1 {
			group = "(" + group + ")"
		}
		if expr != "" {
			expr += or
		}
		expr += group
	}
	return expr
}

func (e driverExpr) empty() bool { return len(e.Any) == 0 && len(e.All) == 0 }

// chooseDriver picks the words that find the candidates. Any thread close
// to the draft shares its rare words, or else several of its common ones:
// the rare words are taken, rarest first, while the threads they match fit
// in the budget; the commonest are then required together, enough of them
// that the threads holding all of them (estimated as if words were
// independent) fit too. A draft of common words alone is matched by its
// words together; ranking every thread sharing one common word is what made
// the lookup slow (issue 12).
func chooseDriver(tokens []string, df map[string]int, docs int) driverExpr {
	known := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if df[t] > 0 {
			known = append(known, t)
		}
	}
	sort.SliceStable(known, func(i, j int) bool { return df[known[i]] < df[known[j]] })
	var e driverExpr
	sum := 0
	i := 0
	for ; i < len(known) && sum+df[known[i]] <= similarBudget; i++ {
		sum += df[known[i]]
		e.Any = append(e.Any, known[i])
	}
	rest := known[i:]
	if len(rest) == 0 || sum > similarBudget/2 {
		return e
	}
	est := float64(docs)
	for _, t := range rest {
		e.All = append(e.All, t)
		est *= float64(df[t]) / float64(max(docs, 1))
		if len(e.All) >= 2 && est <= similarBudget {
			break
		}
	}
	// Words of a phrase come together ("mise en forme de documents"), so
	// the estimate can be ten times too low: the rarest of the words
	// required together bounds what they match, and decides.
	e.Dense = df[e.All[0]] >= docs/10
	return e
}

// Similar returns up to limit threads, in sectionIDs, closest to a draft
// title (and optional body), from the first thread on and on a few words.
// The similar-threads index (a document per thread: its title and the
// first words of its question) proposes candidates through the draft's
// rarest words (chooseDriver); they are then scored by how much of the
// draft's title their title shares, each word weighted by its rarity, with
// the database's rank as a smaller part. exclude is a thread to leave out
// (the one being closed as a duplicate, say), or 0.
func (s *Searcher) Similar(ctx context.Context, title, body string, sectionIDs []int64, exclude int64, limit int) ([]Similar, error) {
	title = cutBytes(title, MaxSimilarTitleBytes)
	titleTokens := unique(Analyze(title))
	if v := s.speller.current(ctx); v != nil {
		// A slip in the title would miss the threads it means: the words
		// are corrected as a search's are.
		if fixes := v.fixes(title); len(fixes) > 0 {
			for i, t := range titleTokens {
				if to, ok := fixes[t]; ok {
					titleTokens[i] = to
				}
			}
			titleTokens = unique(titleTokens)
		}
	}
	if len(titleTokens) > maxSimilarTokens {
		titleTokens = titleTokens[:maxSimilarTokens]
	}
	body = cutBytes(body, MaxSimilarBodyBytes)
	tokens := append([]string(nil), titleTokens...)
	for _, t := range unique(bodyTokens(body)) {
		if len(tokens) >= maxSimilarTokens {
			break
		}
		if !slices.Contains(tokens, t) {
			tokens = append(tokens, t)
		}
	}
	if len(tokens) == 0 || len(sectionIDs) == 0 || limit <= 0 {
		return nil, nil
	}
	tx := s.index.db.WithContext(ctx)
	var counts []struct {
		Token   string
		Threads int
	}
	if err := tx.Raw("SELECT token, threads FROM similar_terms WHERE token IN ?", append(slices.Clone(tokens), "")).Scan(&counts).Error; err != nil {
		return nil, wrapErr("similar terms", err)
	}
	df := make(map[string]int, len(counts))
	for _, c := range counts {
		df[c.Token] = c.Threads
	}
	docs := df[""]
	expr := chooseDriver(tokens, df, docs)
	if expr.empty() {
		return nil, nil
	}
	hits, err := s.index.store.similarIndexed(ctx, tx, expr, sectionIDs, exclude, similarCandidates)
	if err != nil || len(hits) == 0 {
		return nil, wrapErr("similar", err)
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ThreadID
	}
	var rows []struct {
		ID     int64
		Title  string
		Solved bool
	}
	if err := tx.Raw("SELECT id, title, solution_post_id IS NOT NULL AS solved FROM threads WHERE id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, wrapErr("similar titles", err)
	}
	titles, solved := map[int64]string{}, map[int64]bool{}
	for _, r := range rows {
		titles[r.ID], solved[r.ID] = r.Title, r.Solved
	}
	weight := func(t string) float64 { return idf(df[t], docs) }
	out := make([]Similar, 0, len(hits))
	for rank, h := range hits {
		out = append(out, Similar{ThreadID: h.ThreadID, Title: titles[h.ThreadID], Solved: solved[h.ThreadID],
			Score: similarScore(similarity(titleTokens, tokens, unique(Analyze(titles[h.ThreadID])), weight, rank, len(hits)), solved[h.ThreadID])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// idf is a word's weight: rare words say more about a question than common
// ones. A word no thread holds weighs as much as the rarest.
func idf(n, docs int) float64 {
	return math.Log(1 + float64(max(docs, 1))/float64(max(n, 1)))
}

// similarity blends what the titles share — a Dice coefficient where each
// word counts by its weight, most of the score — with the database's rank
// of the thread's document. A candidate's words that the draft lacks
// weigh as the draft's words do on average.
func similarity(draftTitle, draft, candidate []string, weight func(string) float64, rank, n int) float64 {
	base := draftTitle
	if len(base) == 0 {
		base = draft
	}
	var shared, total, extra float64
	for _, t := range base {
		w := weight(t)
		total += w
		if slices.Contains(candidate, t) {
			shared += w
		}
	}
	avg := total / float64(max(len(base), 1))
	for _, t := range candidate {
		if slices.Contains(base, t) {
			extra += weight(t)
		} else {
			extra += avg
		}
	}
	dice := 0.0
	if total+extra > 0 {
		dice = 2 * shared / (total + extra)
	}
	rankPart := 1 - float64(rank)/float64(max(n, 1))
	return 0.8*dice + 0.2*rankPart
}

func unique(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func wrapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("search: %s: %w", op, err)
}
