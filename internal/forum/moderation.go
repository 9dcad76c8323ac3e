package forum

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/modlog"
	"entraide/internal/notify"

	"gorm.io/gorm"
)

// Moderators' actions on the forum's own rows: a thread's status (closed,
// duplicate of, locked, pinned, its section and title) and hidden posts.
// They live here rather than in internal/moderation because they change
// threads and posts, their counters and the search index, which only the
// forum writes; internal/moderation (flags, suspensions) calls them inside
// its own transaction. Each action records its line in the moderation log
// in the same transaction.

// ModLog records a moderation line inside the transaction ctx carries
// (internal/modlog implements it). Nil means none.
type ModLog interface {
	Record(ctx context.Context, e modlog.Entry) error
}

// SetModLog sets where the moderators' actions are recorded (wired by the app).
func (s *Service) SetModLog(l ModLog) { s.modlog = l }

func (s *Service) record(tx *gorm.DB, e modlog.Entry) error {
	if s.modlog == nil {
		return nil
	}
	return s.modlog.Record(db.TxContext(tx), e)
}

// The actions the forum records in the moderation log.
const (
	ActClose     modlog.Action = "thread_close"
	ActReopen    modlog.Action = "thread_reopen"
	ActLock      modlog.Action = "thread_lock"
	ActUnlock    modlog.Action = "thread_unlock"
	ActPin       modlog.Action = "thread_pin"
	ActUnpin     modlog.Action = "thread_unpin"
	ActMove      modlog.Action = "thread_move"
	ActRetitle   modlog.Action = "thread_retitle"
	ActDuplicate modlog.Action = "thread_duplicate"
	ActHide      modlog.Action = "post_hide"
	ActRestore   modlog.Action = "post_restore"
)

// MaxReasonLength bounds a moderator's reason or message.
const MaxReasonLength = 500

// Refusals of the moderators' actions, each naming its rule.
var (
	refuseSuspended   = &errs.Refusal{Rule: "suspended", Key: "moderation.suspended.refused"}
	refuseClosed      = &errs.Refusal{Rule: "closed", Key: "moderation.reply.closed"}
	refuseCycle       = &errs.Refusal{Rule: "duplicate_cycle", Key: "moderation.duplicate.cycle"}
	refuseNotModerate = &errs.Refusal{Rule: "moderators_only", Key: "moderation.refused.not_moderator"}
	refuseNoChange    = &errs.Refusal{Rule: "nothing_to_do", Key: "moderation.refused.nothing_to_do"}
	refuseNotAsker    = &errs.Refusal{Rule: "duplicate_answer_by_asker", Key: "moderation.duplicate.not_asker"}
)

// suspended reports whether u is suspended now.
func suspended(u *accounts.User) bool { return u.SuspendedAt(time.Now()) }

// CanModerate reports whether u may take the moderators' actions:
// moderators and admins who are not suspended.
func CanModerate(u *accounts.User) bool {
	return u.ModeratesAt(time.Now())
}

// CanSeeHidden reports whether u may read hidden post p: its author and
// moderators.
func CanSeeHidden(u *accounts.User, p *Post) bool {
	return u != nil && (u.ID == p.AuthorID || u.Can(accounts.Moderator))
}

// ThreadAction is a moderator's one-click action on a thread.
type ThreadAction string

// The one-click thread actions.
const (
	Close  ThreadAction = "close"
	Reopen ThreadAction = "reopen"
	Lock   ThreadAction = "lock"
	Unlock ThreadAction = "unlock"
	Pin    ThreadAction = "pin"
	Unpin  ThreadAction = "unpin"
)

// threadActions maps each action to the column it sets and its log action.
var threadActions = map[ThreadAction]struct {
	column string
	value  bool
	log    modlog.Action
}{
	Close: {"closed", true, ActClose}, Reopen: {"closed", false, ActReopen},
	Lock: {"locked", true, ActLock}, Unlock: {"locked", false, ActUnlock},
	Pin: {"pinned", true, ActPin}, Unpin: {"pinned", false, ActUnpin},
}

// ParseThreadAction returns the action named a, if it is one.
func ParseThreadAction(a string) (ThreadAction, bool) {
	_, ok := threadActions[ThreadAction(a)]
	return ThreadAction(a), ok
}

func checkReason(bad errs.Invalid, reason string, required bool) {
	switch {
	case required && reason == "":
		bad.Add("reason", "moderation.reason.required")
	case utf8.RuneCountInString(reason) > MaxReasonLength:
		bad.Add("reason", "moderation.reason.too_long")
	}
}

func cleanReason(s string) string { return strings.TrimSpace(cleanText(s)) }

// moderated loads the thread id for actor's action.
func (s *Service) moderated(ctx context.Context, actor *accounts.User, id int64) (*ThreadView, error) {
	if actor == nil {
		return nil, errs.ErrForbidden
	}
	tv, err := s.Thread(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if !CanModerate(actor) {
		return nil, refuseNotModerate
	}
	return tv, nil
}

// ModerateThread closes, reopens, locks, unlocks, pins or unpins a
// thread. Reopening a duplicate undoes the closing as a duplicate too.
func (s *Service) ModerateThread(ctx context.Context, actor *accounts.User, id int64, a ThreadAction, reason string) (*ThreadView, error) {
	do, ok := threadActions[a]
	if !ok {
		return nil, errs.ErrNotFound
	}
	reason = cleanReason(reason)
	bad := errs.Invalid{}
	checkReason(bad, reason, false)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	tv, err := s.moderated(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		fields := map[string]any{do.column: do.value, "updated_at": s.now()}
		where := "id = ? AND deleted_at IS NULL AND " + do.column + " <> ?"
		args := []any{id, do.value}
		if a == Reopen {
			fields["duplicate_of"], fields["duplicate_answer"] = nil, ""
			// A duplicate is closed too; reopening undoes both.
			where, args = "id = ? AND deleted_at IS NULL AND (closed OR duplicate_of IS NOT NULL)", []any{id}
		}
		res := tx.Model(&Thread{}).Where(where, args...).Updates(fields)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return refuseNoChange
		}
		if a == Reopen && tv.Thread.DuplicateOf != nil {
			if err := s.duplicateIndex(tx, &tv.Thread, nil); err != nil {
				return err
			}
		}
		return s.record(tx, modlog.Entry{ActorID: actor.ID, Action: do.log, UserID: tv.Thread.AuthorID, ThreadID: id, Reason: reason})
	})
	if err != nil {
		return nil, maybeWrap("moderate thread", err)
	}
	return s.Thread(ctx, actor, id)
}

// MoveThread files the thread in another section, moving the sections'
// counters with it.
func (s *Service) MoveThread(ctx context.Context, actor *accounts.User, id, sectionID int64, reason string) (*ThreadView, error) {
	reason = cleanReason(reason)
	bad := errs.Invalid{}
	checkReason(bad, reason, false)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	tv, err := s.moderated(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	to, err := s.sectionByID(s.db.Conn(ctx), sectionID)
	if err == errs.ErrNotFound || (err == nil && (to.Archived || !CanRead(actor, to))) {
		return nil, errs.Invalid{"section": "forum.section.closed"}
	}
	if err != nil {
		return nil, err
	}
	if to.ID == tv.Section.ID {
		return nil, refuseNoChange
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var posts int
		if err := tx.Raw("SELECT COUNT(*) FROM posts WHERE thread_id = ? AND deleted_at IS NULL", id).Scan(&posts).Error; err != nil {
			return err
		}
		res := tx.Model(&Thread{}).Where("id = ? AND section_id = ? AND deleted_at IS NULL", id, tv.Section.ID).
			Updates(map[string]any{"section_id": to.ID, "updated_at": s.now()})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		if err := bump(tx, "sections", tv.Section.ID, map[string]any{"thread_count": -1, "post_count": -posts}, nil); err != nil {
			return err
		}
		if err := bump(tx, "sections", to.ID, map[string]any{"thread_count": 1, "post_count": posts}, nil); err != nil {
			return err
		}
		for _, sec := range []int64{tv.Section.ID, to.ID} {
			if err := sectionActivityFromThreads(tx, sec); err != nil {
				return err
			}
		}
		return s.record(tx, modlog.Entry{ActorID: actor.ID, Action: ActMove, UserID: tv.Thread.AuthorID, ThreadID: id, Reason: reason,
			Detail: tv.Section.Name + " → " + to.Name})
	})
	if err != nil {
		return nil, maybeWrap("move thread", err)
	}
	return s.Thread(ctx, actor, id)
}

// RetitleThread gives the thread a clearer title; the log keeps the old one.
func (s *Service) RetitleThread(ctx context.Context, actor *accounts.User, id int64, title, reason string) (*ThreadView, error) {
	title, reason = cleanTitle(title), cleanReason(reason)
	bad := errs.Invalid{}
	checkTitle(bad, title)
	checkReason(bad, reason, false)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	tv, err := s.moderated(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if title == tv.Thread.Title {
		return tv, nil
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		old := tv.Thread.Title
		tv.Thread.Title, tv.Thread.Slug = title, makeSlug(title)
		if err := tx.Model(&Thread{}).Where("id = ?", id).Updates(map[string]any{"title": title, "slug": tv.Thread.Slug, "updated_at": s.now()}).Error; err != nil {
			return err
		}
		if s.index != nil {
			if err := s.index.ThreadChanged(tx, &tv.Thread); err != nil {
				return err
			}
		}
		return s.record(tx, modlog.Entry{ActorID: actor.ID, Action: ActRetitle, UserID: tv.Thread.AuthorID, ThreadID: id, Reason: reason, Detail: old})
	})
	if err != nil {
		return nil, maybeWrap("retitle thread", err)
	}
	return tv, nil
}

// maxChain bounds how far a canonical chain is followed; chains stay one
// step long (closing re-points a duplicate's own duplicates), so this only
// guards against rows written by hand.
const maxChain = 10

// CloseAsDuplicate closes the thread as a duplicate of canonicalID, or of
// the thread that one is itself a duplicate of: readers always land on the
// final canonical. A thread cannot become a duplicate of itself, directly
// or through a chain; the threads already closed onto it follow it to its
// canonical. The asker is notified.
func (s *Service) CloseAsDuplicate(ctx context.Context, actor *accounts.User, id, canonicalID int64, message string) (*ThreadView, error) {
	message = cleanReason(message)
	bad := errs.Invalid{}
	checkReason(bad, message, false)
	if canonicalID <= 0 {
		bad.Add("canonical", "moderation.duplicate.choose")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	tv, err := s.moderated(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.Thread(ctx, actor, canonicalID); err == errs.ErrNotFound {
		return nil, errs.Invalid{"canonical": "moderation.duplicate.choose"}
	} else if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		final, err := s.finalCanonical(tx, canonicalID)
		if err != nil {
			return err
		}
		if final == id {
			return refuseCycle
		}
		res := tx.Model(&Thread{}).Where("id = ? AND deleted_at IS NULL", id).
			Updates(map[string]any{"closed": true, "duplicate_of": final, "duplicate_answer": "", "updated_at": s.now()})
		if res.Error != nil {
			return res.Error
		}
		if err := tx.Model(&Thread{}).Where("duplicate_of = ?", id).Update("duplicate_of", final).Error; err != nil {
			return err
		}
		if err := s.duplicateIndex(tx, &tv.Thread, &final); err != nil {
			return err
		}
		if err := s.record(tx, modlog.Entry{ActorID: actor.ID, Action: ActDuplicate, UserID: tv.Thread.AuthorID, ThreadID: id,
			Reason: message, Detail: strconv.FormatInt(final, 10)}); err != nil {
			return err
		}
		return s.notify(tx, notify.Note{RecipientID: tv.Thread.AuthorID, Kind: notify.KindDuplicate, Subject: threadSubject(id),
			Link: "/t/" + strconv.FormatInt(id, 10), Title: tv.Thread.Title, ActorID: actor.ID})
	})
	if err != nil {
		return nil, maybeWrap("close as duplicate", err)
	}
	return s.Thread(ctx, actor, id)
}

// finalCanonical follows id's duplicate_of links to a thread that is not a
// duplicate, reading under lock so two closings at once cannot make a loop.
func (s *Service) finalCanonical(tx *gorm.DB, id int64) (int64, error) {
	for range maxChain {
		var row struct{ DuplicateOf *int64 }
		if err := tx.Raw("SELECT duplicate_of FROM threads t WHERE id = ? AND deleted_at IS NULL"+s.lockFor("t"), id).Scan(&row).Error; err != nil {
			return 0, err
		}
		if row.DuplicateOf == nil {
			return id, nil
		}
		id = *row.DuplicateOf
	}
	return 0, refuseCycle
}

// DuplicateIndexer is told when a thread is closed as a duplicate of
// canonical (nil: reopened), in the same transaction, so search can send
// readers to the canonical. The search index implements it.
type DuplicateIndexer interface {
	DuplicateChanged(tx *gorm.DB, t *Thread, canonical *int64) error
}

func (s *Service) duplicateIndex(tx *gorm.DB, t *Thread, canonical *int64) error {
	if ix, ok := s.index.(DuplicateIndexer); ok && s.index != nil {
		return ix.DuplicateChanged(tx, t, canonical)
	}
	return nil
}

// Canonical returns the thread t is a duplicate of, with its chosen
// reply (nil when none), as the duplicate's banner shows them.
func (s *Service) Canonical(ctx context.Context, u *accounts.User, t *Thread) (*ThreadView, *PostView, error) {
	if t.DuplicateOf == nil {
		return nil, nil, nil
	}
	tv, err := s.Thread(ctx, u, *t.DuplicateOf)
	if err == errs.ErrNotFound {
		return nil, nil, nil
	}
	if err != nil || tv.Thread.SolutionPostID == nil {
		return tv, nil, err
	}
	posts, err := s.postViews(ctx, "p.id = ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL", "p.id", 1, *tv.Thread.SolutionPostID)
	if err != nil || len(posts) == 0 {
		return tv, nil, err
	}
	return tv, &posts[0], nil
}

// AnswerDuplicate records the asker's answer to the closing of their
// thread as a duplicate: yes (the canonical answers it: its solution's
// author is thanked, the thread's reminders end) or no (the asker's
// question differs; internal/moderation sends the sentence to the
// moderators). It joins the transaction ctx carries.
func (s *Service) AnswerDuplicate(ctx context.Context, asker *accounts.User, id int64, yes bool) (*ThreadView, error) {
	if asker == nil {
		return nil, errs.ErrForbidden
	}
	tv, err := s.Thread(ctx, asker, id)
	if err != nil {
		return nil, err
	}
	if tv.Thread.AuthorID != asker.ID || tv.Thread.DuplicateOf == nil {
		return nil, refuseNotAsker
	}
	if suspended(asker) {
		return nil, refuseSuspended
	}
	answer := "no"
	if yes {
		answer = "yes"
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Thread{}).Where("id = ? AND duplicate_of IS NOT NULL", id).Update("duplicate_answer", answer)
		if res.Error != nil || !yes {
			return res.Error
		}
		canon, sol, err := s.Canonical(db.TxContext(tx), asker, &tv.Thread)
		if err != nil || canon == nil || sol == nil || sol.AuthorID == asker.ID {
			return err
		}
		_, err = s.thank(tx, asker, &PostContext{Post: *sol, Thread: canon.Thread, Section: canon.Section})
		return err
	})
	if err != nil {
		return nil, maybeWrap("answer duplicate", err)
	}
	tv.Thread.DuplicateAnswer = answer
	return tv, nil
}

// moderatedPost checks the reason a moderator gave (required or not) and
// that actor may moderate post postID, which it returns with the cleaned
// reason: the opening HidePost and RestorePost share.
func (s *Service) moderatedPost(ctx context.Context, actor *accounts.User, postID int64, reason string, required bool) (string, *PostContext, error) {
	reason = cleanReason(reason)
	bad := errs.Invalid{}
	checkReason(bad, reason, required)
	if err := bad.Err(); err != nil {
		return "", nil, err
	}
	if actor == nil {
		return "", nil, errs.ErrForbidden
	}
	pc, err := s.Post(ctx, actor, postID)
	if err != nil {
		return "", nil, err
	}
	if !CanModerate(actor) {
		return "", nil, refuseNotModerate
	}
	return reason, pc, nil
}

// HidePost hides a post from everyone but its author and the moderators,
// with the moderator's reason; the author is notified.
func (s *Service) HidePost(ctx context.Context, actor *accounts.User, postID int64, reason string) (*PostContext, error) {
	reason, pc, err := s.moderatedPost(ctx, actor, postID, reason, true)
	if err != nil {
		return nil, err
	}
	return pc, s.hide(ctx, actor.ID, pc, reason)
}

// AutoHidePost hides a post by the forum's own decision (enough flags);
// the caller checked the rule. A post already hidden stays as it is.
func (s *Service) AutoHidePost(ctx context.Context, postID int64, reason string) error {
	posts, err := s.postViews(ctx, "p.id = ?", "p.id", 1, postID)
	if err != nil || len(posts) == 0 || posts[0].Hidden() || posts[0].DeletedAt != nil {
		return err
	}
	var t Thread
	if err := s.db.Conn(ctx).Where("id = ?", posts[0].ThreadID).Take(&t).Error; err != nil {
		return wrap("auto-hide", err)
	}
	err = s.hide(ctx, 0, &PostContext{Post: posts[0], Thread: t}, reason)
	if err == refuseNoChange {
		return nil
	}
	return err
}

func (s *Service) hide(ctx context.Context, actorID int64, pc *PostContext, reason string) error {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		res := tx.Model(&Post{}).Where("id = ? AND hidden_at IS NULL AND deleted_at IS NULL", pc.Post.ID).
			Updates(map[string]any{"hidden_at": now, "hidden_by": nullID(actorID), "hidden_reason": reason})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return refuseNoChange
		}
		if s.index != nil {
			if err := s.index.PostRemoved(tx, &pc.Thread, &pc.Post.Post); err != nil {
				return err
			}
		}
		if err := s.record(tx, modlog.Entry{ActorID: actorID, Action: ActHide, UserID: pc.Post.AuthorID, ThreadID: pc.Thread.ID,
			PostID: pc.Post.ID, Reason: reason}); err != nil {
			return err
		}
		pc.Post.HiddenAt, pc.Post.HiddenReason = &now, reason
		return s.notify(tx, notify.Note{RecipientID: pc.Post.AuthorID, Kind: notify.KindHidden, Subject: postSubject(pc.Post.ID),
			Link: postLink(pc.Post.ID), Title: pc.Thread.Title, ActorID: actorID, PostID: pc.Post.ID})
	})
	return maybeWrap("hide post", err)
}

// RestorePost shows a hidden post to everyone again.
func (s *Service) RestorePost(ctx context.Context, actor *accounts.User, postID int64, reason string) (*PostContext, error) {
	reason, pc, err := s.moderatedPost(ctx, actor, postID, reason, false)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Post{}).Where("id = ? AND hidden_at IS NOT NULL", postID).
			Updates(map[string]any{"hidden_at": nil, "hidden_by": nil, "hidden_reason": ""})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return refuseNoChange
		}
		pc.Post.HiddenAt, pc.Post.HiddenBy, pc.Post.HiddenReason = nil, nil, ""
		if s.index != nil && pc.Post.DeletedAt == nil {
			var err error
			if pc.Post.Position == 1 {
				err = s.index.ThreadChanged(tx, &pc.Thread) // the question brings its thread back
			} else {
				err = s.index.PostSaved(tx, &pc.Thread, &pc.Post.Post)
			}
			if err != nil {
				return err
			}
		}
		if err := s.record(tx, modlog.Entry{ActorID: actor.ID, Action: ActRestore, UserID: pc.Post.AuthorID, ThreadID: pc.Thread.ID,
			PostID: postID, Reason: reason}); err != nil {
			return err
		}
		return s.notify(tx, notify.Note{RecipientID: pc.Post.AuthorID, Kind: notify.KindRestored, Subject: postSubject(postID),
			Link: postLink(postID), Title: pc.Thread.Title, ActorID: actor.ID, PostID: postID})
	})
	if err != nil {
		return nil, maybeWrap("restore post", err)
	}
	return pc, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// ThreadRef names a thread for a link.
type ThreadRef struct {
	ID          int64
	Title       string
	Slug        string
	DuplicateOf int64
}

// maxAliases bounds the duplicates listed for a page of threads.
const maxAliases = 200

// DuplicatesOf returns, in one statement, the threads closed as duplicates
// of each of ids: search shows them beside their canonical thread ("aussi
// posée comme").
func (s *Service) DuplicatesOf(ctx context.Context, ids []int64) (map[int64][]ThreadRef, error) {
	out := map[int64][]ThreadRef{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []ThreadRef
	err := s.db.Conn(ctx).Raw(`SELECT id, title, slug, duplicate_of FROM threads WHERE duplicate_of IN ? AND deleted_at IS NULL
		ORDER BY id LIMIT ?`, ids, maxAliases).Scan(&rows).Error
	for _, r := range rows {
		out[r.DuplicateOf] = append(out[r.DuplicateOf], r)
	}
	return out, wrap("duplicates of", err)
}
