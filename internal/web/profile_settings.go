package web

import (
	"net/http"
	"strconv"

	"entraide/internal/accounts"

	"github.com/labstack/echo/v4"
)

// profileSettingsPage is the form where a member says who she is and how
// she accepts to be contacted.
type profileSettingsPage struct {
	Layout
	Form        Form[profileInput]
	Specialties []accounts.Specialty
	Chosen      map[int64]bool
	Regions     []accounts.Region
	TimeZones   []string
	Modes       []accounts.ContactMode
	Windows     []int // the indexes of the availability rows shown
	Weekdays    []int
}

// profileInput is the profile form. The specialties (checkboxes) and the
// availability rows (day-N, from-N, to-N) are read by updateProfile.
type profileInput struct {
	DisplayName      string `form:"display_name"`
	Bio              string `form:"bio"`
	SpecialtiesOther string `form:"specialties_other"`
	Region           string `form:"region"`
	Website          string `form:"website"`
	ContactMode      string `form:"contact_mode"`
	ContactNote      string `form:"contact_note"`
	TimeZone         string `form:"time_zone"`
	Windows          []accounts.WindowInput
}

// windowRowsExtra is how many blank availability rows the form offers.
const windowRowsExtra = 3

func (s *Server) profileSettingsPage(c echo.Context, form Form[profileInput], chosen map[int64]bool, rows int) (*profileSettingsPage, error) {
	page := &profileSettingsPage{Layout: s.layout(c, "members.settings.title"), Form: form, Chosen: chosen,
		Regions: accounts.Regions, TimeZones: accounts.TimeZones, Modes: s.profiles.ContactModes(), Weekdays: []int{1, 2, 3, 4, 5, 6, 7}}
	var err error
	if page.Specialties, err = s.profiles.Specialties(c.Request().Context()); err != nil {
		return nil, err
	}
	for i := 0; i < min(rows, accounts.MaxWindows); i++ {
		page.Windows = append(page.Windows, i)
	}
	return page, nil
}

func (s *Server) editProfile(c echo.Context) error {
	u := currentUser(c)
	pr, err := s.profiles.Of(c.Request().Context(), u.ID)
	if err != nil {
		return err
	}
	form := formOf(profileInput{DisplayName: u.DisplayName, Bio: u.Bio, SpecialtiesOther: pr.SpecialtiesOther,
		Region: pr.Region, Website: pr.Website, ContactMode: string(pr.ContactMode), ContactNote: pr.ContactNote, TimeZone: pr.TimeZone})
	for _, w := range pr.Windows {
		form.Input.Windows = append(form.Input.Windows,
			accounts.WindowInput{Day: strconv.Itoa(w.Weekday), From: accounts.Clock(w.StartMinute), To: accounts.Clock(w.EndMinute)})
	}
	chosen := map[int64]bool{}
	for _, sp := range pr.Specialties {
		chosen[sp.ID] = true
	}
	page, err := s.profileSettingsPage(c, form, chosen, len(pr.Windows)+windowRowsExtra)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "settings/profile", page)
}

func (s *Server) updateProfile(c echo.Context) error {
	form := readForm[profileInput](c)
	f := &form.Input
	in := accounts.ProfileInput{DisplayName: f.DisplayName, Bio: f.Bio, SpecialtiesOther: f.SpecialtiesOther,
		Region: f.Region, Website: f.Website, ContactMode: accounts.ContactMode(f.ContactMode),
		ContactNote: f.ContactNote, TimeZone: f.TimeZone}
	chosen := map[int64]bool{}
	if params, err := c.FormParams(); err == nil {
		for _, raw := range params["specialties"] {
			if id, err := strconv.ParseInt(raw, 10, 64); err == nil {
				in.SpecialtyIDs = append(in.SpecialtyIDs, id)
				chosen[id] = true
			}
		}
	}
	rows := 0
	for i := 0; i < accounts.MaxWindows; i++ {
		n := strconv.Itoa(i)
		w := accounts.WindowInput{Day: c.FormValue("day-" + n), From: c.FormValue("from-" + n), To: c.FormValue("to-" + n)}
		if w != (accounts.WindowInput{}) {
			rows = i + 1
		}
		f.Windows = append(f.Windows, w)
	}
	in.Windows = f.Windows
	u, err := s.profiles.Save(c.Request().Context(), currentUser(c), in)
	if err != nil {
		page, perr := s.profileSettingsPage(c, form, chosen, rows+windowRowsExtra)
		if perr != nil {
			return perr
		}
		return s.formAgain(c, err, form, &page.Layout, "settings/profile", page)
	}
	return redirect(c, userURL(u.Username), "members.flash.profile_saved")
}

// WindowError is the message of availability row i, if any.
func (p *profileSettingsPage) WindowError(i int) string {
	return p.Form.Error("window-" + strconv.Itoa(i))
}

// Window is what availability row i holds (blank past the rows filled).
func (p *profileSettingsPage) Window(i int) accounts.WindowInput {
	if i < len(p.Form.Input.Windows) {
		return p.Form.Input.Windows[i]
	}
	return accounts.WindowInput{}
}

// DayName is the translated name of a weekday, 1 for Monday.
func (l Layout) DayName(d int) string { return l.T("members.day." + strconv.Itoa(d)) }

// RegionLabel is the name of a region code, translated for Abroad.
func (l Layout) RegionLabel(code string) string {
	if code == accounts.Abroad {
		return l.T("members.region.abroad")
	}
	return accounts.RegionName(code)
}

// ContactLabel is the profile's sentence for a contact mode.
func (l Layout) ContactLabel(m accounts.ContactMode) string {
	return l.T("members.contact.mode." + string(m))
}
