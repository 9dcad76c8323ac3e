package forum

import (
	"context"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
)

// threadSummaryColumns is the one query shape behind every thread list: the
// thread, its section and both authors in a single statement, so a list
// costs one query whatever its length.
const threadSummaryColumns = `t.*, s.slug AS section_slug, s.name AS section_name,
	a.username AS author_username, a.display_name AS author_display_name, a.role AS author_role,
	l.username AS last_author_username, l.display_name AS last_author_display_name, l.role AS last_author_role`

const threadSummaryJoins = `JOIN sections s ON s.id = t.section_id
	JOIN users a ON a.id = t.author_id
	JOIN users l ON l.id = t.last_author_id`

type summaryRow struct {
	Thread
	SectionSlug           string
	SectionName           string
	AuthorUsername        string
	AuthorDisplayName     string
	AuthorRole            accounts.Role
	LastAuthorUsername    string
	LastAuthorDisplayName string
	LastAuthorRole        accounts.Role
}

func (r summaryRow) summary() ThreadSummary {
	return ThreadSummary{Thread: r.Thread, SectionSlug: r.SectionSlug, SectionName: r.SectionName,
		Author:     Author{ID: r.AuthorID, Username: r.AuthorUsername, DisplayName: r.AuthorDisplayName, Role: r.AuthorRole},
		LastAuthor: Author{ID: r.LastAuthorID, Username: r.LastAuthorUsername, DisplayName: r.LastAuthorDisplayName, Role: r.LastAuthorRole}}
}

func (s *Service) summaries(ctx context.Context, where string, order string, limit int, args ...any) ([]ThreadSummary, error) {
	var rows []summaryRow
	q := "SELECT " + threadSummaryColumns + " FROM threads t " + threadSummaryJoins +
		" WHERE t.deleted_at IS NULL AND " + where + " ORDER BY " + order + " LIMIT " + strconv.Itoa(limit)
	if err := s.db.WithContext(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, wrap("thread list", err)
	}
	out := make([]ThreadSummary, len(rows))
	for i, r := range rows {
		out[i] = r.summary()
	}
	return out, nil
}

// LatestThreads returns the threads with the most recent activity in the
// sections u may read.
func (s *Service) LatestThreads(ctx context.Context, u *accounts.User, limit int) ([]ThreadSummary, error) {
	ids, err := s.ReadableSectionIDs(ctx, u)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.summaries(ctx, "t.section_id IN ?", "t.last_post_at DESC, t.id DESC", limit, ids)
}

// Cursor marks a place in a section's list by last activity, for keyset
// paging: page 500 costs what page 1 costs.
type Cursor struct {
	At time.Time
	ID int64
}

// String encodes the cursor for a link.
func (c Cursor) String() string {
	return strconv.FormatInt(c.At.UnixMicro(), 36) + "." + strconv.FormatInt(c.ID, 36)
}

// ParseCursor decodes a cursor from a link; a bad one means "first page".
func ParseCursor(s string) (Cursor, bool) {
	at, id, ok := strings.Cut(s, ".")
	if !ok {
		return Cursor{}, false
	}
	micros, err1 := strconv.ParseInt(at, 36, 64)
	n, err2 := strconv.ParseInt(id, 36, 64)
	if err1 != nil || err2 != nil || n <= 0 {
		return Cursor{}, false
	}
	return Cursor{At: time.UnixMicro(micros).UTC(), ID: n}, true
}

// SectionPage is one page of a section's thread list.
type SectionPage struct {
	Pinned  []ThreadSummary // on the first page only
	Threads []ThreadSummary
	Older   *Cursor // set when there are older threads
	Newer   *Cursor // set when this is not the first page
}

// SectionThreads returns a page of sec's threads: pinned ones first, then by
// last activity. after and before are cursors from a previous page.
func (s *Service) SectionThreads(ctx context.Context, sec *Section, after, before *Cursor) (*SectionPage, error) {
	page := &SectionPage{}
	var err error
	switch {
	case after != nil:
		page.Threads, err = s.summaries(ctx, "t.section_id = ? AND NOT t.pinned AND (t.last_post_at < ? OR (t.last_post_at = ? AND t.id < ?))",
			"t.last_post_at DESC, t.id DESC", ThreadsPerPage+1, sec.ID, after.At, after.At, after.ID)
	case before != nil:
		page.Threads, err = s.summaries(ctx, "t.section_id = ? AND NOT t.pinned AND (t.last_post_at > ? OR (t.last_post_at = ? AND t.id > ?))",
			"t.last_post_at ASC, t.id ASC", ThreadsPerPage+1, sec.ID, before.At, before.At, before.ID)
	default:
		page.Pinned, err = s.summaries(ctx, "t.section_id = ? AND t.pinned", "t.last_post_at DESC, t.id DESC", 50, sec.ID)
		if err == nil {
			page.Threads, err = s.summaries(ctx, "t.section_id = ? AND NOT t.pinned", "t.last_post_at DESC, t.id DESC", ThreadsPerPage+1, sec.ID)
		}
	}
	if err != nil {
		return nil, err
	}
	more := len(page.Threads) > ThreadsPerPage
	if more {
		page.Threads = page.Threads[:ThreadsPerPage]
	}
	if before != nil {
		reverse(page.Threads)
	}
	if len(page.Threads) > 0 {
		first, last := page.Threads[0], page.Threads[len(page.Threads)-1]
		if (before == nil && more) || before != nil {
			page.Older = &Cursor{At: last.LastPostAt, ID: last.ID}
		}
		if after != nil || (before != nil && more) {
			page.Newer = &Cursor{At: first.LastPostAt, ID: first.ID}
		}
	}
	return page, nil
}

func reverse(list []ThreadSummary) {
	for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
		list[i], list[j] = list[j], list[i]
	}
}

// ThreadView is a thread with its section, as its page needs it.
type ThreadView struct {
	Thread  Thread
	Section Section
	Author  Author
}

// Thread returns the thread with id if u may read it, else errs.ErrNotFound.
func (s *Service) Thread(ctx context.Context, u *accounts.User, id int64) (*ThreadView, error) {
	var rows []summaryRow
	q := "SELECT " + threadSummaryColumns + " FROM threads t " + threadSummaryJoins + " WHERE t.id = ? AND t.deleted_at IS NULL"
	if err := s.db.WithContext(ctx).Raw(q, id).Scan(&rows).Error; err != nil {
		return nil, wrap("thread", err)
	}
	if len(rows) == 0 {
		return nil, errs.ErrNotFound
	}
	var sec Section
	if err := s.db.WithContext(ctx).Where("id = ?", rows[0].SectionID).Take(&sec).Error; err != nil {
		return nil, wrap("thread section", err)
	}
	if !CanRead(u, &sec) {
		return nil, errs.ErrNotFound
	}
	sum := rows[0].summary()
	return &ThreadView{Thread: sum.Thread, Section: sec, Author: sum.Author}, nil
}

// Posts returns page (from 1) of the thread's posts, deleted ones included
// so positions and pages stay stable; the page shows them as placeholders.
func (s *Service) Posts(ctx context.Context, t *Thread, page int) ([]PostView, error) {
	if page < 1 || page > t.Pages() {
		return nil, errs.ErrNotFound
	}
	from := (page-1)*PostsPerPage + 1
	return s.postViews(ctx, "p.thread_id = ? AND p.position BETWEEN ? AND ?", "p.position", PostsPerPage, t.ID, from, from+PostsPerPage-1)
}

type postRow struct {
	Post
	AuthorUsername    string
	AuthorDisplayName string
	AuthorRole        accounts.Role
}

func (s *Service) postViews(ctx context.Context, where, order string, limit int, args ...any) ([]PostView, error) {
	var rows []postRow
	q := `SELECT p.*, u.username AS author_username, u.display_name AS author_display_name, u.role AS author_role
		FROM posts p JOIN users u ON u.id = p.author_id WHERE ` + where + " ORDER BY " + order + " LIMIT " + strconv.Itoa(limit)
	if err := s.db.WithContext(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, wrap("posts", err)
	}
	out := make([]PostView, len(rows))
	for i, r := range rows {
		out[i] = PostView{Post: r.Post, Author: Author{ID: r.AuthorID, Username: r.AuthorUsername, DisplayName: r.AuthorDisplayName, Role: r.AuthorRole}}
	}
	return out, nil
}

// PostContext is a post with everything needed to check what u may do to it.
type PostContext struct {
	Post    PostView
	Thread  Thread
	Section Section
}

// Post returns the post with id, its thread and section, if u may read it.
func (s *Service) Post(ctx context.Context, u *accounts.User, id int64) (*PostContext, error) {
	posts, err := s.postViews(ctx, "p.id = ?", "p.id", 1, id)
	if err != nil {
		return nil, err
	}
	if len(posts) == 0 {
		return nil, errs.ErrNotFound
	}
	tv, err := s.Thread(ctx, u, posts[0].ThreadID)
	if err != nil {
		return nil, err
	}
	return &PostContext{Post: posts[0], Thread: tv.Thread, Section: tv.Section}, nil
}

// UserPosts returns the latest visible posts of a member, in the sections u
// may read, for the profile page.
func (s *Service) UserPosts(ctx context.Context, u *accounts.User, authorID int64, limit int) ([]ThreadSummary, error) {
	ids, err := s.ReadableSectionIDs(ctx, u)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.summaries(ctx, "t.section_id IN ? AND t.id IN (SELECT p.thread_id FROM posts p WHERE p.author_id = ? AND p.deleted_at IS NULL)",
		"t.last_post_at DESC, t.id DESC", limit, ids, authorID)
}

// Revisions returns the earlier versions of a post, newest first, to those
// allowed to see them.
func (s *Service) Revisions(ctx context.Context, u *accounts.User, pc *PostContext) ([]Revision, error) {
	if !CanSeeHistory(u, &pc.Post.Post) {
		return nil, errs.ErrForbidden
	}
	var revs []Revision
	err := s.db.WithContext(ctx).Where("post_id = ?", pc.Post.ID).Order("id DESC").Find(&revs).Error
	return revs, wrap("revisions", err)
}
