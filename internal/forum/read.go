package forum

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/errs"
)

// summaries is the one query shape behind every thread list: a page of
// threads and both authors of each in a single statement, so a list costs
// one query whatever its length. where and order are written on threads t.
//
// The page of threads is chosen first, in a subquery, and only its rows are
// joined to their authors: joined before the LIMIT, PostgreSQL planned the
// author lookups with Memoize nodes whose set-up on every execution cost
// three times the rest (pgbench: 4,700 home lists a second against 18,900).
// Section names come from the section list every page reads anyway (cached
// for a second, see sectioncache.go) rather than from one more join.
func (s *Service) summaries(ctx context.Context, where string, order string, limit int, args ...any) ([]ThreadSummary, error) {
	q := "SELECT " + threadRow.Prefixed("t") + ", " + authorRow.Prefixed("a") + ", " + authorRow.Prefixed("l") +
		" FROM (SELECT " + threadRow.Prefixed("t") + " FROM threads t WHERE t.deleted_at IS NULL AND " + where +
		" ORDER BY " + order + " LIMIT " + strconv.Itoa(limit) + ") t" +
		" JOIN users a ON a.id = t.author_id JOIN users l ON l.id = t.last_author_id ORDER BY " + order
	out := make([]ThreadSummary, 0, limit)
	err := s.query(ctx, q, args, func(rows *sql.Rows) error {
		var r ThreadSummary
		if err := rows.Scan(append(append(r.Thread.fields(), r.Author.fields()...), r.LastAuthor.fields()...)...); err != nil {
			return err
		}
		r.Author.ID, r.LastAuthor.ID = r.AuthorID, r.LastAuthorID
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, wrap("thread list", err)
	}
	return out, s.nameSections(ctx, out)
}

// nameSections sets each line's section slug and name from the section
// list; a section missing from a cached list was just created elsewhere,
// and the list is read again.
func (s *Service) nameSections(ctx context.Context, list []ThreadSummary) error {
	for retry := 0; ; retry++ {
		all, err := s.allSections(ctx)
		if err != nil {
			return err
		}
		byID := make(map[int64]*Section, len(all))
		for i := range all {
			byID[all[i].ID] = &all[i]
		}
		missing := false
		for i := range list {
			if sec := byID[list[i].SectionID]; sec != nil {
				list[i].SectionSlug, list[i].SectionName = sec.Slug, sec.Name
			} else {
				missing = true
			}
		}
		if !missing || retry > 0 {
			return nil
		}
		s.sections.invalidate()
	}
}

// readableIDs returns the ids of the sections u may read, for lists across
// sections.
func (s *Service) readableIDs(ctx context.Context, u *accounts.User) ([]int64, error) {
	all, err := s.allSections(ctx)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for i := range all {
		if CanRead(u, &all[i]) {
			ids = append(ids, all[i].ID)
		}
	}
	return ids, nil
}

// LatestThreads returns the threads with the most recent activity in the
// sections u may read.
func (s *Service) LatestThreads(ctx context.Context, u *accounts.User, limit int) ([]ThreadSummary, error) {
	ids, err := s.readableIDs(ctx, u)
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
//
// The queries are written for the index threads_section_activity
// (section_id, pinned DESC, last_post_at DESC, id DESC), so that any page
// costs what the first costs: pinned is compared with TRUE or FALSE, which
// both databases match against the index where "NOT pinned" made SQLite
// sort the whole section; the cursor is a row comparison, which both use as
// the start of an index range where the equivalent OR made PostgreSQL scan
// every newer thread (75 ms for page 500); and the order names every column
// of the index, without which PostgreSQL preferred scanning threads_activity
// and skipping the other sections' threads.
func (s *Service) SectionThreads(ctx context.Context, sec *Section, after, before *Cursor) (*SectionPage, error) {
	const newestFirst = "t.section_id, t.pinned DESC, t.last_post_at DESC, t.id DESC"
	const oldestFirst = "t.section_id DESC, t.pinned, t.last_post_at, t.id"
	page := &SectionPage{}
	var err error
	switch {
	case after != nil:
		page.Threads, err = s.summaries(ctx, "t.section_id = ? AND t.pinned = FALSE AND (t.last_post_at, t.id) < (?, ?)",
			newestFirst, ThreadsPerPage+1, sec.ID, after.At, after.ID)
	case before != nil:
		page.Threads, err = s.summaries(ctx, "t.section_id = ? AND t.pinned = FALSE AND (t.last_post_at, t.id) > (?, ?)",
			oldestFirst, ThreadsPerPage+1, sec.ID, before.At, before.ID)
	default:
		page.Pinned, err = s.summaries(ctx, "t.section_id = ? AND t.pinned = TRUE", newestFirst, 50, sec.ID)
		if err == nil {
			page.Threads, err = s.summaries(ctx, "t.section_id = ? AND t.pinned = FALSE", newestFirst, ThreadsPerPage+1, sec.ID)
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
	// Tried is what the author already read or tried, written with the
	// question (plain text), or "".
	Tried string
}

var threadViewQuery = "SELECT " + threadRow.Prefixed("t") + ", " + sectionRow.Prefixed("s") + ", " + authorRow.Prefixed("a") + ", t.tried" +
	` FROM threads t JOIN sections s ON s.id = t.section_id JOIN users a ON a.id = t.author_id
	WHERE t.id = ? AND t.deleted_at IS NULL`

// Thread returns the thread with id if u may read it, else errs.ErrNotFound.
// The thread, its section and its author come in one statement.
func (s *Service) Thread(ctx context.Context, u *accounts.User, id int64) (*ThreadView, error) {
	var tv *ThreadView
	err := s.query(ctx, threadViewQuery, []any{id}, func(rows *sql.Rows) error {
		tv = &ThreadView{}
		dest := append(append(append(tv.Thread.fields(), tv.Section.fields()...), tv.Author.fields()...), &tv.Tried)
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		tv.Author.ID = tv.Thread.AuthorID
		return nil
	})
	if err != nil {
		return nil, wrap("thread", err)
	}
	if tv == nil || !CanRead(u, &tv.Section) {
		return nil, errs.ErrNotFound
	}
	return tv, nil
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

var postViewQuery = "SELECT " + postRow.Prefixed("p") + ", " + authorRow.Prefixed("u") +
	" FROM posts p JOIN users u ON u.id = p.author_id WHERE "

func (s *Service) postViews(ctx context.Context, where, order string, limit int, args ...any) ([]PostView, error) {
	q := postViewQuery + where + " ORDER BY " + order + " LIMIT " + strconv.Itoa(limit)
	out := make([]PostView, 0, limit)
	err := s.query(ctx, q, args, func(rows *sql.Rows) error {
		var v PostView
		if err := rows.Scan(append(v.Post.fields(), v.Author.fields()...)...); err != nil {
			return err
		}
		v.Author.ID = v.AuthorID
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, wrap("posts", err)
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
	ids, err := s.readableIDs(ctx, u)
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
