// Package forum owns sections, threads, posts and their revisions: who may
// read and write where, the counters the lists show, and the paging of long
// threads. It renders Markdown once, when a post is saved.
package forum

import (
	"time"

	"entraide/internal/accounts"
	"entraide/internal/markup"
)

// PostsPerPage is the number of posts on one page of a thread.
const PostsPerPage = 20

// ThreadsPerPage is the number of threads on one page of a section.
const ThreadsPerPage = 30

// Section groups threads on one subject.
type Section struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int
	IsNewcomers bool
	Archived    bool
	ReadRole    accounts.Role
	ThreadCount int
	PostCount   int
	LastPostAt  *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Thread is a question or a discussion, opened by its first post.
type Thread struct {
	ID           int64
	SectionID    int64
	AuthorID     int64
	Title        string
	Slug         string
	Pinned       bool
	Locked       bool
	PostSeq      int // position of the last post written, deleted ones included
	ReplyCount   int // visible replies, the first post excluded
	LastPostAt   time.Time
	LastAuthorID int64
	DeletedAt    *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// SolutionPostID is the reply the author (or a moderator) chose as the
	// one that solved the question: the thread is then résolu.
	SolutionPostID *int64
	// Closed threads take no new replies (moderation.go). A duplicate is
	// closed onto DuplicateOf, its canonical thread; DuplicateAnswer is
	// the asker's answer to that: "yes", "no" or "".
	Closed          bool
	DuplicateOf     *int64 `gorm:"column:duplicate_of"`
	DuplicateAnswer string
}

// Duplicate reports whether the thread was closed as a duplicate.
func (t Thread) Duplicate() bool { return t.DuplicateOf != nil }

// Solved reports whether a reply was chosen as the solution.
func (t Thread) Solved() bool { return t.SolutionPostID != nil }

// Pages is the number of pages of the thread. Positions never move, so a
// link to page N stays right after deletions.
func (t *Thread) Pages() int {
	if t.PostSeq <= 0 {
		return 1
	}
	return (t.PostSeq + PostsPerPage - 1) / PostsPerPage
}

// PageOf returns the page that shows the post at position.
func PageOf(position int) int { return (position-1)/PostsPerPage + 1 }

// Post is one message in a thread; position 1 opens the thread.
type Post struct {
	ID        int64
	ThreadID  int64
	AuthorID  int64
	Position  int
	Body      string      // the author's Markdown
	BodyHTML  markup.HTML `gorm:"column:body_html"` // sanitised when saved
	EditCount int
	EditedAt  *time.Time
	DeletedAt *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	// ThankCount is how many people thanked the post, kept with the thanks.
	ThankCount int
	// A post hidden by the moderators (or by enough flags: HiddenBy nil)
	// shows to others as a placeholder; its author and moderators read it
	// with the reason.
	HiddenAt     *time.Time
	HiddenBy     *int64
	HiddenReason string
}

// Hidden reports whether the moderators hid the post.
func (p Post) Hidden() bool { return p.HiddenAt != nil }

// Revision is a previous version of a post, kept on every edit.
type Revision struct {
	ID        int64
	PostID    int64
	EditorID  int64
	Title     string
	Body      string
	CreatedAt time.Time
}

// TableName keeps gorm on our migration's table name.
func (Revision) TableName() string { return "post_revisions" }

// Author is what a page shows of a post's or a thread's author.
type Author struct {
	ID          int64
	Username    string
	DisplayName string
	Role        accounts.Role
	// ThanksReceived is what a post's author line shows beside the name.
	ThanksReceived int
}

// Name is the display name when set, else the username.
func (a Author) Name() string {
	if a.DisplayName != "" {
		return a.DisplayName
	}
	return a.Username
}

// PostView is a post with its author, as a thread page shows it.
type PostView struct {
	Post
	Author Author
	// Read with a thread page's posts only (PostsAndSolution): what the
	// reader did with the post, and how its author accepts to be
	// contacted ("" when the author has no profile).
	Mark    Mark
	Contact accounts.ContactMode
}

// ThreadSummary is a line of a thread list.
type ThreadSummary struct {
	Thread
	SectionSlug string
	SectionName string
	Author      Author
	LastAuthor  Author
}
