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
	Form        valuesForm
	Specialties []accounts.Specialty
	Chosen      map[int64]bool
	Regions     []accounts.Region
	TimeZones   []string
	Modes       []accounts.ContactMode
	Windows     []int // the indexes of the availability rows shown
	Weekdays    []int
}

// profileFields are the form's single-value fields.
var profileFields = []string{"display_name", "bio", "specialties_other", "region", "website", "contact_mode", "contact_note", "time_zone"}

// windowRowsExtra is how many blank availability rows the form offers.
const windowRowsExtra = 3

func (s *Server) profileSettingsPage(c echo.Context, form valuesForm, chosen map[int64]bool, rows int) (*profileSettingsPage, error) {
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
	form := newForm(c)
	form.Values = map[string]string{"display_name": u.DisplayName, "bio": u.Bio, "specialties_other": pr.SpecialtiesOther,
		"region": pr.Region, "website": pr.Website, "contact_mode": string(pr.ContactMode), "contact_note": pr.ContactNote, "time_zone": pr.TimeZone}
	for i, w := range pr.Windows {
		n := strconv.Itoa(i)
		form.Values["day-"+n], form.Values["from-"+n], form.Values["to-"+n] = strconv.Itoa(w.Weekday), accounts.Clock(w.StartMinute), accounts.Clock(w.EndMinute)
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
	form := newForm(c, profileFields...)
	in := accounts.ProfileInput{DisplayName: form.Get("display_name"), Bio: form.Get("bio"), SpecialtiesOther: form.Get("specialties_other"),
		Region: form.Get("region"), Website: form.Get("website"), ContactMode: accounts.ContactMode(form.Get("contact_mode")),
		ContactNote: form.Get("contact_note"), TimeZone: form.Get("time_zone")}
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
		day, from, to := c.FormValue("day-"+n), c.FormValue("from-"+n), c.FormValue("to-"+n)
		form.Values["day-"+n], form.Values["from-"+n], form.Values["to-"+n] = day, from, to
		if day != "" || from != "" || to != "" {
			rows = i + 1
		}
		in.Windows = append(in.Windows, accounts.WindowInput{Day: day, From: from, To: to})
	}
	u, err := s.profiles.Save(c.Request().Context(), currentUser(c), in)
	if err != nil {
		page, perr := s.profileSettingsPage(c, form, chosen, rows+windowRowsExtra)
		if perr != nil {
			return perr
		}
		if form.fail(&page.Layout, err) {
			return s.render(c, http.StatusUnprocessableEntity, "settings/profile", page)
		}
		return err
	}
	return redirect(c, userURL(u.Username), "members.flash.profile_saved")
}

// WindowError is the message of availability row i, if any.
func (p *profileSettingsPage) WindowError(i int) string {
	return p.Form.Error("window-" + strconv.Itoa(i))
}

// WindowValue is what row i's field (day, from, to) holds.
func (p *profileSettingsPage) WindowValue(field string, i int) string {
	return p.Form.Get(field + "-" + strconv.Itoa(i))
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
