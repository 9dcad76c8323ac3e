package forum

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/markup"

	"github.com/gosimple/slug"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Limits on what members write.
const (
	MinTitleLength = 10
	MaxTitleLength = 150
	MaxBodyLength  = 50000
)

// NewThread is what a member types to open a thread.
type NewThread struct {
	SectionID int64
	Title     string
	Body      string
	// Tried is "what I already read or tried", shown under the question:
	// required of newcomers who come through the ask flow.
	Tried string
	// Pending is the waiting post this thread publishes, on approval
	// (PublishThread); 0 otherwise.
	Pending int64
	// AskSession is the token of the ask session the thread comes from
	// (internal/ask), or "" when it was opened directly.
	AskSession string
}

func checkTitle(bad errs.Invalid, title string) {
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		bad.Add("title", "forum.title.required")
	case !cleantext.Visible(title):
		bad.Add("title", "forum.title.invisible")
	case n < MinTitleLength:
		bad.Add("title", "forum.title.too_short")
	case n > MaxTitleLength:
		bad.Add("title", "forum.title.too_long")
	}
}

func checkBody(bad errs.Invalid, body string) {
	switch n := utf8.RuneCountInString(body); {
	case strings.TrimSpace(body) == "":
		bad.Add("body", "forum.body.required")
	case !cleantext.Visible(body):
		bad.Add("body", "forum.body.invisible")
	case n > MaxBodyLength:
		bad.Add("body", "forum.body.too_long")
	}
}

// cleanText normalises what a member typed (package cleantext): valid UTF-8
// without NUL (which PostgreSQL refuses in text), no bidi controls, Unix
// newlines, no trailing blanks.
func cleanText(s string) string { return cleantext.Text(s) }

// cleanTitle is cleanText for one line: no zero-width spaces either, blanks
// collapsed.
func cleanTitle(s string) string { return cleantext.Line(s) }

func makeSlug(title string) string {
	sl := slug.MakeLang(title, "fr")
	if len(sl) > 80 {
		sl = strings.TrimRight(sl[:80], "-")
	}
	if sl == "" {
		return "sujet"
	}
	if sl == "reply" { // /t/{id}/reply is the reply form
		return "sujet-reply"
	}
	return sl
}

// CreateThread opens a thread with its first post. A newcomer's thread goes
// to the newcomers' section whatever section was picked.
func (s *Service) CreateThread(ctx context.Context, author *accounts.User, in NewThread) (*Thread, error) {
	if author == nil {
		return nil, errs.ErrForbidden
	}
	if suspended(author) {
		return nil, refuseSuspended
	}
	in.Title, in.Body, in.Tried = cleanTitle(in.Title), cleanText(in.Body), strings.TrimSpace(cleanText(in.Tried))
	bad := errs.Invalid{}
	checkTitle(bad, in.Title)
	checkBody(bad, in.Body)
	checkTried(bad, author, in)
	if in.SectionID == 0 && author.Can(accounts.Member) {
		bad.Add("section", "forum.section.choose")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := s.CheckAcknowledged(ctx, author); err != nil {
		return nil, err
	}
	html, err := s.render.Render(in.Body)
	if err != nil {
		return nil, wrap("render", err)
	}
	var thread *Thread
	var held int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		toNewcomers := !author.Can(accounts.Member)
		if s.gate != nil {
			var err error
			if toNewcomers, err = s.gate.Admit(db.TxContext(tx), author, in); err != nil {
				return err
			}
		}
		sec, err := s.targetSection(tx, author, in.SectionID, toNewcomers)
		if err != nil {
			return err
		}
		// The rules come after the gate and the section (which only read)
		// and before any write: a refusal keeps the log's line and nothing
		// else.
		d := Draft{OpensThread: true, SectionID: sec.ID, Title: in.Title, Body: in.Body, HTML: html}
		if err := s.checkPost(tx, author, &d); err != nil {
			return err
		}
		in.Title, in.Body, html = d.Title, d.Body, d.HTML
		if held, err = s.hold(tx, author, d, in.Tried); err != nil {
			return err
		}
		if held != 0 {
			if s.gate != nil {
				return s.gate.Held(db.TxContext(tx), author, in, held)
			}
			return nil
		}
		if thread, _, err = s.writeThread(tx, author, sec.ID, in, html); err != nil {
			return err
		}
		if !author.Can(accounts.Member) {
			if err := s.considerPromotion(tx, author.ID); err != nil {
				return err
			}
		}
		if s.gate != nil {
			return s.gate.Opened(db.TxContext(tx), author, in, thread)
		}
		return nil
	})
	if err != nil {
		return nil, maybeWrap("create thread", err)
	}
	if held != 0 {
		return nil, &Held{PendingID: held}
	}
	return thread, nil
}

// writeThread writes a thread and its first post in sectionID, with the
// counters and the search index, in tx.
func (s *Service) writeThread(tx *gorm.DB, author *accounts.User, sectionID int64, in NewThread, html markup.HTML) (*Thread, *Post, error) {
	now := s.now()
	thread := &Thread{SectionID: sectionID, AuthorID: author.ID, Title: in.Title, Slug: makeSlug(in.Title),
		PostSeq: 1, LastPostAt: now, LastAuthorID: author.ID, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(thread).Error; err != nil {
		return nil, nil, err
	}
	if in.Tried != "" {
		if err := tx.Exec("UPDATE threads SET tried = ? WHERE id = ?", in.Tried, thread.ID).Error; err != nil {
			return nil, nil, err
		}
	}
	post := &Post{ThreadID: thread.ID, AuthorID: author.ID, Position: 1, Body: in.Body, BodyHTML: html, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(post).Error; err != nil {
		return nil, nil, err
	}
	if err := bump(tx, "sections", sectionID, map[string]any{"thread_count": 1, "post_count": 1}, map[string]any{"last_post_at": latest("last_post_at", now)}); err != nil {
		return nil, nil, err
	}
	if err := s.members.AddPostCounts(db.TxContext(tx), author.ID, 1, 0); err != nil {
		return nil, nil, err
	}
	if s.index != nil {
		if err := s.index.PostSaved(tx, thread, post); err != nil {
			return nil, nil, err
		}
	}
	return thread, post, nil
}

// targetSection is where author's new thread goes, or why it cannot.
func (s *Service) targetSection(tx *gorm.DB, author *accounts.User, picked int64, toNewcomers bool) (*Section, error) {
	if toNewcomers {
		var sec Section
		if err := tx.Where("is_newcomers").Take(&sec).Error; err != nil {
			return nil, wrap("newcomers section", err)
		}
		return &sec, nil
	}
	sec, err := s.sectionByID(tx, picked)
	if err == errs.ErrNotFound {
		return nil, errs.Invalid{"section": "forum.section.choose"}
	}
	if err != nil {
		return nil, err
	}
	// Not filed in the newcomers' section (a member, or the rule is off):
	// any open section the author may read.
	if sec.Archived || !CanRead(author, sec) {
		return nil, errs.Invalid{"section": "forum.section.closed"}
	}
	return sec, nil
}

// Reply adds a post at the end of the thread.
func (s *Service) Reply(ctx context.Context, author *accounts.User, threadID int64, body string) (*Post, error) {
	post, _, err := s.ReplyIn(ctx, author, threadID, body)
	return post, err
}

// ReplyIn is Reply that also returns the thread replied to, as read
// before the reply: enough for the reply's address without reading the
// post again.
func (s *Service) ReplyIn(ctx context.Context, author *accounts.User, threadID int64, body string) (*Post, *Thread, error) {
	body = cleanText(body)
	bad := errs.Invalid{}
	checkBody(bad, body)
	if err := bad.Err(); err != nil {
		return nil, nil, err
	}
	tv, err := s.Thread(ctx, author, threadID)
	if err != nil {
		return nil, nil, err
	}
	if !CanReply(author, &tv.Section, &tv.Thread) {
		switch {
		case author != nil && suspended(author):
			return nil, nil, refuseSuspended
		case author != nil && (tv.Thread.Closed || tv.Thread.DuplicateOf != nil):
			return nil, nil, refuseClosed
		}
		if author != nil && tv.Thread.Locked {
			return nil, nil, &errs.Refusal{Rule: "locked", Key: "forum.reply.locked"}
		}
		return nil, nil, errs.ErrForbidden
	}
	html, err := s.render.Render(body)
	if err != nil {
		return nil, nil, wrap("render", err)
	}
	var post *Post
	var held int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		d := Draft{ThreadID: threadID, SectionID: tv.Section.ID, Body: body, HTML: html, Notified: tv.Thread.AuthorID}
		if err := s.checkPost(tx, author, &d); err != nil {
			return err
		}
		var err error
		if held, err = s.hold(tx, author, d, ""); err != nil || held != 0 {
			return err
		}
		if post, err = s.writeReply(tx, author, threadID, d.Body, d.HTML); err != nil || author.Can(accounts.Member) {
			return err
		}
		return s.considerPromotion(tx, author.ID)
	})
	if err != nil {
		return nil, nil, maybeWrap("reply", err)
	}
	if held != 0 {
		return nil, nil, &Held{PendingID: held}
	}
	return post, &tv.Thread, nil
}

// writeReply writes author's reply at the end of the thread, with the
// counters, the notification and the search index, in tx.
func (s *Service) writeReply(tx *gorm.DB, author *accounts.User, threadID int64, body string, html markup.HTML) (*Post, error) {
	now := s.now()
	// Taking the next position updates the thread row first: concurrent
	// replies to one thread queue on its row lock and never share a position.
	// The last activity only moves forward: a reply that read the clock
	// first may take the lock second.
	var thread Thread
	if err := tx.Raw(`UPDATE threads SET post_seq = post_seq + 1, reply_count = reply_count + 1,
		last_post_at = CASE WHEN last_post_at < ? THEN ? ELSE last_post_at END, last_author_id = ?, updated_at = ?
		WHERE id = ? AND deleted_at IS NULL AND NOT closed RETURNING *`,
		now, now, author.ID, now, threadID).Scan(&thread).Error; err != nil {
		return nil, err
	}
	if thread.ID == 0 {
		return nil, errs.ErrNotFound
	}
	post := &Post{ThreadID: threadID, AuthorID: author.ID, Position: thread.PostSeq, Body: body, BodyHTML: html, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(post).Error; err != nil {
		return nil, err
	}
	if err := s.members.AddPostCounts(db.TxContext(tx), author.ID, 0, 1); err != nil {
		return nil, err
	}
	if err := s.notifyReply(tx, &thread, post); err != nil {
		return nil, err
	}
	if s.index != nil {
		if err := s.index.PostSaved(tx, &thread, post); err != nil {
			return nil, err
		}
	}
	// The section's row last: every reply in the section queues on it, so
	// it is held for the commit only, not for the statements above.
	if err := bump(tx, "sections", thread.SectionID, map[string]any{"post_count": 1}, map[string]any{"last_post_at": latest("last_post_at", now)}); err != nil {
		return nil, err
	}
	return post, nil
}

// Edit is a new version of a post; Title is used when the post opens its
// thread.
type Edit struct {
	Title string
	Body  string
}

// EditPost replaces the post's text (and the thread's title for a first
// post), keeping the previous version as a revision.
func (s *Service) EditPost(ctx context.Context, actor *accounts.User, postID int64, e Edit) (*PostContext, error) {
	pc, err := s.Post(ctx, actor, postID)
	if err != nil {
		return nil, err
	}
	if !CanEditPost(actor, &pc.Section, &pc.Thread, &pc.Post.Post) {
		return nil, errs.ErrForbidden
	}
	first := pc.Post.Position == 1
	e.Title, e.Body = cleanTitle(e.Title), cleanText(e.Body)
	bad := errs.Invalid{}
	if first {
		checkTitle(bad, e.Title)
	}
	checkBody(bad, e.Body)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if e.Body == pc.Post.Body && (!first || e.Title == pc.Thread.Title) {
		return pc, nil // nothing changed: no empty revision
	}
	html, err := s.render.Render(e.Body)
	if err != nil {
		return nil, wrap("render", err)
	}
	editCount := pc.Post.EditCount
	err = s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		// The version replaced is the one in the database now, read under
		// lock: two edits at once each keep the version the other wrote.
		var cur struct{ Body, Title string }
		if err := tx.Raw(`SELECT p.body, t.title FROM posts p JOIN threads t ON t.id = p.thread_id
			WHERE p.id = ? AND p.deleted_at IS NULL`+s.lockFor("p"), postID).Scan(&cur).Error; err != nil {
			return err
		}
		if cur.Body == "" {
			return errs.ErrNotFound // deleted meanwhile
		}
		if cur.Body == e.Body && (!first || cur.Title == e.Title) {
			return nil
		}
		pc.Thread.Title = cur.Title
		rev := &Revision{PostID: postID, EditorID: actor.ID, Body: cur.Body, CreatedAt: now}
		if first {
			rev.Title = cur.Title
		}
		if err := tx.Create(rev).Error; err != nil {
			return err
		}
		if err := tx.Model(&Post{}).Where("id = ? AND deleted_at IS NULL", postID).Updates(map[string]any{"body": e.Body, "body_html": html,
			"edit_count": gorm.Expr("edit_count + 1"), "edited_at": now, "updated_at": now}).Error; err != nil {
			return err
		}
		if first && e.Title != pc.Thread.Title {
			if err := tx.Model(&Thread{}).Where("id = ?", pc.Thread.ID).Updates(map[string]any{"title": e.Title, "slug": makeSlug(e.Title), "updated_at": now}).Error; err != nil {
				return err
			}
			pc.Thread.Title, pc.Thread.Slug = e.Title, makeSlug(e.Title)
		}
		pc.Post.Body, pc.Post.BodyHTML, pc.Post.EditedAt = e.Body, html, &now
		pc.Post.EditCount = editCount + 1 // not ++: a rerun (db.WithTx) comes here again
		if s.index == nil {
			return nil
		}
		if first {
			if err := s.index.ThreadChanged(tx, &pc.Thread); err != nil {
				return err
			}
		}
		return s.index.PostSaved(tx, &pc.Thread, &pc.Post.Post)
	})
	if err != nil {
		return nil, maybeWrap("edit post", err)
	}
	return pc, nil
}

// DeletePost removes a post from view (its text is kept for moderators).
// Deleting the first post deletes the thread, unless others have replied:
// their answers must not vanish with the question.
func (s *Service) DeletePost(ctx context.Context, actor *accounts.User, postID int64) (*PostContext, error) {
	pc, err := s.Post(ctx, actor, postID)
	if err != nil {
		return nil, err
	}
	if !CanDeletePost(actor, &pc.Section, &pc.Thread, &pc.Post.Post) {
		return nil, errs.ErrForbidden
	}
	first := pc.Post.Position == 1
	hasReplies := errs.Invalid{"": "forum.delete.thread_has_replies"}
	if first && pc.Thread.ReplyCount > 0 {
		return nil, hasReplies
	}
	now := s.now()
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if first {
			// Checked again in the statement itself: a reply that arrived
			// since the page was read keeps the thread alive.
			res := tx.Model(&Thread{}).Where("id = ? AND deleted_at IS NULL AND reply_count = 0", pc.Thread.ID).
				Updates(map[string]any{"deleted_at": now, "updated_at": now})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return hasReplies
			}
		}
		res := tx.Model(&Post{}).Where("id = ? AND deleted_at IS NULL", postID).Updates(map[string]any{"deleted_at": now, "updated_at": now})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error // already deleted by a concurrent request: nothing to undo
		}
		if first {
			if err := bump(tx, "sections", pc.Section.ID, map[string]any{"thread_count": -1, "post_count": -1}, nil); err != nil {
				return err
			}
			if err := s.members.AddPostCounts(db.TxContext(tx), actor.ID, -1, 0); err != nil {
				return err
			}
		} else {
			if err := bump(tx, "threads", pc.Thread.ID, map[string]any{"reply_count": -1}, nil); err != nil {
				return err
			}
			if err := lastActivityFromPosts(tx, pc.Thread.ID); err != nil {
				return err
			}
			if err := bump(tx, "sections", pc.Section.ID, map[string]any{"post_count": -1}, nil); err != nil {
				return err
			}
			if err := s.members.AddPostCounts(db.TxContext(tx), actor.ID, 0, -1); err != nil {
				return err
			}
			if err := s.solutionDeleted(tx, pc.Thread.ID, postID); err != nil {
				return err
			}
		}
		if err := sectionActivityFromThreads(tx, pc.Section.ID); err != nil {
			return err
		}
		if s.index != nil {
			return s.index.PostRemoved(tx, &pc.Thread, &pc.Post.Post)
		}
		return nil
	})
	if err != nil {
		return nil, maybeWrap("delete post", err)
	}
	pc.Post.DeletedAt = &now
	return pc, nil
}

// lastActivityFromPosts sets a thread's last activity to its latest visible
// post, after one was deleted: the lists must not name a message that is
// gone.
func lastActivityFromPosts(tx *gorm.DB, threadID int64) error {
	var last Post
	err := tx.Where("thread_id = ? AND deleted_at IS NULL", threadID).Order("position DESC").Limit(1).Take(&last).Error
	if err != nil {
		return err
	}
	return tx.Model(&Thread{}).Where("id = ?", threadID).Updates(map[string]any{"last_post_at": last.CreatedAt, "last_author_id": last.AuthorID}).Error
}

// sectionActivityFromThreads sets a section's last activity to its most
// recently active live thread.
func sectionActivityFromThreads(tx *gorm.DB, sectionID int64) error {
	return tx.Exec(`UPDATE sections SET last_post_at = (SELECT MAX(last_post_at) FROM threads
		WHERE section_id = ? AND deleted_at IS NULL) WHERE id = ?`, sectionID, sectionID).Error
}

// lockFor is the clause that locks the rows of alias read in a write
// transaction, on PostgreSQL. SQLite needs none: its write transactions
// hold the database's write lock from their first statement.
func (s *Service) lockFor(alias string) string {
	if s.db.Dialect == db.Postgres {
		return " FOR UPDATE OF " + alias
	}
	return ""
}

// bump adds deltas to counters of one row and sets other columns, in one
// statement so concurrent writers never lose an increment.
func bump(tx *gorm.DB, table string, id int64, deltas map[string]any, set map[string]any) error {
	fields := map[string]any{}
	for col, d := range deltas {
		fields[col] = gorm.Expr(col+" + ?", d)
	}
	for col, v := range set {
		fields[col] = v
	}
	return tx.Table(table).Where("id = ?", id).Updates(fields).Error
}

// latest sets col to t unless it already holds a later time: concurrent
// writers read the clock before they queue on the row's lock, so the last
// to commit is not always the latest.
func latest(col string, t time.Time) clause.Expr {
	return gorm.Expr("CASE WHEN "+col+" IS NULL OR "+col+" < ? THEN ? ELSE "+col+" END", t, t)
}

// maybeWrap keeps domain errors as they are and gives context to others.
func maybeWrap(op string, err error) error {
	if _, ok := errs.AsInvalid(err); ok {
		return err
	}
	if _, ok := errs.AsRefusal(err); ok {
		return err
	}
	if err == errs.ErrNotFound || err == errs.ErrForbidden {
		return err
	}
	return wrap(op, err)
}
