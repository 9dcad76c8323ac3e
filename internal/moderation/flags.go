package moderation

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/modlog"
)

// Kind is why a member flags a post; its label is the catalog key
// "moderation.flag.kind.<kind>".
type Kind string

// The kinds of flag. NotDuplicate is the asker's "ma question est
// différente", sent on their thread's question.
const (
	Spam         Kind = "spam"
	Abuse        Kind = "abuse"
	OffTopic     Kind = "off_topic"
	Duplicate    Kind = "duplicate"
	Other        Kind = "other"
	NotDuplicate Kind = "not_duplicate"
)

// Kinds are the kinds a member chooses from, in the form's order.
var Kinds = []Kind{Spam, Abuse, OffTopic, Duplicate, Other}

// MaxSentenceLength bounds a flag's sentence.
const MaxSentenceLength = 500

// NewFlag is what a member reports about a post.
type NewFlag struct {
	Kind     Kind
	Sentence string // required for Other and NotDuplicate
	Proposed int64  // for Duplicate: the thread proposed as canonical
}

var (
	refuseOwnPost     = &errs.Refusal{Rule: "flag_others", Key: "moderation.flag.own"}
	refuseFlagGone    = &errs.Refusal{Rule: "post_gone", Key: "thanks.refused.gone"}
	refuseFlagSuspend = &errs.Refusal{Rule: "suspended", Key: "moderation.suspended.refused"}
)

// CanFlag reports whether u may flag post p: anyone logged in and not
// suspended, on a visible post of someone else.
func CanFlag(u *accounts.User, p *forum.Post) bool {
	return u != nil && !u.SuspendedAt(time.Now()) && p.DeletedAt == nil && p.AuthorID != u.ID
}

// Flag records u's flag on the post; flagging twice keeps the first. When
// the rule's number of distinct people flagged it, the post is hidden
// until a moderator decides, and the log says the forum did it.
func (s *Service) Flag(ctx context.Context, u *accounts.User, postID int64, in NewFlag) error {
	in.Sentence = strings.TrimSpace(cleantext.Text(in.Sentence))
	bad := errs.Invalid{}
	switch in.Kind {
	case Spam, Abuse, OffTopic:
	case Duplicate:
		if in.Proposed <= 0 {
			bad.Add("canonical", "moderation.duplicate.choose")
		}
	case Other:
		if in.Sentence == "" {
			bad.Add("sentence", "moderation.flag.sentence_required")
		}
	default:
		bad.Add("kind", "moderation.flag.kind_required")
	}
	if utf8.RuneCountInString(in.Sentence) > MaxSentenceLength {
		bad.Add("sentence", "moderation.flag.sentence_too_long")
	}
	if err := bad.Err(); err != nil {
		return err
	}
	if u == nil {
		return errs.ErrForbidden
	}
	pc, err := s.forum.Post(ctx, u, postID)
	if err != nil {
		return err
	}
	switch {
	case u.SuspendedAt(s.now()):
		return refuseFlagSuspend
	case pc.Post.DeletedAt != nil:
		return refuseFlagGone
	case pc.Post.AuthorID == u.ID:
		return refuseOwnPost
	}
	if in.Kind == Duplicate {
		if _, err := s.forum.Thread(ctx, u, in.Proposed); err != nil || in.Proposed == pc.Thread.ID {
			return errs.Invalid{"canonical": "moderation.duplicate.choose"}
		}
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		added, err := s.insertFlag(ctx, u.ID, postID, in)
		if err != nil || !added {
			return err
		}
		return s.autoHide(ctx, postID)
	})
}

func (s *Service) insertFlag(ctx context.Context, userID, postID int64, in NewFlag) (bool, error) {
	var proposed any
	if in.Proposed > 0 {
		proposed = in.Proposed
	}
	res := s.db.Conn(ctx).Exec(`INSERT INTO flags (post_id, user_id, kind, sentence, proposed_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (post_id, user_id) DO NOTHING`, postID, userID, string(in.Kind), in.Sentence, proposed, s.now())
	if res.Error != nil {
		return false, fmt.Errorf("moderation: flag: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// autoHide hides the post when the rule's number of distinct people have
// flagged it and no moderator decided yet.
func (s *Service) autoHide(ctx context.Context, postID int64) error {
	v, err := s.rules.Values(ctx)
	if err != nil {
		return err
	}
	need, err := strconv.Atoi(v[FlagsToHide])
	if err != nil { // "off"
		return nil
	}
	var n int
	if err := s.db.Conn(ctx).Raw("SELECT COUNT(*) FROM flags WHERE post_id = ? AND resolved_at IS NULL AND kind <> ?",
		postID, string(NotDuplicate)).Scan(&n).Error; err != nil {
		return fmt.Errorf("moderation: count flags: %w", err)
	}
	if n < need {
		return nil
	}
	return s.forum.AutoHidePost(ctx, postID, FlagsToHide)
}

// AnswerDuplicate records the asker's answer to their thread's closing as
// a duplicate; "no" comes with a sentence that reaches the moderators'
// flags, on the thread's question.
func (s *Service) AnswerDuplicate(ctx context.Context, asker *accounts.User, threadID int64, yes bool, sentence string) error {
	sentence = strings.TrimSpace(cleantext.Text(sentence))
	if !yes {
		bad := errs.Invalid{}
		switch {
		case sentence == "":
			bad.Add("sentence", "moderation.duplicate.why_required")
		case utf8.RuneCountInString(sentence) > MaxSentenceLength:
			bad.Add("sentence", "moderation.flag.sentence_too_long")
		}
		if err := bad.Err(); err != nil {
			return err
		}
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		tv, err := s.forum.AnswerDuplicate(ctx, asker, threadID, yes)
		if err != nil || yes {
			return err
		}
		var first int64
		if err := s.db.Conn(ctx).Raw("SELECT id FROM posts WHERE thread_id = ? AND position = 1", tv.Thread.ID).Scan(&first).Error; err != nil {
			return err
		}
		// A second "no" replaces the first sentence, back in the queue.
		return s.db.Conn(ctx).Exec(`INSERT INTO flags (post_id, user_id, kind, sentence, proposed_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (post_id, user_id) DO UPDATE SET kind = excluded.kind, sentence = excluded.sentence,
				proposed_id = excluded.proposed_id, created_at = excluded.created_at, resolved_at = NULL, resolved_by = NULL`,
			first, asker.ID, string(NotDuplicate), sentence, tv.Thread.DuplicateOf, s.now()).Error
	})
}

// FlagLine is one person's flag.
type FlagLine struct {
	UserID     int64
	UserName   string
	Kind       Kind
	Sentence   string
	ProposedID *int64
	// ProposedTitle is the proposed thread's title, for a duplicate flag.
	ProposedTitle string
	CreatedAt     time.Time
}

// FlaggedPost is a post with its pending flags, as /mod/flags lists it.
type FlaggedPost struct {
	PostID      int64
	ThreadID    int64
	ThreadTitle string
	ThreadSlug  string
	Position    int
	AuthorName  string
	Excerpt     string // the post's Markdown, to be cut by the page
	Hidden      bool
	Flags       []FlagLine
}

// Proposed returns the first thread proposed as canonical, or 0.
func (f *FlaggedPost) Proposed() int64 {
	for _, l := range f.Flags {
		if l.ProposedID != nil {
			return *l.ProposedID
		}
	}
	return 0
}

// MaxFlaggedPosts bounds the posts /mod/flags lists at once.
const MaxFlaggedPosts = 50

// Pending returns the posts with pending flags, oldest flag first, with
// their flags, in one statement.
func (s *Service) Pending(ctx context.Context) ([]FlaggedPost, error) {
	var rows []struct {
		PostID, ThreadID int64
		ThreadTitle      string
		ThreadSlug       string
		Position         int
		AuthorName, Body string
		HiddenAt         *time.Time
		UserID           int64
		UserName         string
		Kind             Kind
		Sentence         string
		ProposedID       *int64
		ProposedTitle    string
		CreatedAt        time.Time
	}
	err := s.db.Conn(ctx).Raw(`SELECT f.post_id, p.thread_id, t.title AS thread_title, t.slug AS thread_slug, p.position,
			COALESCE(NULLIF(a.display_name, ''), a.username) AS author_name, p.body, p.hidden_at,
			f.user_id, COALESCE(NULLIF(u.display_name, ''), u.username) AS user_name, f.kind, f.sentence, f.proposed_id,
			COALESCE(c.title, '') AS proposed_title, f.created_at
		FROM (SELECT post_id, MIN(created_at) AS first FROM flags WHERE resolved_at IS NULL GROUP BY post_id ORDER BY first, post_id LIMIT ?) q
		JOIN flags f ON f.post_id = q.post_id AND f.resolved_at IS NULL
		JOIN posts p ON p.id = f.post_id JOIN threads t ON t.id = p.thread_id
		JOIN users a ON a.id = p.author_id JOIN users u ON u.id = f.user_id
		LEFT JOIN threads c ON c.id = f.proposed_id
		ORDER BY q.first, q.post_id, f.created_at, f.id`, MaxFlaggedPosts).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("moderation: pending flags: %w", err)
	}
	var out []FlaggedPost
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].PostID != r.PostID {
			out = append(out, FlaggedPost{PostID: r.PostID, ThreadID: r.ThreadID, ThreadTitle: r.ThreadTitle, ThreadSlug: r.ThreadSlug,
				Position: r.Position, AuthorName: r.AuthorName, Excerpt: r.Body, Hidden: r.HiddenAt != nil})
		}
		last := &out[len(out)-1]
		last.Flags = append(last.Flags, FlagLine{UserID: r.UserID, UserName: r.UserName, Kind: r.Kind, Sentence: r.Sentence,
			ProposedID: r.ProposedID, ProposedTitle: r.ProposedTitle, CreatedAt: r.CreatedAt})
	}
	return out, nil
}

// Resolution is a moderator's decision on a flagged post.
type Resolution string

// The decisions on a flagged post.
const (
	ResolveHide      Resolution = "hide"
	ResolveDismiss   Resolution = "dismiss"
	ResolveDuplicate Resolution = "duplicate"
)

// Resolve decides on a flagged post: hide it (the reason is the flags'
// kinds unless given), dismiss the flags (a post the flags hid is shown
// again), or close its thread as a duplicate of the proposed thread.
// The pending flags are resolved in the same transaction.
func (s *Service) Resolve(ctx context.Context, actor *accounts.User, postID int64, r Resolution, reason string) error {
	if actor == nil {
		return errs.ErrForbidden
	}
	if !forum.CanModerate(actor) {
		return refuseNotModerator
	}
	list, err := s.flagsOf(ctx, postID)
	if err != nil {
		return err
	}
	if len(list.Flags) == 0 {
		return refuseNotSuspended // nothing pending: already decided
	}
	return s.db.InTx(ctx, func(ctx context.Context) error {
		switch r {
		case ResolveHide:
			if reason == "" {
				reason = string(list.Flags[0].Kind)
			}
			if !list.Hidden {
				if _, err := s.forum.HidePost(ctx, actor, postID, reason); err != nil {
					return err
				}
			}
		case ResolveDismiss:
			if list.Hidden {
				if _, err := s.forum.RestorePost(ctx, actor, postID, reason); err != nil {
					return err
				}
			}
			if err := s.log.Record(ctx, modlog.Entry{ActorID: actor.ID, Action: ActFlagsDismiss, ThreadID: list.ThreadID, PostID: postID,
				Reason: reason, Detail: strconv.Itoa(len(list.Flags))}); err != nil {
				return err
			}
		case ResolveDuplicate:
			to := list.Proposed()
			if to == 0 {
				return errs.Invalid{"canonical": "moderation.duplicate.choose"}
			}
			if _, err := s.forum.CloseAsDuplicate(ctx, actor, list.ThreadID, to, reason); err != nil {
				return err
			}
		default:
			return errs.ErrNotFound
		}
		return s.db.Conn(ctx).Exec("UPDATE flags SET resolved_at = ?, resolved_by = ? WHERE post_id = ? AND resolved_at IS NULL",
			s.now(), actor.ID, postID).Error
	})
}

// flagsOf returns the post's pending flags.
func (s *Service) flagsOf(ctx context.Context, postID int64) (*FlaggedPost, error) {
	var rows []struct {
		ThreadID   int64
		HiddenAt   *time.Time
		Kind       Kind
		ProposedID *int64
	}
	err := s.db.Conn(ctx).Raw(`SELECT p.thread_id, p.hidden_at, f.kind, f.proposed_id FROM flags f JOIN posts p ON p.id = f.post_id
		WHERE f.post_id = ? AND f.resolved_at IS NULL ORDER BY f.created_at, f.id`, postID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("moderation: flags of post: %w", err)
	}
	out := &FlaggedPost{PostID: postID}
	for _, r := range rows {
		out.ThreadID, out.Hidden = r.ThreadID, r.HiddenAt != nil
		out.Flags = append(out.Flags, FlagLine{Kind: r.Kind, ProposedID: r.ProposedID})
	}
	return out, nil
}
