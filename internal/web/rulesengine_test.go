package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/errs"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// Every numeric rule is a setting whose sentence on /rules states the
// current value, in French and in English.
func TestRulesPageStatesEachNumericSetting(t *testing.T) {
	srv := testkit.NewServer(t)
	visitor := srv.Client()
	english := srv.Client()
	english.Header.Set("Accept-Language", "en")
	page := visitor.Get("/rules")
	for id, want := range map[string]string{
		"#rule-threads_per_day_newcomer":  "au plus 3 sujets",
		"#rule-threads_per_day_member":    "au plus 20 sujets",
		"#rule-replies_per_hour_newcomer": "au plus 10 réponses",
		"#rule-replies_per_hour_member":   "au plus 60 réponses",
		"#rule-same_text_minutes":         "10 dernières minutes",
		"#rule-newcomer_links":            "au plus 2 liens",
	} {
		if got := page.Text(id); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	admin, _ := srv.NewUser(accounts.Admin)
	if p := admin.Get("/admin/rules"); p.Status != http.StatusOK || p.Doc.Find(`input[name="threads_per_day_newcomer"]`).AttrOr("value", "") != "3" {
		t.Fatalf("/admin/rules: %d %q", p.Status, p.Text("main"))
	}
	p := admin.Post("/admin/rules", form("threads_per_day_newcomer", "1", "replies_per_hour_member", "120", "same_text_minutes", "0", "newcomer_links", "5"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %q", p.Status, p.Text(".form-errors"))
	}
	page = visitor.Get("/rules")
	for id, want := range map[string]string{
		"#rule-threads_per_day_newcomer": "au plus 1 sujet par",
		"#rule-replies_per_hour_member":  "au plus 120 réponses",
		"#rule-same_text_minutes":        "ne vérifie pas",
		"#rule-newcomer_links":           "au plus 5 liens",
	} {
		if got := page.Text(id); !strings.Contains(got, want) {
			t.Errorf("after saving, %s: %q, want %q", id, got, want)
		}
	}
	if got := english.Get("/rules").Text("#rule-replies_per_hour_member"); !strings.Contains(got, "at most 120 replies an hour") {
		t.Errorf("in English: %q", got)
	}
}

// A form with one bad value comes back with the message by its field and
// what was typed, and saves nothing, not even the good values.
func TestAdminRulesFormRefusesWholeAndKeepsInput(t *testing.T) {
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	admin.Get("/admin/rules")
	for _, bad := range []string{"0", "douze", "1001", "-3", "2.5", "9999999999999999999999"} {
		p := admin.Post("/admin/rules", form("newcomer_links", "7", "threads_per_day_member", bad))
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-threads_per_day_member"), "nombre entier") {
			t.Fatalf("%q: %d %q", bad, p.Status, p.Text("main"))
		}
		if v := p.Doc.Find(`input[name="threads_per_day_member"]`).AttrOr("value", ""); v != bad {
			t.Errorf("%q not given back: %q", bad, v)
		}
		if v := p.Doc.Find(`input[name="newcomer_links"]`).AttrOr("value", ""); v != "7" {
			t.Errorf("the good value not given back: %q", v)
		}
	}
	v, err := srv.App.Rules.Values(context.Background())
	if err != nil || v.Int(rules.NewcomerLinks) != 2 || v.Int(rules.ThreadsPerDayMember) != 20 {
		t.Fatalf("a refused form saved something: %v %v", v, err)
	}
	// The domain itself refuses anyone but an admin, whatever the route.
	_, moderator := srv.NewUser(accounts.Moderator)
	if err := srv.App.Rules.Save(context.Background(), moderator, map[string]string{rules.NewcomerLinks: "9"}); err != errs.ErrForbidden {
		t.Fatalf("a moderator saved the rules: %v", err)
	}
}
