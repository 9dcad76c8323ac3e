package ask

import (
	"context"
	"time"

	"entraide/internal/forum"
)

// Figures sums up the sessions of a period for moderators.
type Figures struct {
	Days                                  int
	Sessions, Found, Posted, Abandoned    int
	Open                                  int // still running
	FoundShare, PostedShare, AbandonShare int // percentages of Sessions
	// Missing are the sentences that most often ended in a new thread: the
	// guides that do not exist yet.
	Missing []SentenceCount
	// Answering are the guides that most often ended a session as found.
	Answering []ThreadCount
}

// SentenceCount is a sentence and how many sessions asked it.
type SentenceCount struct {
	Sentence string
	Count    int
}

// ThreadCount is a thread and how many sessions it answered.
type ThreadCount struct {
	Thread forum.ThreadSummary
	Count  int
}

// topN is the length of the figures' lists.
const topN = 10

// Figures returns the figures of the last days days. Open sessions past
// their end are first recorded as abandoned.
func (s *Service) Figures(ctx context.Context, days int) (*Figures, error) {
	if err := s.ExpireSessions(ctx); err != nil {
		return nil, err
	}
	since := s.now().Add(-time.Duration(days) * 24 * time.Hour)
	f := &Figures{Days: days}
	conn := s.db.Conn(ctx)
	var counts []struct {
		Outcome string
		N       int
	}
	if err := conn.Raw("SELECT outcome, COUNT(*) AS n FROM ask_sessions WHERE created_at >= ? GROUP BY outcome", since).Scan(&counts).Error; err != nil {
		return nil, wrap("figures", err)
	}
	for _, c := range counts {
		f.Sessions += c.N
		switch c.Outcome {
		case Found:
			f.Found = c.N
		case Posted:
			f.Posted = c.N
		case Abandoned:
			f.Abandoned = c.N
		default:
			f.Open += c.N
		}
	}
	if f.Sessions > 0 {
		f.FoundShare, f.PostedShare, f.AbandonShare = share(f.Found, f.Sessions), share(f.Posted, f.Sessions), share(f.Abandoned, f.Sessions)
	}
	if err := conn.Raw(`SELECT LOWER(query) AS sentence, COUNT(*) AS count FROM ask_sessions
		WHERE created_at >= ? AND outcome = ? GROUP BY LOWER(query) ORDER BY count DESC, sentence LIMIT ?`, since, Posted, topN).
		Scan(&f.Missing).Error; err != nil {
		return nil, wrap("figures missing", err)
	}
	var found []struct{ ThreadID, N int64 }
	if err := conn.Raw(`SELECT found_thread_id AS thread_id, COUNT(*) AS n FROM ask_sessions
		WHERE created_at >= ? AND outcome = ? GROUP BY found_thread_id ORDER BY n DESC, found_thread_id LIMIT ?`, since, Found, topN).
		Scan(&found).Error; err != nil {
		return nil, wrap("figures found", err)
	}
	ids := make([]int64, len(found))
	for i, r := range found {
		ids[i] = r.ThreadID
	}
	threads, err := s.forum.ThreadsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range found {
		for _, t := range threads {
			if t.ID == r.ThreadID {
				f.Answering = append(f.Answering, ThreadCount{Thread: t, Count: int(r.N)})
			}
		}
	}
	return f, nil
}

func share(n, of int) int { return (n*100 + of/2) / of }

// Unanswered returns the newcomers' questions still without a reply 48
// hours after they were asked, oldest first.
func (s *Service) Unanswered(ctx context.Context, limit int) ([]forum.ThreadSummary, error) {
	return s.forum.UnansweredNewcomers(ctx, s.now().Add(-48*time.Hour), limit)
}
