package accounts

import (
	"context"
	"fmt"

	"entraide/internal/db"
	"entraide/internal/errs"

	"gorm.io/gorm"
)

// Specialties returns the list admins keep, in its order.
func (p *Profiles) Specialties(ctx context.Context) ([]Specialty, error) {
	var list []Specialty
	if err := p.db.Conn(ctx).Order("position, id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("accounts: specialties: %w", err)
	}
	return list, nil
}

func checkSpecialtyName(name string) (string, errs.Invalid) {
	name = cleanLine(name)
	switch {
	case name == "":
		return "", errs.Invalid{"name": "members.specialty.required"}
	case tooLong(name, MaxSpecialtyName):
		return "", errs.Invalid{"name": "members.specialty.too_long"}
	}
	return name, nil
}

// AddSpecialty appends an entry to the list; admins only.
func (p *Profiles) AddSpecialty(ctx context.Context, actor *User, name string) error {
	if !actor.Can(Admin) {
		return errs.ErrForbidden
	}
	name, bad := checkSpecialtyName(name)
	if bad != nil {
		return bad
	}
	now := p.now()
	err := p.db.WithTx(ctx, func(tx *gorm.DB) error {
		var last int
		if err := tx.Model(&Specialty{}).Select("COALESCE(MAX(position), 0)").Scan(&last).Error; err != nil {
			return err
		}
		return tx.Create(&Specialty{Name: name, NameKey: usernameKey(name), Position: last + 1, CreatedAt: now, UpdatedAt: now}).Error
	})
	return specialtyErr(err)
}

// RenameSpecialty changes an entry's name and place; members who chose it
// keep it. Admins only.
func (p *Profiles) RenameSpecialty(ctx context.Context, actor *User, id int64, name string, position int) error {
	if !actor.Can(Admin) {
		return errs.ErrForbidden
	}
	name, bad := checkSpecialtyName(name)
	if bad != nil {
		return bad
	}
	res := p.db.Conn(ctx).Model(&Specialty{}).Where("id = ?", id).
		Updates(map[string]any{"name": name, "name_key": usernameKey(name), "position": position, "updated_at": p.now()})
	if res.Error == nil && res.RowsAffected == 0 {
		return errs.ErrNotFound
	}
	return specialtyErr(res.Error)
}

// DeleteSpecialty removes an entry; the members who had chosen it lose it
// (the foreign key cascades). Admins only.
func (p *Profiles) DeleteSpecialty(ctx context.Context, actor *User, id int64) error {
	if !actor.Can(Admin) {
		return errs.ErrForbidden
	}
	return p.db.WithTx(ctx, func(tx *gorm.DB) error {
		// Removed by hand as well: the cascade is there for safety, but
		// SQLite applies it only with foreign keys on.
		if err := tx.Where("specialty_id = ?", id).Delete(&profileSpecialty{}).Error; err != nil {
			return fmt.Errorf("accounts: delete specialty: %w", err)
		}
		res := tx.Where("id = ?", id).Delete(&Specialty{})
		if res.Error != nil {
			return fmt.Errorf("accounts: delete specialty: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errs.ErrNotFound
		}
		return nil
	})
}

func specialtyErr(err error) error {
	switch {
	case err == nil:
		return nil
	case db.IsUniqueViolation(err):
		return errs.Invalid{"name": "members.specialty.taken"}
	}
	return fmt.Errorf("accounts: specialty: %w", err)
}
