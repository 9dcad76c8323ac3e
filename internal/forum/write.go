package forum

import (
	"context"
	"strings"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/errs"

	"github.com/gosimple/slug"
	"gorm.io/gorm"
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
}

func checkTitle(bad errs.Invalid, title string) {
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		bad.Add("title", "forum.title.required")
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
	case n > MaxBodyLength:
		bad.Add("body", "forum.body.too_long")
	}
}

// cleanText normalises what a member typed: valid UTF-8 without NUL (which
// PostgreSQL refuses in text, so a pasted NUL would fail the post there and
// not on SQLite), Unix newlines, no trailing blanks; nothing else is changed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimRight(s, " \t\n")
}

func cleanTitle(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")), " ")
}

func makeSlug(title string) string {
	sl := slug.MakeLang(title, "fr")
	if len(sl) > 80 {
		sl = strings.TrimRight(sl[:80], "-")
	}
	if sl == "" {
		return "sujet"
	}
	return sl
}

// CreateThread opens a thread with its first post. A newcomer's thread goes
// to the newcomers' section whatever section was picked.
func (s *Service) CreateThread(ctx context.Context, author *accounts.User, in NewThread) (*Thread, error) {
	if author == nil {
		return nil, errs.ErrForbidden
	}
	in.Title, in.Body = cleanTitle(in.Title), cleanText(in.Body)
	bad := errs.Invalid{}
	checkTitle(bad, in.Title)
	checkBody(bad, in.Body)
	if in.SectionID == 0 && author.Can(accounts.Member) {
		bad.Add("section", "forum.section.choose")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	html, err := s.render.Render(in.Body)
	if err != nil {
		return nil, wrap("render", err)
	}
	var thread *Thread
	err = s.tx(ctx, func(tx *gorm.DB) error {
		sec, err := s.targetSection(tx, author, in.SectionID)
		if err != nil {
			return err
		}
		now := s.now()
		thread = &Thread{SectionID: sec.ID, AuthorID: author.ID, Title: in.Title, Slug: makeSlug(in.Title),
			PostSeq: 1, LastPostAt: now, LastAuthorID: author.ID, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(thread).Error; err != nil {
			return err
		}
		post := &Post{ThreadID: thread.ID, AuthorID: author.ID, Position: 1, Body: in.Body, BodyHTML: html, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(post).Error; err != nil {
			return err
		}
		if err := bump(tx, "sections", sec.ID, map[string]any{"thread_count": 1, "post_count": 1}, map[string]any{"last_post_at": now}); err != nil {
			return err
		}
		if err := bump(tx, "users", author.ID, map[string]any{"thread_count": 1}, nil); err != nil {
			return err
		}
		if s.index != nil {
			return s.index.PostSaved(tx, thread, post)
		}
		return nil
	})
	if err != nil {
		return nil, maybeWrap("create thread", err)
	}
	return thread, nil
}

// targetSection is where author's new thread goes, or why it cannot.
func (s *Service) targetSection(tx *gorm.DB, author *accounts.User, picked int64) (*Section, error) {
	if !author.Can(accounts.Member) {
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
	if !CanOpenThreadIn(author, sec) {
		return nil, errs.Invalid{"section": "forum.section.closed"}
	}
	return sec, nil
}

// Reply adds a post at the end of the thread.
func (s *Service) Reply(ctx context.Context, author *accounts.User, threadID int64, body string) (*Post, error) {
	body = cleanText(body)
	bad := errs.Invalid{}
	checkBody(bad, body)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	tv, err := s.Thread(ctx, author, threadID)
	if err != nil {
		return nil, err
	}
	if !CanReply(author, &tv.Section, &tv.Thread) {
		if author != nil && tv.Thread.Locked {
			return nil, &errs.Refusal{Rule: "locked", Key: "forum.reply.locked"}
		}
		return nil, errs.ErrForbidden
	}
	html, err := s.render.Render(body)
	if err != nil {
		return nil, wrap("render", err)
	}
	var post *Post
	err = s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		// Taking the next position updates the thread row first: concurrent
		// replies to one thread queue on its row lock and never share a position.
		var thread Thread
		if err := tx.Raw(`UPDATE threads SET post_seq = post_seq + 1, reply_count = reply_count + 1,
			last_post_at = ?, last_author_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING *`,
			now, author.ID, now, threadID).Scan(&thread).Error; err != nil {
			return err
		}
		if thread.ID == 0 {
			return errs.ErrNotFound
		}
		post = &Post{ThreadID: threadID, AuthorID: author.ID, Position: thread.PostSeq, Body: body, BodyHTML: html, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(post).Error; err != nil {
			return err
		}
		if err := bump(tx, "sections", thread.SectionID, map[string]any{"post_count": 1}, map[string]any{"last_post_at": now}); err != nil {
			return err
		}
		if err := bump(tx, "users", author.ID, map[string]any{"reply_count": 1}, nil); err != nil {
			return err
		}
		if s.index != nil {
			return s.index.PostSaved(tx, &thread, post)
		}
		return nil
	})
	if err != nil {
		return nil, maybeWrap("reply", err)
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
	err = s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		rev := &Revision{PostID: postID, EditorID: actor.ID, Body: pc.Post.Body, CreatedAt: now}
		if first {
			rev.Title = pc.Thread.Title
		}
		if err := tx.Create(rev).Error; err != nil {
			return err
		}
		if err := tx.Model(&Post{}).Where("id = ?", postID).Updates(map[string]any{"body": e.Body, "body_html": html,
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
		pc.Post.EditCount++
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
	if first && pc.Thread.ReplyCount > 0 {
		return nil, errs.Invalid{"": "forum.delete.thread_has_replies"}
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		res := tx.Model(&Post{}).Where("id = ? AND deleted_at IS NULL", postID).Updates(map[string]any{"deleted_at": now, "updated_at": now})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error // already deleted by a concurrent request: nothing to undo
		}
		if first {
			if err := tx.Model(&Thread{}).Where("id = ?", pc.Thread.ID).Updates(map[string]any{"deleted_at": now, "updated_at": now}).Error; err != nil {
				return err
			}
			if err := bump(tx, "sections", pc.Section.ID, map[string]any{"thread_count": -1, "post_count": -1}, nil); err != nil {
				return err
			}
			if err := bump(tx, "users", actor.ID, map[string]any{"thread_count": -1}, nil); err != nil {
				return err
			}
		} else {
			if err := bump(tx, "threads", pc.Thread.ID, map[string]any{"reply_count": -1}, nil); err != nil {
				return err
			}
			if err := bump(tx, "sections", pc.Section.ID, map[string]any{"post_count": -1}, nil); err != nil {
				return err
			}
			if err := bump(tx, "users", actor.ID, map[string]any{"reply_count": -1}, nil); err != nil {
				return err
			}
		}
		if s.index != nil {
			return s.index.PostRemoved(tx, &pc.Thread, &pc.Post.Post)
		}
		return nil
	})
	if err != nil {
		return nil, maybeWrap("delete post", err)
	}
	pc.Post.DeletedAt = &pc.Post.UpdatedAt
	return pc, nil
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
