package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/settings"
	"entraide/internal/throttle"

	"gorm.io/gorm"
)

// Service is the accounts domain.
type Service struct {
	db       *db.DB
	now      func() time.Time
	throttle *throttle.Store
	hasher   *hasher
	settings *settings.Store
}

// New returns the accounts service on d.
func New(d *db.DB) *Service {
	s := &Service{db: d, now: func() time.Time { return time.Now().UTC() }, hasher: newHasher(MaxConcurrentHashes), settings: settings.New(d)}
	s.throttle = throttle.New(d, func() time.Time { return s.now() })
	return s
}

// WithSettings makes the service read the registration limits from st, the
// store the admin pages write (and whose short cache they clear).
func (s *Service) WithSettings(st *settings.Store) *Service {
	s.settings = st
	return s
}

// Registration is what a person types to open an account.
type Registration struct {
	Username string
	Email    string
	Password string
	Confirm  string
	Locale   string
	// IP is the address registering, for the registration limits; empty
	// (the operator's commands, tests' fixtures) is not limited.
	IP string
}

// Register validates r and creates a newcomer account. Field problems come
// back as errs.Invalid; nothing is written then.
func (s *Service) Register(ctx context.Context, r Registration) (*User, error) {
	r.Username = strings.TrimSpace(r.Username)
	r.Email = strings.TrimSpace(r.Email)
	bad := errs.Invalid{}
	if k := checkUsername(r.Username); k != "" {
		bad.Add("username", k)
	}
	if k := checkEmail(r.Email); k != "" {
		bad.Add("email", k)
	}
	if k := checkPassword(r.Password, r.Username, r.Email); k != "" {
		bad.Add("password", k)
	} else if r.Password != r.Confirm {
		bad.Add("confirm", "accounts.password.mismatch")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	// Cheap checks first: a taken name or address is refused before any
	// limit is counted or any password hashed (19 MiB each).
	if err := s.checkTaken(ctx, r.Username, r.Email); err != nil {
		return nil, err
	}
	if r.IP != "" {
		if err := s.registrationAllowed(ctx, r.IP); err != nil {
			return nil, err
		}
	}
	return s.create(ctx, r.Username, r.Email, r.Password, Newcomer, r.Locale)
}

// CreateAdmin creates an admin account, for the operator's command line.
func (s *Service) CreateAdmin(ctx context.Context, username, email, password string) (*User, error) {
	bad := errs.Invalid{}
	if k := checkUsername(username); k != "" && k != "accounts.username.reserved" {
		bad.Add("username", k)
	}
	if k := checkEmail(email); k != "" {
		bad.Add("email", k)
	}
	if k := checkPassword(password, username, email); k != "" {
		bad.Add("password", k)
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	return s.create(ctx, username, email, password, Admin, "")
}

func (s *Service) create(ctx context.Context, username, email, password string, role Role, locale string) (*User, error) {
	hash, err := s.hasher.hash(ctx, password)
	if err != nil {
		if errors.Is(err, ErrBusy) {
			return nil, err
		}
		return nil, fmt.Errorf("accounts: hash: %w", err)
	}
	now := s.now()
	u := &User{Username: username, UsernameKey: usernameKey(username), UsernameSkeleton: usernameSkeleton(username),
		Email: email, EmailKey: emailKey(email),
		PasswordHash: hash, Role: role, Locale: locale, SessionVersion: 1, CreatedAt: now, UpdatedAt: now}
	err = s.db.WithTx(ctx, func(tx *gorm.DB) error {
		if taken, err := s.taken(tx, u); err != nil || taken.Err() != nil {
			if err != nil {
				return err
			}
			return taken
		}
		return tx.Create(u).Error
	})
	if db.IsUniqueViolation(err) {
		// Two registrations raced for the same name; the loser gets the message
		// it would have had a moment later.
		return nil, errs.Invalid{"username": "accounts.username.taken"}
	}
	if err != nil {
		if _, ok := errs.AsInvalid(err); ok {
			return nil, err
		}
		return nil, fmt.Errorf("accounts: create: %w", err)
	}
	return u, nil
}

func (s *Service) taken(tx *gorm.DB, u *User) (errs.Invalid, error) {
	bad := errs.Invalid{}
	var n int64
	if err := tx.Model(&User{}).Where("username_key = ?", u.UsernameKey).Count(&n).Error; err != nil {
		return nil, err
	}
	if n > 0 {
		bad.Add("username", "accounts.username.taken")
	} else if u.UsernameSkeleton != "" {
		if err := tx.Model(&User{}).Where("username_skeleton = ?", u.UsernameSkeleton).Count(&n).Error; err != nil {
			return nil, err
		}
		if n > 0 {
			bad.Add("username", "accounts.username.looks_like")
		}
	}
	if err := tx.Model(&User{}).Where("email_key = ?", u.EmailKey).Count(&n).Error; err != nil {
		return nil, err
	}
	if n > 0 {
		bad.Add("email", "accounts.email.taken")
	}
	return bad, nil
}

// ByID returns the user with id, or errs.ErrNotFound.
func (s *Service) ByID(ctx context.Context, id int64) (*User, error) {
	return s.first(ctx, "id = ?", id)
}

// ByUsername returns the user whose username matches, ignoring case and
// accents, or errs.ErrNotFound.
func (s *Service) ByUsername(ctx context.Context, username string) (*User, error) {
	return s.first(ctx, "username_key = ?", usernameKey(username))
}

// first is scanned by hand (see user.go): it loads the session's member on
// every page a member reads.
func (s *Service) first(ctx context.Context, where string, args ...any) (*User, error) {
	rows, err := s.db.WithContext(ctx).Raw("SELECT "+userRow.Columns+" FROM users WHERE "+where+" LIMIT 1", args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("accounts: find user: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("accounts: find user: %w", err)
		}
		return nil, errs.ErrNotFound
	}
	var u User
	if err := rows.Scan(u.fields()...); err != nil {
		return nil, fmt.Errorf("accounts: find user: %w", err)
	}
	return &u, nil
}

// ChangePassword replaces the password after checking the current one, and
// bumps the session version so that every other copy of the cookie dies.
func (s *Service) ChangePassword(ctx context.Context, u *User, current, next, confirm string) (*User, error) {
	ok, err := s.checkCurrentPassword(ctx, u, current)
	if errors.Is(err, ErrThrottled) {
		return nil, errs.Invalid{"current": "accounts.password.too_many_tries"}
	}
	if err != nil {
		return nil, err
	}
	bad := errs.Invalid{}
	if !ok {
		bad.Add("current", "accounts.password.wrong_current")
	} else if k := checkPassword(next, u.Username, u.Email); k != "" {
		bad.Add("password", k)
	} else if next != confirm {
		bad.Add("confirm", "accounts.password.mismatch")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	hash, err := s.hasher.hash(ctx, next)
	if err != nil {
		return nil, err
	}
	return s.update(ctx, u.ID, map[string]any{"password_hash": hash, "session_version": gorm.Expr("session_version + 1")})
}

// SetRole changes u's role (an admin's decision) and ends u's sessions, so
// the new rights — or the lost ones — apply at once.
func (s *Service) SetRole(ctx context.Context, actor *User, id int64, role Role) (*User, error) {
	if !actor.Can(Admin) {
		return nil, errs.ErrForbidden
	}
	if !role.Valid() {
		return nil, errs.Invalid{"role": "accounts.role.invalid"}
	}
	if actor.ID == id && role != Admin {
		return nil, errs.Invalid{"role": "accounts.role.not_yourself"}
	}
	current, err := s.ByID(ctx, id)
	if err != nil || current.Role == role {
		return current, err // unchanged: the member's sessions live on
	}
	return s.update(ctx, id, map[string]any{"role": role, "session_version": gorm.Expr("session_version + 1")})
}

// EndSessions invalidates every session of the user (log out everywhere).
func (s *Service) EndSessions(ctx context.Context, id int64) error {
	_, err := s.update(ctx, id, map[string]any{"session_version": gorm.Expr("session_version + 1")})
	return err
}

// SetLocale remembers the member's interface language.
func (s *Service) SetLocale(ctx context.Context, id int64, locale string) error {
	_, err := s.update(ctx, id, map[string]any{"locale": locale})
	return err
}

func (s *Service) update(ctx context.Context, id int64, fields map[string]any) (*User, error) {
	fields["updated_at"] = s.now()
	res := s.db.WithContext(ctx).Model(&User{}).Where("id = ?", id).Updates(fields)
	if res.Error != nil {
		return nil, fmt.Errorf("accounts: update user: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, errs.ErrNotFound
	}
	return s.ByID(ctx, id)
}

// List returns accounts for the admin page, newest first, filtered by a
// username prefix when query is set.
func (s *Service) List(ctx context.Context, query string, limit int) ([]User, error) {
	q := s.db.WithContext(ctx).Order("id DESC").Limit(limit)
	if query = strings.TrimSpace(query); query != "" {
		q = q.Where("username_key LIKE ? ESCAPE '\\'", escapeLike(usernameKey(query))+"%")
	}
	var users []User
	if err := q.Find(&users).Error; err != nil {
		return nil, fmt.Errorf("accounts: list: %w", err)
	}
	return users, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// AddPostCounts moves a member's thread and reply counts by the deltas. The
// forum calls it inside its write, which the context carries, so the counts
// move with the posts or not at all.
func (s *Service) AddPostCounts(ctx context.Context, userID int64, threads, replies int) error {
	err := s.db.Conn(ctx).Exec("UPDATE users SET thread_count = thread_count + ?, reply_count = reply_count + ? WHERE id = ?",
		threads, replies, userID).Error
	if err != nil {
		return fmt.Errorf("accounts: post counts: %w", err)
	}
	return nil
}

// AddUnreadNotifications moves a member's unread notifications counter by
// delta, inside the notification's write the context carries: the header's
// bell reads it with the member, at no statement of its own.
func (s *Service) AddUnreadNotifications(ctx context.Context, userID int64, delta int) error {
	err := s.db.Conn(ctx).Exec("UPDATE users SET unread_notifications = unread_notifications + ? WHERE id = ?", delta, userID).Error
	if err != nil {
		return fmt.Errorf("accounts: unread notifications: %w", err)
	}
	return nil
}

// AddHeldPosts moves a member's count of posts held or rejected by delta,
// inside the approval's write the context carries.
func (s *Service) AddHeldPosts(ctx context.Context, userID int64, delta int) error {
	err := s.db.Conn(ctx).Exec("UPDATE users SET held_posts = held_posts + ? WHERE id = ?", delta, userID).Error
	if err != nil {
		return fmt.Errorf("accounts: held posts: %w", err)
	}
	return nil
}

// AddThankCounts moves a member's thank-yous received and given and
// solutions by the deltas, inside the forum's write the context carries.
func (s *Service) AddThankCounts(ctx context.Context, userID int64, received, given, solutions int) error {
	err := s.db.Conn(ctx).Exec(`UPDATE users SET thanks_received = thanks_received + ?, thanks_given = thanks_given + ?,
		solution_count = solution_count + ? WHERE id = ?`, received, given, solutions, userID).Error
	if err != nil {
		return fmt.Errorf("accounts: thank counts: %w", err)
	}
	return nil
}

// CannedRepliesChanged moves the member's CannedRev, inside the write to
// her canned replies the context carries.
func (s *Service) CannedRepliesChanged(ctx context.Context, userID int64) error {
	if err := s.db.Conn(ctx).Exec("UPDATE users SET canned_rev = canned_rev + 1 WHERE id = ?", userID).Error; err != nil {
		return fmt.Errorf("accounts: canned replies changed: %w", err)
	}
	return nil
}

// Suspend sets or lifts (until nil) a member's suspension, inside the
// transaction ctx carries. The member's row is read on every request, so
// their rights change at once without ending their sessions.
func (s *Service) Suspend(ctx context.Context, id int64, until *time.Time, reason string) error {
	res := s.db.Conn(ctx).Exec("UPDATE users SET suspended_until = ?, suspension_reason = ?, updated_at = ? WHERE id = ?", until, reason, s.now(), id)
	if res.Error != nil {
		return fmt.Errorf("accounts: suspend: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return errs.ErrNotFound
	}
	return nil
}

// Promote makes a newcomer a member, inside the transaction ctx carries,
// and reports whether the member was a newcomer.
func (s *Service) Promote(ctx context.Context, id int64) (bool, error) {
	res := s.db.Conn(ctx).Exec("UPDATE users SET role = ?, updated_at = ? WHERE id = ? AND role = ?", Member, s.now(), id, Newcomer)
	if res.Error != nil {
		return false, fmt.Errorf("accounts: promote: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}
