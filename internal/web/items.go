package web

import (
	"time"

	"entraide/internal/forum"
)

// postItem and threadItem are forum.PostView and forum.ThreadSummary with
// every field at the top level, as the lists of posts and threads give them
// to the templates. html/template finds a promoted field with a
// breadth-first search through the embedded structs on every access: with
// twenty posts or thirty threads a page, that search was a sixth of the
// page's rendering. TestItemsHaveEveryField keeps them complete.

type postItem struct {
	ID         int64
	ThreadID   int64
	AuthorID   int64
	Position   int
	Body       string
	BodyHTML   string
	EditCount  int
	EditedAt   *time.Time
	DeletedAt  *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
	ThankCount int
	Author     forum.Author
}

func postItems(views []forum.PostView) []postItem {
	out := make([]postItem, len(views))
	for i, v := range views {
		p := &v.Post
		out[i] = postItem{ID: p.ID, ThreadID: p.ThreadID, AuthorID: p.AuthorID, Position: p.Position, Body: p.Body,
			BodyHTML: p.BodyHTML, EditCount: p.EditCount, EditedAt: p.EditedAt, DeletedAt: p.DeletedAt,
			CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, ThankCount: p.ThankCount, Author: v.Author}
	}
	return out
}

// post is the item as the forum's permission checks take it.
func (p *postItem) post() *forum.Post {
	return &forum.Post{ID: p.ID, ThreadID: p.ThreadID, AuthorID: p.AuthorID, Position: p.Position, Body: p.Body,
		BodyHTML: p.BodyHTML, EditCount: p.EditCount, EditedAt: p.EditedAt, DeletedAt: p.DeletedAt,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, ThankCount: p.ThankCount}
}

type threadItem struct {
	ID             int64
	SectionID      int64
	AuthorID       int64
	Title          string
	Slug           string
	Pinned         bool
	Locked         bool
	PostSeq        int
	ReplyCount     int
	LastPostAt     time.Time
	LastAuthorID   int64
	DeletedAt      *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
	SolutionPostID *int64
	SectionSlug    string
	SectionName    string
	Author         forum.Author
	LastAuthor     forum.Author
}

// Solved is forum.Thread's Solved.
func (t threadItem) Solved() bool { return t.SolutionPostID != nil }

// Pages is forum.Thread's Pages.
func (t threadItem) Pages() int { return (&forum.Thread{PostSeq: t.PostSeq}).Pages() }

func threadItems(list []forum.ThreadSummary) []threadItem {
	out := make([]threadItem, len(list))
	for i, s := range list {
		t := &s.Thread
		out[i] = threadItem{ID: t.ID, SectionID: t.SectionID, AuthorID: t.AuthorID, Title: t.Title, Slug: t.Slug,
			Pinned: t.Pinned, Locked: t.Locked, PostSeq: t.PostSeq, ReplyCount: t.ReplyCount, LastPostAt: t.LastPostAt,
			LastAuthorID: t.LastAuthorID, DeletedAt: t.DeletedAt, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, SolutionPostID: t.SolutionPostID,
			SectionSlug: s.SectionSlug, SectionName: s.SectionName, Author: s.Author, LastAuthor: s.LastAuthor}
	}
	return out
}
