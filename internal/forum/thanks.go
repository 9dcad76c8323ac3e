package forum

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/notify"

	"gorm.io/gorm"
)

// Thank-yous and solutions. A thank-you is a row keyed by (post, person):
// the database itself refuses a second one, so a hundred clicks at once
// leave one. Each write moves its counters — the post's, the author's
// received, the thanker's given, the solutions — and sends its notification
// in the same transaction, which the caller's context may carry (db.InTx).

// Notifier sends a notification inside the transaction ctx carries
// (internal/notify implements it). Nil means none.
type Notifier interface {
	Send(ctx context.Context, n notify.Note) error
}

// SetNotifier sets where the forum's notifications go (wired by the app).
func (s *Service) SetNotifier(n Notifier) { s.notes = n }

func (s *Service) notify(tx *gorm.DB, n notify.Note) error {
	if s.notes == nil {
		return nil
	}
	return s.notes.Send(db.TxContext(tx), n)
}

// Refusals of the one-click actions, each naming its rule.
var (
	refuseSelfThanks   = &errs.Refusal{Rule: "no_self_thanks", Key: "thanks.refused.self"}
	refuseGone         = &errs.Refusal{Rule: "post_gone", Key: "thanks.refused.gone"}
	refuseFirstPost    = &errs.Refusal{Rule: "solution_is_a_reply", Key: "thanks.refused.first_post"}
	refuseNotTheAsker  = &errs.Refusal{Rule: "solution_by_asker", Key: "thanks.refused.not_asker"}
	refuseNotHelpfulBy = &errs.Refusal{Rule: "not_helpful_by_asker", Key: "thanks.refused.not_helpful_by"}
)

// CanThank reports whether u may thank p: anyone logged in, newcomers
// included, on a visible post that is not their own.
func CanThank(u *accounts.User, p *Post) bool {
	return u != nil && !suspended(u) && p.DeletedAt == nil && p.HiddenAt == nil && p.AuthorID != u.ID
}

// CanChooseSolution reports whether u may choose (or remove) the solution
// of thread t: its author and moderators (not while suspended).
func CanChooseSolution(u *accounts.User, t *Thread) bool {
	return u != nil && (u.ID == t.AuthorID || u.ModeratesAt(time.Now()))
}

// thankable loads a post and checks that u may thank it.
func (s *Service) thankable(ctx context.Context, u *accounts.User, postID int64) (*PostContext, error) {
	if u == nil {
		return nil, errs.ErrForbidden
	}
	pc, err := s.Post(ctx, u, postID)
	if err != nil {
		return nil, err
	}
	switch {
	case suspended(u):
		return nil, refuseSuspended
	case pc.Post.DeletedAt != nil || pc.Post.HiddenAt != nil:
		return nil, refuseGone
	case pc.Post.AuthorID == u.ID:
		return nil, refuseSelfThanks
	}
	return pc, nil
}

// Thank records u's thank-you for the post and returns the post's new
// count. Thanking twice is not an error: the second does nothing.
func (s *Service) Thank(ctx context.Context, u *accounts.User, postID int64) (int, error) {
	pc, err := s.thankable(ctx, u, postID)
	if err != nil {
		return 0, err
	}
	var count int
	err = s.db.WithTx(ctx, func(tx *gorm.DB) error {
		if _, err := s.thank(tx, u, pc); err != nil {
			return err
		}
		return tx.Raw("SELECT thank_count FROM posts WHERE id = ?", postID).Scan(&count).Error
	})
	return count, maybeWrap("thank", err)
}

// thank inserts the thank-you, moves the counters and notifies the author;
// added is false when u had already thanked the post.
func (s *Service) thank(tx *gorm.DB, u *accounts.User, pc *PostContext) (bool, error) {
	// Only a visible post takes a thank-you, checked in the statement: a
	// deletion that commits first wins.
	res := tx.Exec(`INSERT INTO thanks (post_id, user_id, created_at) SELECT id, ?, ? FROM posts
		WHERE id = ? AND deleted_at IS NULL AND hidden_at IS NULL ON CONFLICT DO NOTHING`, u.ID, s.now(), pc.Post.ID)
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	if err := s.thankCounters(tx, pc.Post.ID, pc.Post.AuthorID, u.ID, 1); err != nil {
		return false, err
	}
	if err := s.considerPromotion(tx, pc.Post.AuthorID); err != nil {
		return false, err
	}
	// A thank-you ends a "ne m'a pas aidé" of the same person.
	if err := tx.Exec("DELETE FROM not_helpful WHERE post_id = ? AND user_id = ?", pc.Post.ID, u.ID).Error; err != nil {
		return false, err
	}
	return true, s.notify(tx, notify.Note{RecipientID: pc.Post.AuthorID, Kind: notify.KindThanks, Subject: postSubject(pc.Post.ID),
		Link: postLink(pc.Post.ID), Title: pc.Thread.Title, ActorID: u.ID, PostID: pc.Post.ID})
}

func (s *Service) thankCounters(tx *gorm.DB, postID, authorID, thankerID int64, delta int) error {
	if err := bump(tx, "posts", postID, map[string]any{"thank_count": delta}, nil); err != nil {
		return err
	}
	ctx := db.TxContext(tx)
	if err := s.members.AddThankCounts(ctx, authorID, delta, 0, 0); err != nil {
		return err
	}
	return s.members.AddThankCounts(ctx, thankerID, 0, delta, 0)
}

// Unthank withdraws u's thank-you, if any, and returns the post's count.
func (s *Service) Unthank(ctx context.Context, u *accounts.User, postID int64) (int, error) {
	if u == nil {
		return 0, errs.ErrForbidden
	}
	pc, err := s.Post(ctx, u, postID)
	if err != nil {
		return 0, err
	}
	var count int
	err = s.db.WithTx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM thanks WHERE post_id = ? AND user_id = ?", postID, u.ID)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 1 {
			if err := s.thankCounters(tx, postID, pc.Post.AuthorID, u.ID, -1); err != nil {
				return err
			}
		}
		return tx.Raw("SELECT thank_count FROM posts WHERE id = ?", postID).Scan(&count).Error
	})
	return count, maybeWrap("withdraw thanks", err)
}

// ChooseSolution marks the reply as the one that solved its thread,
// replacing an earlier choice. The asker choosing also thanks the reply's
// author; a moderator's choice thanks nobody in the asker's name.
func (s *Service) ChooseSolution(ctx context.Context, u *accounts.User, postID int64) (*PostContext, error) {
	if u == nil {
		return nil, errs.ErrForbidden
	}
	pc, err := s.Post(ctx, u, postID)
	if err != nil {
		return nil, err
	}
	switch {
	case !CanChooseSolution(u, &pc.Thread):
		return nil, refuseNotTheAsker
	case pc.Post.DeletedAt != nil:
		return nil, refuseGone
	case pc.Post.Position == 1:
		return nil, refuseFirstPost
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		previous, err := s.lockSolution(tx, pc.Thread.ID)
		if err != nil || previous == postID {
			return err
		}
		if err := s.setSolution(tx, pc.Thread.ID, previous, postID, pc.Post.AuthorID); err != nil {
			return err
		}
		if u.ID == pc.Thread.AuthorID && u.ID != pc.Post.AuthorID {
			if _, err := s.thank(tx, u, pc); err != nil {
				return err
			}
		}
		return s.notify(tx, notify.Note{RecipientID: pc.Post.AuthorID, Kind: notify.KindSolution, Subject: postSubject(postID),
			Link: postLink(postID), Title: pc.Thread.Title, ActorID: u.ID, PostID: postID})
	})
	if err != nil {
		return nil, maybeWrap("choose solution", err)
	}
	return pc, nil
}

// RemoveSolution takes the thread back to "sans réponse retenue".
func (s *Service) RemoveSolution(ctx context.Context, u *accounts.User, threadID int64) (*ThreadView, error) {
	tv, err := s.Thread(ctx, u, threadID)
	if err != nil {
		return nil, err
	}
	if !CanChooseSolution(u, &tv.Thread) {
		return nil, refuseNotTheAsker
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		previous, err := s.lockSolution(tx, threadID)
		if err != nil || previous == 0 {
			return err
		}
		return s.setSolution(tx, threadID, previous, 0, 0)
	})
	return tv, maybeWrap("remove solution", err)
}

// lockSolution reads the thread's current solution under the thread row's
// lock, so that two choices at once move the solution counters once each.
func (s *Service) lockSolution(tx *gorm.DB, threadID int64) (int64, error) {
	var cur struct{ SolutionPostID *int64 }
	q := "SELECT solution_post_id FROM threads t WHERE id = ? AND deleted_at IS NULL" + s.lockFor("t")
	if err := tx.Raw(q, threadID).Scan(&cur).Error; err != nil {
		return 0, err
	}
	if cur.SolutionPostID == nil {
		return 0, nil
	}
	return *cur.SolutionPostID, nil
}

// setSolution moves the thread's solution from previous to next (0: none)
// and the solution counts of both authors.
func (s *Service) setSolution(tx *gorm.DB, threadID, previous, next, nextAuthor int64) error {
	if previous != 0 {
		var previousAuthor int64
		if err := tx.Raw("SELECT author_id FROM posts WHERE id = ?", previous).Scan(&previousAuthor).Error; err != nil {
			return err
		}
		if err := s.members.AddThankCounts(db.TxContext(tx), previousAuthor, 0, 0, -1); err != nil {
			return err
		}
	}
	var value any
	if next != 0 {
		value = next
		if err := s.members.AddThankCounts(db.TxContext(tx), nextAuthor, 0, 0, 1); err != nil {
			return err
		}
	}
	// Search reads the solution from the thread row when it ranks
	// (internal/search/ranking.go): the index needs no update.
	return tx.Exec("UPDATE threads SET solution_post_id = ?, updated_at = ? WHERE id = ?", value, s.now(), threadID).Error
}

// MarkNotHelpful records the asker's private "ne m'a pas aidé" on a reply
// (undo removes it): nobody else sees it; it only ends the reminder.
func (s *Service) MarkNotHelpful(ctx context.Context, u *accounts.User, postID int64, undo bool) (*PostContext, error) {
	if u == nil {
		return nil, errs.ErrForbidden
	}
	pc, err := s.Post(ctx, u, postID)
	if err != nil {
		return nil, err
	}
	if pc.Thread.AuthorID != u.ID || pc.Post.AuthorID == u.ID || pc.Post.Position == 1 {
		return nil, refuseNotHelpfulBy
	}
	err = s.db.WithTx(ctx, func(tx *gorm.DB) error {
		if undo {
			return tx.Exec("DELETE FROM not_helpful WHERE post_id = ? AND user_id = ?", postID, u.ID).Error
		}
		return tx.Exec("INSERT INTO not_helpful (post_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", postID, u.ID, s.now()).Error
	})
	return pc, maybeWrap("not helpful", err)
}

// Mark is what the reader did with a post.
type Mark struct {
	Thanked    bool
	NotHelpful bool
}

// Thankers returns who thanked the post, most recent first.
func (s *Service) Thankers(ctx context.Context, u *accounts.User, postID int64) (*PostContext, []Author, error) {
	pc, err := s.Post(ctx, u, postID)
	if err != nil {
		return nil, nil, err
	}
	if pc.Post.DeletedAt != nil {
		return nil, nil, errs.ErrNotFound
	}
	var rows []struct {
		ID          int64
		Username    string
		DisplayName string
		Role        accounts.Role
	}
	err = s.db.Conn(ctx).Raw(`SELECT u.id, u.username, u.display_name, u.role FROM thanks k JOIN users u ON u.id = k.user_id
		WHERE k.post_id = ? ORDER BY k.created_at DESC, u.id DESC LIMIT 500`, postID).Scan(&rows).Error
	out := make([]Author, len(rows))
	for i, r := range rows {
		out[i] = Author{ID: r.ID, Username: r.Username, DisplayName: r.DisplayName, Role: r.Role}
	}
	return pc, out, wrap("thankers", err)
}

// BestAnswer returns the thread's best answer, if u may read the thread:
// the chosen reply, else the most thanked visible reply (the earliest of
// equals), else nil. The ask flow offers to thank its author when a
// newcomer's question was answered there.
func (s *Service) BestAnswer(ctx context.Context, u *accounts.User, threadID int64) (*PostView, error) {
	tv, err := s.Thread(ctx, u, threadID)
	if err != nil {
		return nil, err
	}
	var solutionID int64
	if tv.Thread.SolutionPostID != nil {
		solutionID = *tv.Thread.SolutionPostID
	}
	posts, err := s.postViews(ctx, "p.thread_id = ? AND p.position > 1 AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND (p.id = ? OR p.thank_count > 0)",
		"CASE WHEN p.id = ? THEN 0 ELSE 1 END, p.thank_count DESC, p.position", 1, threadID, solutionID, solutionID)
	if err != nil || len(posts) == 0 {
		return nil, err
	}
	return &posts[0], nil
}

func postSubject(id int64) string   { return "post:" + strconv.FormatInt(id, 10) }
func threadSubject(id int64) string { return "thread:" + strconv.FormatInt(id, 10) }
func postLink(id int64) string      { return "/p/" + strconv.FormatInt(id, 10) }

// notifyReply tells the asker that someone answered their question; the
// replies of one thread group into one unread notification.
func (s *Service) notifyReply(tx *gorm.DB, t *Thread, p *Post) error {
	return s.notify(tx, notify.Note{RecipientID: t.AuthorID, Kind: notify.KindReply, Subject: threadSubject(t.ID),
		Link: postLink(p.ID), Title: t.Title, ActorID: p.AuthorID, PostID: p.ID})
}

// solutionDeleted takes the thread back to unsolved when its solution is
// the post being deleted.
func (s *Service) solutionDeleted(tx *gorm.DB, threadID, postID int64) error {
	previous, err := s.lockSolution(tx, threadID)
	if err != nil || previous != postID {
		return err
	}
	return s.setSolution(tx, threadID, previous, 0, 0)
}

// The thread page's posts come with what the page shows beside them: the
// author's contact preference (a profile, when there is one) and, for a
// logged-in reader, whether she thanked the post or marked it "ne m'a pas
// aidé" — three probes of primary keys per post rather than a statement
// each per page. Joins rather than subqueries: SQLite parses the statement
// on every run, and its length is much of its cost.
var (
	pagePostCols  = "SELECT " + postRow.Prefixed("p") + ", " + authorRow.Prefixed("u") + ", COALESCE(pr.contact_mode, '')"
	pagePostJoins = " JOIN users u ON u.id = p.author_id LEFT JOIN profiles pr ON pr.user_id = p.author_id"
	// The reader's id comes twice, before the posts' own arguments.
	readerMarks  = ", k.user_id IS NOT NULL, n.user_id IS NOT NULL"
	readerJoins  = " LEFT JOIN thanks k ON k.post_id = p.id AND k.user_id = ? LEFT JOIN not_helpful n ON n.post_id = p.id AND n.user_id = ?"
	visitorMarks = ", 0, 0"
	// pageRange is one page of a thread's posts. The range comes twice:
	// by the index, and as an expression PostgreSQL has no statistics for
	// (so it assumes a narrow range). With the first alone, on a thread
	// of 2,000 replies, "thread_id = ? AND position BETWEEN 1 AND 20" was
	// estimated at 1,700 rows (the two columns' selectivities multiplied),
	// and the first five runs of the statement on each connection, planned
	// for their values, hashed every member and profile: 14 ms each
	// instead of 0.2, the p99 of that page. A subquery with a LIMIT fixed
	// the estimate too, but SQLite copies it into a temporary table, 10 to
	// 20 % of its thread page; the expression costs it nothing.
	pageRange = " WHERE p.thread_id = ? AND p.position BETWEEN ? AND ? AND p.position + 0 BETWEEN ? AND ?"
)

// PostsAndSolution returns page (from 1) of the thread's posts, as Posts
// does, with the thread's chosen reply on the first page (nil when none,
// or deleted) in the same statement: the page costs one statement, solved
// or not. Each post carries its author's contact preference and what
// reader u (nil for a visitor) did with it.
func (s *Service) PostsAndSolution(ctx context.Context, u *accounts.User, t *Thread, page int) ([]PostView, *PostView, error) {
	if page < 1 || page > t.Pages() {
		return nil, nil, errs.ErrNotFound
	}
	var solutionID int64
	if t.SolutionPostID != nil && page == 1 {
		solutionID = *t.SolutionPostID
	}
	from := (page-1)*PostsPerPage + 1
	to := from + PostsPerPage - 1
	marks, joins := visitorMarks, pagePostJoins
	var readerArgs []any
	if u != nil {
		marks, joins, readerArgs = readerMarks, pagePostJoins+readerJoins, []any{u.ID, u.ID}
	}
	q := pagePostCols + marks + " FROM posts p" + joins + pageRange
	args := append(slices.Clip(readerArgs), t.ID, from, to, from, to)
	if solutionID != 0 {
		// Each branch reads at most PostsPerPage rows and one by its
		// keys; the chosen reply comes twice when it is on the page.
		q += " UNION ALL " + pagePostCols + marks + " FROM posts p" + joins + " WHERE p.id = ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL"
		args = append(append(args, readerArgs...), solutionID)
	}
	q += " ORDER BY 4 LIMIT " + strconv.Itoa(PostsPerPage+1)
	rows := make([]PostView, 0, PostsPerPage+1)
	err := s.query(ctx, q, args, func(r *sql.Rows) error {
		var v PostView
		dest := append(append(v.Post.fields(), v.Author.fields()...), db.Text(&v.Contact), db.Bool(&v.Mark.Thanked), db.Bool(&v.Mark.NotHelpful))
		if err := r.Scan(dest...); err != nil {
			return err
		}
		v.Author.ID = v.AuthorID
		rows = append(rows, v)
		return nil
	})
	if err != nil {
		return nil, nil, wrap("posts", err)
	}
	posts := make([]PostView, 0, len(rows))
	var solution *PostView
	for i := range rows {
		r := rows[i]
		if r.ID == solutionID && solution == nil {
			solution = &r
		}
		if r.Position >= from && r.Position <= to && (len(posts) == 0 || posts[len(posts)-1].ID != r.ID) {
			posts = append(posts, r)
		}
	}
	return posts, solution, nil
}
