// Package replies owns canned replies (réponses types): the standard answers
// a member writes once and inserts into the reply box, her own or the
// team's shared set that moderators keep, with their placeholders and use
// counts.
package replies

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/errs"

	"gorm.io/gorm"
)

// Limits on canned replies.
const (
	MinTitleLength = 3
	MaxTitleLength = 100
	MaxBodyLength  = 10000
	MaxPersonal    = 50  // a member's own
	MaxTeam        = 100 // the team's shared set
)

// Reply is a canned reply. OwnerID is nil for the team's.
type Reply struct {
	ID        int64
	OwnerID   *int64
	Title     string
	Body      string // Markdown, as the reply box receives it
	Position  int
	UseCount  int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName keeps gorm on our migration's table name.
func (Reply) TableName() string { return "canned_replies" }

// Team reports whether the reply belongs to the team's shared set.
func (r *Reply) Team() bool { return r.OwnerID == nil }

// Service is the canned replies domain.
type Service struct {
	db       *db.DB
	accounts *accounts.Service // moves a member's CannedRev with her replies
	titles   *titleCache
	now      func() time.Time
}

// New returns the service.
func New(d *db.DB, acc *accounts.Service) *Service {
	return &Service{db: d, accounts: acc, titles: newTitleCache(),
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// write runs fn, a change to owner's list, in a transaction that also
// moves her CannedRev; a change to the team's list (nil owner) is
// forgotten here once written, and elsewhere within a second.
func (s *Service) write(ctx context.Context, owner *int64, fn func(tx *gorm.DB) error) error {
	err := s.db.WithTx(ctx, func(tx *gorm.DB) error {
		if err := fn(tx); err != nil || owner == nil {
			return err
		}
		return s.accounts.CannedRepliesChanged(db.TxContext(tx), *owner)
	})
	if err == nil && owner == nil {
		s.titles.team.Forget()
	}
	return err
}

// CanKeep reports whether u may keep and use canned replies: members and
// above, as the roles say.
func CanKeep(u *accounts.User) bool { return u.Can(accounts.Member) }

// CanEdit reports whether u may change r: her own, or the team's for
// moderators.
func CanEdit(u *accounts.User, r *Reply) bool {
	if !CanKeep(u) {
		return false
	}
	if r.Team() {
		return u.ModeratesAt(time.Now())
	}
	return *r.OwnerID == u.ID
}

// CanUse reports whether u may read and insert r: her own, or the team's.
func CanUse(u *accounts.User, r *Reply) bool {
	return CanKeep(u) && (r.Team() || *r.OwnerID == u.ID)
}

// Usable returns the replies u may insert — her own first, then the
// team's, each in its order — in one statement.
func (s *Service) Usable(ctx context.Context, u *accounts.User) ([]Reply, error) {
	return s.usable(ctx, u, true)
}

// Titles is Usable with the ids, owners and titles only: the reply box
// lists titles and fills a reply when it is chosen, so the thread page
// reads the bodies only when it must score them for a suggestion, and
// never the dates (each a string the SQLite driver parses). The lists are
// kept per instance (titles.go): most pages read no statement for them.
// What it returns is shared: read it, never change it.
func (s *Service) Titles(ctx context.Context, u *accounts.User) ([]Reply, error) {
	if !CanKeep(u) {
		return nil, nil
	}
	return s.titles.get(u, func() ([]Reply, error) { return s.usable(ctx, u, false) },
		func() ([]Reply, error) { return s.team(ctx) })
}

// team reads the team's titles.
func (s *Service) team(ctx context.Context) ([]Reply, error) {
	var list []Reply
	err := s.db.Conn(ctx).Model(&Reply{}).Select("id, owner_id, title").Where("owner_id IS NULL").Order("position, id").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("replies: team titles: %w", err)
	}
	return list, nil
}

const usableWhere = ` FROM canned_replies
		WHERE owner_id = ? OR owner_id IS NULL ORDER BY CASE WHEN owner_id IS NULL THEN 1 ELSE 0 END, position, id`

func (s *Service) usable(ctx context.Context, u *accounts.User, whole bool) ([]Reply, error) {
	if !CanKeep(u) {
		return nil, nil
	}
	// Scanned by hand: the thread page reads this list for every member,
	// and gorm's reflection per row cost more than the query.
	q := "SELECT id, owner_id, title" + usableWhere
	if whole {
		q = "SELECT id, owner_id, title, body, position, use_count, created_at, updated_at" + usableWhere
	}
	rows, err := s.db.Conn(ctx).Raw(q, u.ID).Rows()
	if err != nil {
		return nil, fmt.Errorf("replies: usable: %w", err)
	}
	defer rows.Close()
	var list []Reply
	for rows.Next() {
		var r Reply
		var owner sql.NullInt64
		dest := []any{&r.ID, &owner, &r.Title}
		if whole {
			dest = append(dest, &r.Body, db.Int(&r.Position), db.Int(&r.UseCount), db.Time(&r.CreatedAt), db.Time(&r.UpdatedAt))
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("replies: usable: %w", err)
		}
		if owner.Valid {
			r.OwnerID = &owner.Int64
		}
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("replies: usable: %w", err)
	}
	return list, nil
}

// Get returns the reply with id if u may use it; another member's personal
// reply is not found, as if it did not exist.
func (s *Service) Get(ctx context.Context, u *accounts.User, id int64) (*Reply, error) {
	var list []Reply
	if err := s.db.Conn(ctx).Where("id = ?", id).Limit(1).Find(&list).Error; err != nil {
		return nil, fmt.Errorf("replies: get: %w", err)
	}
	if len(list) == 0 || !CanUse(u, &list[0]) {
		return nil, errs.ErrNotFound
	}
	return &list[0], nil
}

// Editable returns the reply with id if u may change it: not found when she
// may not even use it, forbidden when she may use but not change it (a
// member and the team's set).
func (s *Service) Editable(ctx context.Context, u *accounts.User, id int64) (*Reply, error) {
	r, err := s.Get(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !CanEdit(u, r) {
		return nil, errs.ErrForbidden
	}
	return r, nil
}

// Input is what the canned reply form sends.
type Input struct {
	Title string
	Body  string
}

func (in *Input) check() error {
	in.Title = strings.Join(strings.Fields(strings.ReplaceAll(strings.ToValidUTF8(in.Title, ""), "\x00", "")), " ")
	in.Body = cleanText(in.Body)
	bad := errs.Invalid{}
	switch n := utf8.RuneCountInString(in.Title); {
	case n == 0:
		bad.Add("title", "replies.title.required")
	case n < MinTitleLength:
		bad.Add("title", "replies.title.too_short")
	case n > MaxTitleLength:
		bad.Add("title", "replies.title.too_long")
	}
	switch {
	case strings.TrimSpace(in.Body) == "":
		bad.Add("body", "replies.body.required")
	case utf8.RuneCountInString(in.Body) > MaxBodyLength:
		bad.Add("body", "replies.body.too_long")
	}
	return bad.Err()
}

// cleanText normalises a body as posts are: valid UTF-8 without NUL (which
// PostgreSQL refuses), Unix newlines, no trailing blanks.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimRight(s, " \t\n")
}

// Create adds a canned reply at the end of u's list, or of the team's when
// team is set (moderators only).
func (s *Service) Create(ctx context.Context, u *accounts.User, team bool, in Input) (*Reply, error) {
	if !CanKeep(u) || (team && !u.ModeratesAt(time.Now())) {
		return nil, errs.ErrForbidden
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	now := s.now()
	r := &Reply{Title: in.Title, Body: in.Body, CreatedAt: now, UpdatedAt: now}
	if !team {
		r.OwnerID = &u.ID
	}
	err := s.write(ctx, r.OwnerID, func(tx *gorm.DB) error {
		var n int64
		var last int
		q := ownedBy(tx.Model(&Reply{}), r.OwnerID)
		if err := q.Count(&n).Error; err != nil {
			return err
		}
		if (team && n >= MaxTeam) || (!team && n >= MaxPersonal) {
			return &errs.Refusal{Rule: "canned_replies_limit", Key: "replies.limit"}
		}
		if err := ownedBy(tx.Model(&Reply{}), r.OwnerID).Select("COALESCE(MAX(position), 0)").Scan(&last).Error; err != nil {
			return err
		}
		r.Position = last + 1
		return tx.Create(r).Error
	})
	if err != nil {
		if _, ok := errs.AsRefusal(err); ok {
			return nil, err
		}
		return nil, fmt.Errorf("replies: create: %w", err)
	}
	return r, nil
}

func ownedBy(q *gorm.DB, owner *int64) *gorm.DB {
	if owner == nil {
		return q.Where("owner_id IS NULL")
	}
	return q.Where("owner_id = ?", *owner)
}

// Update changes a reply's title and body.
func (s *Service) Update(ctx context.Context, u *accounts.User, id int64, in Input) (*Reply, error) {
	r, err := s.Editable(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	err = s.write(ctx, r.OwnerID, func(tx *gorm.DB) error {
		return tx.Model(&Reply{}).Where("id = ?", r.ID).Updates(map[string]any{"title": in.Title, "body": in.Body, "updated_at": s.now()}).Error
	})
	if err != nil {
		return nil, fmt.Errorf("replies: update: %w", err)
	}
	r.Title, r.Body = in.Title, in.Body
	return r, nil
}

// Delete removes a reply.
func (s *Service) Delete(ctx context.Context, u *accounts.User, id int64) error {
	r, err := s.Editable(ctx, u, id)
	if err != nil {
		return err
	}
	err = s.write(ctx, r.OwnerID, func(tx *gorm.DB) error { return tx.Delete(&Reply{}, r.ID).Error })
	if err != nil {
		return fmt.Errorf("replies: delete: %w", err)
	}
	return nil
}

// Move swaps a reply with its neighbour in its list: up (by = -1) or down
// (by = 1). At either end nothing moves.
func (s *Service) Move(ctx context.Context, u *accounts.User, id int64, by int) error {
	r, err := s.Editable(ctx, u, id)
	if err != nil {
		return err
	}
	if by != -1 && by != 1 {
		return errs.Invalid{"": "replies.move.invalid"}
	}
	return s.write(ctx, r.OwnerID, func(tx *gorm.DB) error {
		var list []Reply
		if err := ownedBy(tx, r.OwnerID).Order("position, id").Find(&list).Error; err != nil {
			return fmt.Errorf("replies: move: %w", err)
		}
		for i := range list {
			j := i + by
			if list[i].ID != r.ID || j < 0 || j >= len(list) {
				continue
			}
			list[i], list[j] = list[j], list[i]
			// Positions are rewritten 1…n: older lists may hold gaps or ties.
			for k := range list {
				if list[k].Position != k+1 {
					if err := tx.Model(&Reply{}).Where("id = ?", list[k].ID).Update("position", k+1).Error; err != nil {
						return fmt.Errorf("replies: move: %w", err)
					}
				}
			}
			return nil
		}
		return nil
	})
}

// CountUses adds one use to each reply of ids that u may use — a reply she
// inserted and posted. Others' personal replies are ignored: a forged form
// cannot count uses of a reply its sender cannot see. It joins the
// transaction ctx carries, so the count and the post are written together.
func (s *Service) CountUses(ctx context.Context, u *accounts.User, ids []int64) error {
	if !CanKeep(u) || len(ids) == 0 {
		return nil
	}
	if len(ids) > 20 {
		ids = ids[:20]
	}
	return s.db.WithTx(ctx, func(tx *gorm.DB) error {
		err := tx.Exec("UPDATE canned_replies SET use_count = use_count + 1 WHERE id IN ? AND (owner_id = ? OR owner_id IS NULL)", ids, u.ID).Error
		if err != nil {
			return fmt.Errorf("replies: count uses: %w", err)
		}
		return nil
	})
}
