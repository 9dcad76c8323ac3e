package ask

import (
	"context"
	"slices"

	"entraide/internal/accounts"
	"entraide/internal/forum"
	"entraide/internal/markup"
	"entraide/internal/search"
)

// Limits of what step 2 shows.
const (
	// MaxResults is how many threads step 2 lists: the similar-threads
	// finder first, then search results if it found fewer.
	MaxResults = 8
	// MaxGuides is how many of the newcomers' guides it lists.
	MaxGuides = 5
	// AnswerExcerpt is the length of a best answer's first lines.
	AnswerExcerpt = 240
)

// Result is a thread step 2 shows, with the first lines of its best answer.
type Result struct {
	Thread forum.ThreadSummary
	Answer string // plain text, "" when no one answered yet
	Guide  bool
}

// Step2 is what step 2 shows for a session.
type Step2 struct {
	Results []Result
	Guides  []Result
}

// readable returns the sections u may search: readable and not archived.
func (s *Service) readable(ctx context.Context, u *accounts.User) ([]int64, error) {
	all, err := s.forum.Sections(ctx, u)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, sec := range all {
		if !sec.Archived {
			ids = append(ids, sec.ID)
		}
	}
	return ids, nil
}

// find returns the threads step 2 will show for sentence: the closest by
// the similar-threads finder, completed by search when it found few, then
// the guides.
func (s *Service) find(ctx context.Context, u *accounts.User, sentence string) ([]int64, error) {
	sections, err := s.readable(ctx, u)
	if err != nil {
		return nil, err
	}
	similar, err := s.search.Similar(ctx, sentence, "", sections, 0, MaxResults)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, MaxResults+MaxGuides)
	for _, h := range similar {
		ids = append(ids, h.ThreadID)
	}
	if len(ids) < MaxResults {
		res, err := s.search.Search(ctx, search.Request{Query: sentence, SectionIDs: sections, Page: 1})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if len(ids) < MaxResults && !slices.Contains(ids, h.ThreadID) {
				ids = append(ids, h.ThreadID)
			}
		}
	}
	guides, err := s.forum.Guides(ctx, MaxGuides)
	if err != nil {
		return nil, err
	}
	for _, g := range guides {
		if !slices.Contains(ids, g.ID) {
			ids = append(ids, g.ID)
		}
	}
	return ids, nil
}

// Results loads what step 2 shows of sess for u: the threads it found,
// each with its best answer's first lines, and the guides apart. A fixed
// number of statements, however many threads.
func (s *Service) Results(ctx context.Context, u *accounts.User, sess *Session) (*Step2, error) {
	sections, err := s.readable(ctx, u)
	if err != nil {
		return nil, err
	}
	threads, err := s.forum.ThreadsByID(ctx, sess.ShownIDs())
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(threads))
	for _, t := range threads {
		ids = append(ids, t.ID)
	}
	answers, err := s.forum.BestAnswers(ctx, ids)
	if err != nil {
		return nil, err
	}
	guides, err := s.forum.Guides(ctx, MaxGuides)
	if err != nil {
		return nil, err
	}
	step := &Step2{}
	for _, t := range threads {
		if !slices.Contains(sections, t.SectionID) {
			continue // moved out of reach since
		}
		r := Result{Thread: t, Guide: slices.ContainsFunc(guides, func(g forum.ThreadSummary) bool { return g.ID == t.ID })}
		if a, ok := answers[t.ID]; ok {
			r.Answer = forum.Excerpt(markup.PlainText(a.Body), AnswerExcerpt)
		}
		if r.Guide {
			step.Guides = append(step.Guides, r)
		} else {
			step.Results = append(step.Results, r)
		}
	}
	return step, nil
}

// Unseen returns up to limit threads close to title that sess did not show
// yet, and notes them as shown: the last look before a thread is written.
func (s *Service) Unseen(ctx context.Context, u *accounts.User, sess *Session, title string, limit int) ([]Result, error) {
	sections, err := s.readable(ctx, u)
	if err != nil {
		return nil, err
	}
	similar, err := s.search.Similar(ctx, title, "", sections, 0, limit)
	if err != nil {
		return nil, err
	}
	shown := sess.ShownIDs()
	var fresh []int64
	for _, h := range similar {
		if !slices.Contains(shown, h.ThreadID) {
			fresh = append(fresh, h.ThreadID)
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	threads, err := s.forum.ThreadsByID(ctx, fresh)
	if err != nil {
		return nil, err
	}
	sess.Shown = joinIDs(union(shown, fresh))
	if err := s.db.Conn(ctx).Model(sess).Updates(map[string]any{"shown": sess.Shown, "updated_at": s.now()}).Error; err != nil {
		return nil, wrap("unseen", err)
	}
	out := make([]Result, len(threads))
	for i, t := range threads {
		out[i] = Result{Thread: t}
	}
	return out, nil
}
