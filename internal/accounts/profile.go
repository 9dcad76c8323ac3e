package accounts

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"entraide/internal/db"
	"entraide/internal/errs"
	"entraide/internal/markup"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ContactMode is how a member accepts to be contacted.
type ContactMode string

// The contact modes. The forum never holds a phone number: a member who
// accepts phone appointments gives hers to whom she chooses.
const (
	ContactForum   ContactMode = "forum"   // only through the forum, the default
	ContactMessage ContactMode = "message" // private messages, once they exist
	ContactPhone   ContactMode = "phone"   // a phone appointment on request, in her windows
)

// Profile is what a member tells about herself beyond her name and bio
// (both on the users row).
type Profile struct {
	UserID           int64       `gorm:"primaryKey"`
	BioHTML          markup.HTML `gorm:"column:bio_html"` // the bio rendered and sanitised as posts are
	SpecialtiesOther string
	Region           string
	Website          string
	ContactMode      ContactMode
	ContactNote      string
	TimeZone         string
	UpdatedAt        time.Time
	Specialties      []Specialty `gorm:"-"`
	Windows          []Window    `gorm:"-"`
}

// Window is a weekly time a member accepts phone appointments: Weekday 1
// (Monday) to 7 (Sunday), Start and End in minutes since midnight in the
// member's time zone.
type Window struct {
	ID          int64 `gorm:"primaryKey"`
	UserID      int64
	Weekday     int
	StartMinute int
	EndMinute   int
}

// TableName keeps gorm on our migration's table name.
func (Window) TableName() string { return "availability_windows" }

// Specialty is an entry of the list admins keep.
type Specialty struct {
	ID        int64
	Name      string
	NameKey   string
	Position  int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Renderer turns a bio's Markdown into sanitised HTML (internal/markup).
type Renderer interface {
	Render(markdown string) (markup.HTML, error)
}

// Profiles owns profiles, contact preferences and the specialties list.
type Profiles struct {
	db     *db.DB
	render Renderer
	now    func() time.Time
	// MessagesEnabled offers "par message privé" once private messages exist.
	MessagesEnabled bool
}

// NewProfiles returns the profiles service.
func NewProfiles(d *db.DB, render Renderer) *Profiles {
	return &Profiles{db: d, render: render, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// ContactModes lists the modes a member may choose today.
func (p *Profiles) ContactModes() []ContactMode {
	if p.MessagesEnabled {
		return []ContactMode{ContactForum, ContactMessage, ContactPhone}
	}
	return []ContactMode{ContactForum, ContactPhone}
}

// Of returns the profile of the member with id, with its specialties and
// windows; a member who never saved one gets the defaults.
func (p *Profiles) Of(ctx context.Context, userID int64) (*Profile, error) {
	conn := p.db.Conn(ctx)
	var found []Profile
	if err := conn.Where("user_id = ?", userID).Limit(1).Find(&found).Error; err != nil {
		return nil, fmt.Errorf("accounts: profile: %w", err)
	}
	pr := &Profile{UserID: userID, ContactMode: ContactForum, TimeZone: DefaultTimeZone}
	if len(found) == 1 {
		pr = &found[0]
	}
	err := conn.Raw(`SELECT s.id, s.name, s.name_key, s.position, s.created_at, s.updated_at FROM specialties s
		JOIN profile_specialties ps ON ps.specialty_id = s.id WHERE ps.user_id = ? ORDER BY s.position, s.id`, userID).Scan(&pr.Specialties).Error
	if err != nil {
		return nil, fmt.Errorf("accounts: profile specialties: %w", err)
	}
	if pr.ContactMode == ContactPhone {
		if err := conn.Where("user_id = ?", userID).Order("weekday, start_minute").Find(&pr.Windows).Error; err != nil {
			return nil, fmt.Errorf("accounts: profile windows: %w", err)
		}
	}
	return pr, nil
}

// WindowInput is one availability row as typed: a day and two times
// ("09:00"); a row left blank is ignored.
type WindowInput struct {
	Day, From, To string
}

// ProfileInput is what the profile form sends.
type ProfileInput struct {
	DisplayName      string
	Bio              string
	SpecialtyIDs     []int64
	SpecialtiesOther string
	Region           string
	Website          string
	ContactMode      ContactMode
	ContactNote      string
	TimeZone         string
	Windows          []WindowInput
}

// Save validates in and replaces u's profile, display name and bio. Field
// problems come back as errs.Invalid (window rows as "window-N"); nothing is
// written then.
func (p *Profiles) Save(ctx context.Context, u *User, in ProfileInput) (*User, error) {
	if u == nil {
		return nil, errs.ErrForbidden
	}
	in.DisplayName, in.Bio = cleanLine(in.DisplayName), cleanMultiline(in.Bio)
	in.SpecialtiesOther, in.ContactNote = cleanLine(in.SpecialtiesOther), cleanLine(in.ContactNote)
	in.Region, in.TimeZone = strings.TrimSpace(in.Region), strings.TrimSpace(in.TimeZone)
	if in.TimeZone == "" {
		in.TimeZone = DefaultTimeZone
	}
	if in.ContactMode == "" {
		in.ContactMode = ContactForum
	}
	bad := errs.Invalid{}
	website, key := cleanWebsite(in.Website)
	if key != "" {
		bad.Add("website", key)
	}
	p.checkText(bad, in)
	if !validRegion(in.Region) {
		bad.Add("region", "members.region.unknown")
	}
	if !validTimeZone(in.TimeZone) {
		bad.Add("time_zone", "members.time_zone.unknown")
	}
	if !slices.Contains(p.ContactModes(), in.ContactMode) {
		bad.Add("contact_mode", "members.contact.unknown")
	}
	windows := parseWindows(bad, in.Windows)
	if in.ContactMode == ContactPhone && len(windows) == 0 && bad["windows"] == "" {
		bad.Add("windows", "members.windows.required")
	}
	ids := uniqueIDs(in.SpecialtyIDs)
	if len(ids) > MaxSpecialties {
		bad.Add("specialties", "members.specialties.too_many")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	var bioHTML markup.HTML
	if in.Bio != "" {
		var err error
		if bioHTML, err = p.render.Render(in.Bio); err != nil {
			return nil, fmt.Errorf("accounts: render bio: %w", err)
		}
	}
	if in.ContactMode != ContactPhone {
		windows = nil // kept only while they mean something
	}
	pr := &Profile{UserID: u.ID, BioHTML: bioHTML, SpecialtiesOther: in.SpecialtiesOther, Region: in.Region, Website: website,
		ContactMode: in.ContactMode, ContactNote: in.ContactNote, TimeZone: in.TimeZone, UpdatedAt: p.now()}
	err := p.db.WithTx(ctx, func(tx *gorm.DB) error {
		var known int64
		if len(ids) > 0 {
			if err := tx.Model(&Specialty{}).Where("id IN ?", ids).Count(&known).Error; err != nil {
				return err
			}
			if int(known) != len(ids) {
				return errs.Invalid{"specialties": "members.specialties.unknown"}
			}
		}
		res := tx.Model(&User{}).Where("id = ?", u.ID).Updates(map[string]any{"display_name": in.DisplayName, "bio": in.Bio, "updated_at": pr.UpdatedAt})
		if res.Error != nil {
			return res.Error
		}
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, UpdateAll: true}).Create(pr).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&profileSpecialty{}).Error; err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.Create(&profileSpecialty{UserID: u.ID, SpecialtyID: id}).Error; err != nil {
				return err
			}
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&Window{}).Error; err != nil {
			return err
		}
		for i := range windows {
			windows[i].UserID = u.ID
		}
		if len(windows) > 0 {
			return tx.Create(&windows).Error
		}
		return nil
	})
	if err != nil {
		if _, ok := errs.AsInvalid(err); ok {
			return nil, err
		}
		return nil, fmt.Errorf("accounts: save profile: %w", err)
	}
	return p.byID(ctx, u.ID)
}

func (p *Profiles) byID(ctx context.Context, id int64) (*User, error) {
	return (&Service{db: p.db, now: p.now}).ByID(ctx, id)
}

type profileSpecialty struct {
	UserID      int64 `gorm:"primaryKey"`
	SpecialtyID int64 `gorm:"primaryKey"`
}

func (profileSpecialty) TableName() string { return "profile_specialties" }

// checkText checks the lengths of the texts and that none holds a phone
// number.
func (p *Profiles) checkText(bad errs.Invalid, in ProfileInput) {
	fields := []struct {
		name, value string
		max         int
	}{
		{"display_name", in.DisplayName, MaxDisplayName},
		{"bio", in.Bio, MaxBio},
		{"specialties_other", in.SpecialtiesOther, MaxSpecialtiesOther},
		{"contact_note", in.ContactNote, MaxContactNote},
		{"website", in.Website, MaxWebsite}, // a page named after a number is a number shown
	}
	for _, f := range fields {
		switch {
		case tooLong(f.value, f.max):
			bad.Add(f.name, "members."+f.name+".too_long")
		case LooksLikePhoneNumber(f.value):
			bad.Add(f.name, "members.phone_number")
		}
	}
	if in.DisplayName != "" && reserved[usernameKey(in.DisplayName)] {
		bad.Add("display_name", "members.display_name.reserved")
	}
}

// parseWindows reads the availability rows, reporting a problem on the
// row's own field ("window-2") and overlaps on "windows".
func parseWindows(bad errs.Invalid, rows []WindowInput) []Window {
	var out []Window
	for i, r := range rows {
		day, from, to := strings.TrimSpace(r.Day), strings.TrimSpace(r.From), strings.TrimSpace(r.To)
		if day == "" && from == "" && to == "" {
			continue
		}
		field := "window-" + strconv.Itoa(i)
		d, err := strconv.Atoi(day)
		start, ok1 := parseClock(from)
		end, ok2 := parseClock(to)
		switch {
		case err != nil || d < 1 || d > 7:
			bad.Add(field, "members.windows.day")
		case !ok1 || !ok2:
			bad.Add(field, "members.windows.time")
		case start >= end:
			bad.Add(field, "members.windows.order")
		default:
			out = append(out, Window{Weekday: d, StartMinute: start, EndMinute: end})
		}
	}
	if len(out) > MaxWindows {
		bad.Add("windows", "members.windows.too_many")
	}
	slices.SortFunc(out, func(a, b Window) int {
		if a.Weekday != b.Weekday {
			return a.Weekday - b.Weekday
		}
		return a.StartMinute - b.StartMinute
	})
	for i := 1; i < len(out); i++ {
		if out[i].Weekday == out[i-1].Weekday && out[i].StartMinute < out[i-1].EndMinute {
			bad.Add("windows", "members.windows.overlap")
		}
	}
	return out
}

// parseClock reads "9:00", "09:30" or "24:00" as minutes since midnight.
func parseClock(s string) (int, bool) {
	s = strings.Replace(strings.ToLower(s), "h", ":", 1)
	h, m, found := strings.Cut(s, ":")
	if !found {
		m = "00"
	}
	if m == "" {
		m = "00"
	}
	hours, err1 := strconv.Atoi(h)
	minutes, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || len(m) != 2 || hours < 0 || minutes < 0 || minutes > 59 || hours > 24 || (hours == 24 && minutes > 0) {
		return 0, false
	}
	return hours*60 + minutes, true
}

// Clock writes minutes since midnight as "09:30".
func Clock(minutes int) string {
	return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60)
}

func uniqueIDs(ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
