package search

import "slices"

// Text is a title and a Markdown body to compare with a draft — a canned
// reply, say, held up against a newcomer's question.
type Text struct {
	Title string
	Body  string
}

// ClosestThreshold is the score under which Closest proposes nothing: a
// word or two in common is not a match.
const ClosestThreshold = 0.35

// Closest returns the index in texts of the one closest to a question
// (title and Markdown body), and its score from 0 to 1, or -1 when none
// reaches ClosestThreshold. It scores as Similar does, with the same
// analyzer (accents, elision, stemming, stop words): mostly how much of the
// text's title the question holds, partly how much the two bodies share.
// Everything runs here, on texts the caller already read: no statement.
func Closest(title, body string, texts []Text) (int, float64) {
	question := unique(Analyze(title))
	for _, t := range unique(bodyTokens(body)) {
		if len(question) >= maxSimilarTokens*2 {
			break
		}
		if !slices.Contains(question, t) {
			question = append(question, t)
		}
	}
	best, bestScore := -1, 0.0
	if len(question) == 0 {
		return best, 0
	}
	for i, t := range texts {
		score := closeness(question, unique(Analyze(t.Title)), unique(bodyTokens(t.Body)))
		if score >= ClosestThreshold && score > bestScore {
			best, bestScore = i, score
		}
	}
	return best, bestScore
}

// closeness is the share of the text's title found in the question (most
// of the score) blended with the Dice coefficient of the question and the
// text's first words.
func closeness(question, title, body []string) float64 {
	titlePart := 0.0
	if len(title) > 0 {
		titlePart = float64(shared(title, question)) / float64(len(title))
	}
	if len(body) > maxSimilarTokens*2 {
		body = body[:maxSimilarTokens*2]
	}
	dice := 0.0
	if len(body)+len(question) > 0 {
		dice = 2 * float64(shared(body, question)) / float64(len(body)+len(question))
	}
	return 0.7*titlePart + 0.3*dice
}

func shared(a, b []string) int {
	n := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			n++
		}
	}
	return n
}
