package forum

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"entraide/internal/accounts"
	"entraide/internal/cleantext"
	"entraide/internal/db"
	"entraide/internal/errs"

	"gorm.io/gorm"
)

// Sections returns the sections u may read, archived ones last, in the
// admins' order.
// Every page's header lists them: they are read at most once a second
// (sectioncache.go), with a hand-scanned query.
func (s *Service) Sections(ctx context.Context, u *accounts.User) ([]Section, error) {
	all, err := s.allSections(ctx)
	if err != nil {
		return nil, err
	}
	visible := make([]Section, 0, len(all))
	for i := range all {
		if CanRead(u, &all[i]) {
			visible = append(visible, all[i])
		}
	}
	return visible, nil
}

func (s *Service) allSections(ctx context.Context) ([]Section, error) {
	now := time.Now()
	all, gen, ok := s.sections.get(now)
	if ok {
		return all, nil
	}
	err := s.query(ctx, "SELECT "+sectionRow.Columns+" FROM sections ORDER BY archived, position, id", nil, func(rows *sql.Rows) error {
		var sec Section
		if err := rows.Scan(sec.fields()...); err != nil {
			return err
		}
		all = append(all, sec)
		return nil
	})
	if err != nil {
		return nil, wrap("sections", err)
	}
	s.sections.put(all, gen, now)
	return all, nil
}

// ReadableSectionIDs returns the ids of the sections u may read, archived
// ones included; lists across sections filter on it.
func (s *Service) ReadableSectionIDs(ctx context.Context, u *accounts.User) ([]int64, error) {
	sections, err := s.Sections(ctx, u)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(sections))
	for i, sec := range sections {
		ids[i] = sec.ID
	}
	return ids, nil
}

// SectionBySlug returns the section if u may read it, else errs.ErrNotFound.
func (s *Service) SectionBySlug(ctx context.Context, u *accounts.User, slug string) (*Section, error) {
	if !slugPattern.MatchString(slug) {
		return nil, errs.ErrNotFound // and no odd bytes reach the database
	}
	var sec Section
	err := s.db.WithContext(ctx).Where("slug = ?", slug).Take(&sec).Error
	if notFound(err) || (err == nil && !CanRead(u, &sec)) {
		return nil, errs.ErrNotFound
	}
	return &sec, wrap("section", err)
}

func (s *Service) sectionByID(tx *gorm.DB, id int64) (*Section, error) {
	var sec Section
	err := tx.Where("id = ?", id).Take(&sec).Error
	if notFound(err) {
		return nil, errs.ErrNotFound
	}
	return &sec, wrap("section", err)
}

// NewcomersSection returns the section where newcomers' questions go.
func (s *Service) NewcomersSection(ctx context.Context) (*Section, error) {
	var sec Section
	err := s.db.WithContext(ctx).Where("is_newcomers").Take(&sec).Error
	if notFound(err) {
		return nil, errs.ErrNotFound
	}
	return &sec, wrap("newcomers section", err)
}

// SectionForm is what an admin edits of a section.
type SectionForm struct {
	Slug        string
	Name        string
	Description string
	Position    int
	Archived    bool
	ReadRole    accounts.Role
}

// MaxSectionPosition bounds a section's position, well inside the column's
// range on both databases (a 32-bit integer on PostgreSQL).
const MaxSectionPosition = 1000000

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (f *SectionForm) check() error {
	f.Slug, f.Name, f.Description = strings.TrimSpace(cleantext.Line(f.Slug)), cleantext.Line(f.Name), strings.TrimSpace(cleantext.Text(f.Description))
	bad := errs.Invalid{}
	if f.Position < 0 || f.Position > MaxSectionPosition {
		bad.Add("position", "forum.section.position_range")
	}
	if !slugPattern.MatchString(f.Slug) || len(f.Slug) > 60 {
		bad.Add("slug", "forum.section.slug_invalid")
	}
	if n := utf8.RuneCountInString(f.Name); n < 2 || n > 100 || !cleantext.Visible(f.Name) {
		bad.Add("name", "forum.section.name_length")
	}
	if utf8.RuneCountInString(f.Description) > 500 {
		bad.Add("description", "forum.section.description_length")
	}
	if f.ReadRole == "" {
		f.ReadRole = accounts.Visitor
	}
	if f.ReadRole != accounts.Visitor && !f.ReadRole.Valid() {
		bad.Add("read_role", "forum.section.read_role_invalid")
	}
	return bad.Err()
}

// CreateSection adds a section (admins only).
func (s *Service) CreateSection(ctx context.Context, actor *accounts.User, f SectionForm) (*Section, error) {
	if !actor.Can(accounts.Admin) {
		return nil, errs.ErrForbidden
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	now := s.now()
	sec := &Section{Slug: f.Slug, Name: f.Name, Description: f.Description, Position: f.Position,
		Archived: f.Archived, ReadRole: f.ReadRole, CreatedAt: now, UpdatedAt: now}
	err := s.db.WithContext(ctx).Create(sec).Error
	s.sections.invalidate()
	if db.IsUniqueViolation(err) {
		return nil, errs.Invalid{"slug": "forum.section.slug_taken"}
	}
	return sec, wrap("create section", err)
}

// UpdateSection renames, reorders, archives or restricts a section (admins
// only). The newcomers' section cannot be archived: questions must land
// somewhere.
func (s *Service) UpdateSection(ctx context.Context, actor *accounts.User, id int64, f SectionForm) (*Section, error) {
	if !actor.Can(accounts.Admin) {
		return nil, errs.ErrForbidden
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	var sec *Section
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if sec, err = s.sectionByID(tx, id); err != nil {
			return err
		}
		if sec.IsNewcomers && (f.Archived || f.ReadRole != accounts.Visitor) {
			return errs.Invalid{"archived": "forum.section.newcomers_must_stay_open"}
		}
		sec.Slug, sec.Name, sec.Description, sec.Position = f.Slug, f.Name, f.Description, f.Position
		sec.Archived, sec.ReadRole, sec.UpdatedAt = f.Archived, f.ReadRole, s.now()
		return tx.Select("slug", "name", "description", "position", "archived", "read_role", "updated_at").Save(sec).Error
	})
	if db.IsUniqueViolation(err) {
		return nil, errs.Invalid{"slug": "forum.section.slug_taken"}
	}
	if err != nil {
		return nil, err
	}
	return sec, nil
}

// SetNewcomersSection makes the section with id the one newcomers' questions
// go to, in place of the current one (admins only).
func (s *Service) SetNewcomersSection(ctx context.Context, actor *accounts.User, id int64) error {
	if !actor.Can(accounts.Admin) {
		return errs.ErrForbidden
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		sec, err := s.sectionByID(tx, id)
		if err != nil {
			return err
		}
		if sec.Archived || sec.ReadRole != accounts.Visitor {
			return errs.Invalid{"": "forum.section.newcomers_must_stay_open"}
		}
		if err := tx.Model(&Section{}).Where("is_newcomers").Update("is_newcomers", false).Error; err != nil {
			return err
		}
		return tx.Model(&Section{}).Where("id = ?", id).Update("is_newcomers", true).Error
	})
}
