package search

import (
	"context"
	"hash/maphash"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"entraide/internal/db"
)

// Spelling correction from the forum's own words.
//
// The vocabulary is similar_terms: every token of the similar-threads index
// (each live thread's title and the first words of its question) with the
// number of threads holding it, kept in the write's transaction on both
// databases (similar_index.go). Each process keeps a copy in memory, read
// again every vocabularyRefresh, so every instance corrects alike within a
// minute of a write, on SQLite as on PostgreSQL.
//
// Lookups use a SymSpell-style deletion index over the copy: every word is
// stored under the strings its first spellingPrefix letters give when up to
// two letters are deleted; a typed word's own deletions find the
// candidates, which are then measured exactly (optimal string alignment:
// a transposition counts as one edit). No Go library fitted: the maintained
// ones measure a distance between two strings (agnivade/levenshtein) or
// rank fuzzy matches in a list by scanning it (sahilm/fuzzy,
// lithammer/fuzzysearch), a scan of the whole vocabulary for every word of
// every query; pg_trgm exists on PostgreSQL only.

const (
	// maxVocabulary bounds the words kept in memory, the most frequent
	// first; a word beyond it is as rare as a slip, and is not proposed.
	maxVocabulary = 60_000
	// spellingPrefix is how many leading letters the deletion index holds:
	// slips in the rest of a long word are still measured, and the index
	// stays at most 29 entries a word.
	spellingPrefix = 7
	// keepFrequency is how many threads a word must be in never to be
	// corrected, whatever its neighbours.
	keepFrequency = 3
	// betterBy is how many times more threads a correction must be in than
	// the word typed, when that word is in the forum at all.
	betterBy = 5
	// minCorrectable is the shortest word corrected: shorter ones have too
	// many neighbours one letter away.
	minCorrectable = 4
	// maxStemmed bounds the words one edit from a slip that are stemmed to
	// look for a known token (a few microseconds each).
	maxStemmed = 80
	// vocabularyRefresh is how often a process reads the vocabulary again.
	vocabularyRefresh = 30 * time.Second
)

// maxEdits is how many edits a word of n letters may be from its correction.
func maxEdits(n int) int {
	switch {
	case n < minCorrectable:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// vocabulary is one reading of the forum's words, never changed once built.
type vocabulary struct {
	words []string
	freq  []int32
	// threads is how many threads the counts are of (similar_terms' row
	// of the empty token).
	threads int
	ids     map[string]int32
	seed    maphash.Seed
	// deletes holds, sorted, one entry per deletion of each word: the
	// deletion's 32-bit hash, then the word's id. A collision only adds a
	// candidate, which is then measured.
	deletes []uint64
}

// newVocabulary builds the deletion index of words (token → threads).
func newVocabulary(counts map[string]int) *vocabulary {
	words := make([]string, 0, len(counts))
	for w, n := range counts {
		if w != "" && n > 0 {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > maxVocabulary {
		words = words[:maxVocabulary]
	}
	v := &vocabulary{words: words, freq: make([]int32, len(words)), ids: make(map[string]int32, len(words)), seed: maphash.MakeSeed()}
	for i, w := range words {
		v.freq[i] = int32(min(counts[w], 1<<30))
		v.ids[w] = int32(i)
		// Two edits are allowed from 8 letters typed, so only words of 6
		// letters or more can be two edits away.
		n := 1
		if len(w) >= 6 {
			n = 2
		}
		for _, d := range deletions(prefix(w), n) {
			v.deletes = append(v.deletes, v.hash(d)<<32|uint64(i))
		}
	}
	slices.Sort(v.deletes)
	v.deletes = slices.Clip(v.deletes)
	return v
}

func (v *vocabulary) hash(s string) uint64 { return maphash.String(v.seed, s) >> 32 }

// candidates calls fn with the id of every word one of whose deletions
// hashes as d.
func (v *vocabulary) candidates(d string, fn func(id int32)) {
	h := v.hash(d) << 32
	i, _ := slices.BinarySearch(v.deletes, h)
	for ; i < len(v.deletes) && v.deletes[i]&^0xffffffff == h; i++ {
		fn(int32(v.deletes[i] & 0xffffffff))
	}
}

func prefix(w string) string { return w[:min(len(w), spellingPrefix)] }

// deletions returns s and every string made by deleting up to n of its
// bytes (tokens are ASCII), without duplicates.
func deletions(s string, n int) []string {
	out := []string{s}
	level := []string{s}
	for range n {
		var next []string
		for _, w := range level {
			for i := range len(w) {
				d := w[:i] + w[i+1:]
				if !slices.Contains(out, d) {
					out = append(out, d)
					next = append(next, d)
				}
			}
		}
		level = next
	}
	return out
}

// frequency is how many threads hold token (0 when unknown).
func (v *vocabulary) frequency(token string) int {
	if i, ok := v.ids[token]; ok {
		return int(v.freq[i])
	}
	return 0
}

// fix is a correction of one word: its token, and how to write it.
type fix struct {
	token, word string
	edits, freq int
}

func (f fix) better(than fix) bool {
	return f.token != "" && (than.token == "" || f.edits < than.edits || (f.edits == than.edits && f.freq > than.freq))
}

// correct returns the best correction of a word typed as folded, whose
// token is token, or a zero fix when the word is better left as it is:
// frequent in the forum, too short, or with no neighbour much more
// frequent than itself. Among neighbours, the fewest edits win, then the
// most threads. Neighbours are found two ways: tokens near the typed
// token (the deletion index), and words one edit from the typed word whose
// token is known — a slip in an ending (facturaton) keeps the stemmer
// from finding the stem, and the word itself is then what is near.
func (v *vocabulary) correct(folded, token string) fix {
	edits := maxEdits(len(folded))
	own := v.frequency(token)
	if edits == 0 || own >= keepFrequency || len(folded) > MaxTokenBytes || isNumber(token) {
		return fix{}
	}
	var best fix
	seen := map[int32]bool{}
	for _, d := range deletions(prefix(token), edits) {
		v.candidates(d, func(id int32) {
			if seen[id] {
				return
			}
			seen[id] = true
			w, f := v.words[id], int(v.freq[id])
			if w == token || f <= own*betterBy || abs(len(w)-len(token)) > edits {
				return
			}
			if n := osaDistance(token, w, edits); n <= edits {
				if c := (fix{token: w, edits: n, freq: f}); c.better(best) {
					best = c
				}
			}
		})
	}
	if best.token != "" && best.edits <= 1 {
		return best
	}
	// The stemmer stumbles on endings: the edits tried are those near the
	// end of what it kept of the word (slips before it are the deletion
	// index's).
	stems := 0
	for _, c := range oneEdit(folded, max(0, len(token)-5)) {
		if stems >= maxStemmed {
			break
		}
		if !v.knownStemOf(c) {
			continue
		}
		stems++
		t := normalizeWord(c)
		if f := v.frequency(t); t != "" && t != token && f > own*betterBy {
			if c := (fix{token: t, word: c, edits: 1, freq: f}); c.better(best) {
				best = c
			}
		}
	}
	return best
}

// knownStemOf reports whether a known token begins w and is long enough to
// be its stem (the stemmer removes at most a few letters): most words one
// edit from a slip are not, and are not stemmed at all.
func (v *vocabulary) knownStemOf(w string) bool {
	for n := max(minCorrectable-1, len(w)-6); n <= len(w); n++ {
		if _, ok := v.ids[w[:n]]; ok {
			return true
		}
	}
	return false
}

// oneEdit returns the words one deletion, transposition, insertion or
// replacement of a letter from w, at byte from or after, the commonest
// slips first: a letter missing, doubled or swapped, then a wrong vowel.
func oneEdit(w string, from int) []string {
	const letters, vowels = "abcdefghijklmnopqrstuvwxyz", "aeiouy"
	from = min(from, len(w))
	out := make([]string, 0, 54*(len(w)-from)+26)
	for i := from; i < len(w); i++ {
		out = append(out, w[:i]+w[i+1:])
		if i+1 < len(w) {
			out = append(out, w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:])
		}
	}
	for i := from; i <= len(w); i++ {
		for _, l := range letters {
			out = append(out, w[:i]+string(l)+w[i:])
		}
	}
	for _, set := range []string{vowels, letters} {
		for i := from; i < len(w); i++ {
			for _, l := range set {
				if byte(l) != w[i] && (set == vowels || !strings.ContainsRune(vowels, l)) {
					out = append(out, w[:i]+string(l)+w[i+1:])
				}
			}
		}
	}
	return out
}

func abs(n int) int { return max(n, -n) }

func isNumber(s string) bool { return strings.Trim(s, "0123456789") == "" }

// osaDistance is the optimal string alignment distance of a and b (ASCII),
// or limit+1 as soon as it must exceed limit.
func osaDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

// Speller corrects query words from the forum's vocabulary, read from the
// database at first use; once older than its refresh period, the next
// query has it read again in the background, and goes on with the copy it
// has meanwhile.
type Speller struct {
	db      *db.DB
	vocab   atomic.Pointer[vocabulary]
	loaded  atomic.Int64 // unix nanoseconds of the last reading
	refresh atomic.Int64 // the refresh period, in nanoseconds
	loading sync.Mutex
	log     *slog.Logger
}

// NewSpeller returns the speller of the forum on d.
func NewSpeller(d *db.DB) *Speller {
	s := &Speller{db: d, log: slog.Default()}
	s.refresh.Store(int64(vocabularyRefresh))
	return s
}

// SetRefresh changes how old the vocabulary may get; 0 reads it again at
// every query, within the query, so that a test counts that statement
// every time.
func (s *Speller) SetRefresh(d time.Duration) { s.refresh.Store(int64(d)) }

// current returns the vocabulary, reading it when there is none yet. A
// failed reading keeps the previous one (or none: nothing is corrected)
// and is tried again at the next query.
func (s *Speller) current(ctx context.Context) *vocabulary {
	v := s.vocab.Load()
	refresh := time.Duration(s.refresh.Load())
	switch {
	case v != nil && time.Since(time.Unix(0, s.loaded.Load())) < refresh:
		return v
	case v != nil && refresh > 0:
		if s.loading.TryLock() {
			go func() {
				defer s.loading.Unlock()
				ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
				defer cancel()
				s.read(ctx)
			}()
		}
		return v
	}
	s.loading.Lock()
	defer s.loading.Unlock()
	if v = s.vocab.Load(); v != nil && refresh > 0 {
		return v // read by another query meanwhile
	}
	s.read(ctx)
	return s.vocab.Load()
}

func (s *Speller) read(ctx context.Context) {
	if err := s.Refresh(ctx); err != nil && ctx.Err() == nil {
		s.log.Warn("search: vocabulary not read", "err", err)
	}
}

// Refresh reads the vocabulary from the database now.
func (s *Speller) Refresh(ctx context.Context) error {
	var rows []struct {
		Token   string
		Threads int
	}
	// The empty token counts the threads; it is read in the same statement.
	if err := s.db.WithContext(ctx).Raw("SELECT token, threads FROM similar_terms WHERE threads > 0 ORDER BY token = '' DESC, threads DESC, token LIMIT ?",
		maxVocabulary+1).Scan(&rows).Error; err != nil {
		return err
	}
	counts := make(map[string]int, len(rows))
	for _, r := range rows {
		counts[r.Token] = r.Threads
	}
	v := newVocabulary(counts)
	v.threads = counts[""]
	s.vocab.Store(v)
	s.loaded.Store(time.Now().UnixNano())
	return nil
}

// Correction is a query with its misspelt words replaced.
type Correction struct {
	// Query is the corrected query, as the search box would hold it.
	Query string
	// Changes maps each corrected token to its correction.
	Changes map[string]string
	// Joins are the tokens of hyphenated runs searched as one word
	// (q.Joined holds the terms they replace).
	Joins []string
}

// Correct returns the correction of q's words (terms and phrases), or nil
// when none needs one.
func (s *Speller) Correct(ctx context.Context, q Query) *Correction {
	if s == nil || q.Empty() {
		return nil
	}
	v := s.current(ctx)
	if v == nil {
		return nil
	}
	return v.correctQuery(q)
}

// correctQuery corrects each word of q's raw text whose token is searched,
// and writes as one word each hyphenated run the forum writes so
// (sous-traitance → soustraitance). A word typed with a capital that the
// forum holds is a name or an acronym (ACRE, Urssaf): it is left alone.
func (v *vocabulary) correctQuery(q Query) *Correction {
	searched := q.HighlightTerms()
	c := &Correction{Changes: map[string]string{}}
	words := analyzeWords(q.Raw)
	joinAt := map[int]int{} // first word of a run written as one → its last
	for i, w := range words {
		if _, typed := q.Joined[w.joined]; typed && w.joined != "" && v.frequency(w.joined) > 0 {
			joinAt[w.runFrom] = i
		}
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if end, ok := joinAt[i]; ok {
			b.WriteString(q.Raw[last:w.start])
			var folded strings.Builder
			for _, r := range words[i : end+1] {
				folded.WriteString(r.folded)
			}
			b.WriteString(folded.String())
			last, i = words[end].end, end
			c.Joins = append(c.Joins, words[end].joined)
			continue
		}
		if w.token == "" || !slices.Contains(searched, w.token) {
			continue
		}
		original := q.Raw[w.start:w.end]
		if v.frequency(w.token) > 0 && strings.ToLower(original) != original {
			continue
		}
		f := v.correct(w.folded, w.token)
		if f.token == "" {
			continue
		}
		if f.word == "" {
			f.word = spellOut(w.folded, w.token, f.token)
		}
		c.Changes[w.token] = f.token
		b.WriteString(q.Raw[last:w.start])
		b.WriteString(f.word)
		last = w.end
	}
	if len(c.Changes) == 0 && len(c.Joins) == 0 {
		return nil
	}
	b.WriteString(q.Raw[last:])
	c.Query = b.String()
	return c
}

// spellOut writes the word whose token is to, as the person would have
// typed it: the typed word's ending on the corrected stem when that gives
// the token again (secretaraie → secretaire), else the stem itself or the
// stem with a common ending.
func spellOut(folded, token, to string) string {
	var tries []string
	if strings.HasPrefix(folded, token) {
		tries = append(tries, to+folded[len(token):])
	}
	tries = append(tries, to, to+"e", to+"er", to+"s", to+"es", to+"ion")
	for _, w := range tries {
		if normalizeWord(w) == to {
			return w
		}
	}
	return to
}

// Replace returns q with the corrected tokens put in place of the typed
// ones, and each joined run in place of its parts.
func (c *Correction) Replace(q Query) Query {
	out := q
	out.Raw = c.Query
	out.Terms = nil
	var dropped []string
	for _, j := range c.Joins {
		dropped = append(dropped, q.Joined[j]...)
	}
	for _, t := range q.Terms {
		if !slices.Contains(dropped, t) {
			out.Terms = appendUnique(out.Terms, c.to(t))
		}
	}
	out.Terms = appendUnique(out.Terms, c.Joins...)
	out.Phrases = make([][]string, len(q.Phrases))
	for i, ph := range q.Phrases {
		out.Phrases[i] = make([]string, len(ph))
		for j, t := range ph {
			out.Phrases[i][j] = c.to(t)
		}
	}
	out.Joined = nil
	return out
}

func (c *Correction) to(t string) string {
	if to, ok := c.Changes[t]; ok {
		return to
	}
	return t
}

// fixes returns the corrections of the words of text, token → token, by
// the rules of correctQuery: what the similar-threads finder (and the ask
// flow through it) reads of a draft's title.
func (v *vocabulary) fixes(text string) map[string]string {
	out := map[string]string{}
	for _, w := range analyzeWords(text) {
		if w.token == "" || out[w.token] != "" {
			continue
		}
		if original := text[w.start:w.end]; v.frequency(w.token) > 0 && strings.ToLower(original) != original {
			continue
		}
		if f := v.correct(w.folded, w.token); f.token != "" {
			out[w.token] = f.token
		}
	}
	return out
}

// VocabularyStats describes the vocabulary a speller holds in memory.
type VocabularyStats struct {
	Words   int // tokens held
	Entries int // entries of the deletion index
	Bytes   int // about what they take: the words, the index, the map
}

// Stats describes the vocabulary read last (zero before the first query).
func (s *Speller) Stats() VocabularyStats {
	v := s.vocab.Load()
	if v == nil {
		return VocabularyStats{}
	}
	st := VocabularyStats{Words: len(v.words), Entries: len(v.deletes)}
	for _, w := range v.words {
		// the string's bytes and header, its frequency, and its map entry
		// (key header, value, and about as much again of map overhead)
		st.Bytes += len(w) + 16 + 4 + 2*(16+4)
	}
	st.Bytes += 8 * cap(v.deletes)
	return st
}
