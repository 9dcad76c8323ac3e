package web_test

import (
	"net/http"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

var form = testkit.URLValues

func TestRegisterShowsMessagesNextToFieldsAndKeepsInput(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	c.Get("/register")
	p := c.Post("/register", form("username", "Jo", "email", "pas-une-adresse", "password", "azerty", "confirm", "azerty"))
	if p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", p.Status)
	}
	if got := p.Text("#error-username"); !strings.Contains(got, "au moins 3 caractères") {
		t.Errorf("username message: %q", got)
	}
	if got := p.Text("#error-email"); !strings.Contains(got, "ne semble pas valide") {
		t.Errorf("email message: %q", got)
	}
	if got := p.Text("#error-password"); !strings.Contains(got, "au moins 10 caractères") {
		t.Errorf("password message: %q", got)
	}
	if v, _ := p.Doc.Find("#field-username").Attr("value"); v != "Jo" {
		t.Errorf("typed username not kept: %q", v)
	}
	if v, ok := p.Doc.Find("#field-password").Attr("value"); ok && v != "" {
		t.Errorf("a password was sent back into the page")
	}
	if p.Doc.Find("#field-email").AttrOr("aria-describedby", "") == "" || !p.Has(".form-errors[role=alert]") {
		t.Errorf("errors are not announced to screen readers")
	}
	users, _ := srv.App.Accounts.List(t.Context(), "", 10)
	if len(users) != 0 {
		t.Fatalf("a refused registration created %d accounts", len(users))
	}
}

func TestRegisterLogsInAsNewcomer(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c := srv.Client()
	c.Get("/register")
	p := c.Post("/register", form("username", "Amandine", "email", "amandine@exemple.fr", "password", testkit.Password, "confirm", testkit.Password))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("status %d: %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	home := c.Follow(p)
	if !strings.Contains(home.Text(".flash"), "Bienvenue") || !strings.Contains(home.Text(".account"), "Amandine") {
		t.Fatalf("after registering: flash %q, account %q", home.Text(".flash"), home.Text(".account"))
	}
	u, err := srv.App.Accounts.ByUsername(t.Context(), "amandine")
	if err != nil || u.Role != accounts.Newcomer {
		t.Fatalf("account: %+v %v", u, err)
	}
	// A second registration with the same name, another case, is refused.
	other := srv.Client()
	other.Get("/register")
	p = other.Post("/register", form("username", "AMANDINE", "email", "autre@exemple.fr", "password", testkit.Password, "confirm", testkit.Password))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-username"), "déjà pris") {
		t.Fatalf("duplicate username: %d %q", p.Status, p.Text("#error-username"))
	}
}

func TestLoginLogoutAndCopiedCookieDies(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	_, u := srv.NewUser(accounts.Member)
	c := srv.Client()
	c.Get("/login")
	p := c.Post("/login", form("login", u.Username, "password", "mauvais mot de passe"))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text(".form-errors"), "incorrect") {
		t.Fatalf("bad password: %d %q", p.Status, p.Text(".form-errors"))
	}
	if v, _ := p.Doc.Find("#field-login").Attr("value"); v != u.Username {
		t.Errorf("login not kept: %q", v)
	}
	p = c.Login(u.Username, testkit.Password)
	if p.Location != "/" {
		t.Fatalf("redirect to %q", p.Location)
	}
	stolen := c.Cookies()
	thief := srv.Client()
	thief.SetCookies(stolen)
	if !strings.Contains(thief.Get("/").Text(".account"), u.Username) {
		t.Fatal("the copied cookie should work before log-out")
	}
	c.Get("/")
	if p := c.Post("/logout", nil); p.Status != http.StatusSeeOther {
		t.Fatalf("logout: %d", p.Status)
	}
	if strings.Contains(c.Get("/").Text(".account"), u.Username) {
		t.Fatal("still logged in after log-out")
	}
	thief.SetCookies(stolen)
	if page := thief.Get("/"); strings.Contains(page.Text(".account"), u.Username) {
		t.Fatal("a cookie copied before log-out still works after it")
	}
}

func TestLoginRedirectsOnlyToLocalPaths(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	_, u := srv.NewUser(accounts.Member)
	for _, next := range []string{"https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/t/1"} {
		c := srv.Client()
		c.Get("/login?next=" + next)
		p := c.Post("/login", form("login", u.Username, "password", testkit.Password, "next", next))
		want := "/"
		if next == "/t/1" {
			want = "/t/1"
		}
		if p.Location != want {
			t.Errorf("next=%q redirected to %q", next, p.Location)
		}
	}
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	c, u := srv.NewUser(accounts.Member)
	other := srv.Client()
	other.Login(u.Username, testkit.Password)
	c.Get("/settings")
	p := c.Post("/settings/password", form("current", "faux", "password", "nouvelle phrase secrète", "confirm", "nouvelle phrase secrète"))
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Text("#error-current"), "incorrect") {
		t.Fatalf("wrong current password: %d %q", p.Status, p.Text("#error-current"))
	}
	p = c.Post("/settings/password", form("current", testkit.Password, "password", "nouvelle phrase secrète", "confirm", "nouvelle phrase secrète"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("change: %d %s", p.Status, p.Text(".form-errors, .field-error"))
	}
	if !strings.Contains(c.Follow(p).Text(".flash"), "Mot de passe changé") {
		t.Error("no confirmation")
	}
	if !strings.Contains(c.Get("/").Text(".account"), u.Username) {
		t.Error("this session should stay logged in")
	}
	if strings.Contains(other.Get("/").Text(".account"), u.Username) {
		t.Error("the other session survived the password change")
	}
}

func TestLoginThrottleIgnoresForwardedForByDefault(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	_, u := srv.NewUser(accounts.Member)
	c := srv.Client()
	c.Get("/login")
	for i := 0; i < 20; i++ {
		c.Header.Set("X-Forwarded-For", "198.51.100."+string(rune('0'+i%10)))
		c.Post("/login", form("login", "inconnu"+string(rune('a'+i)), "password", "x"))
	}
	p := c.Post("/login", form("login", u.Username, "password", testkit.Password))
	if p.Status != http.StatusTooManyRequests || !strings.Contains(p.Text(".form-errors"), "Patientez") {
		t.Fatalf("a forged X-Forwarded-For dodged the per-address limit: %d %q", p.Status, p.Text(".form-errors"))
	}
}

func TestRoleChangeTakesEffectAtOnce(t *testing.T) {
	t.Parallel()
	srv := testkit.NewServer(t)
	admin, _ := srv.NewUser(accounts.Admin)
	member, mu := srv.NewUser(accounts.Member)
	if p := member.Get("/admin"); p.Status != http.StatusForbidden || !strings.Contains(p.Text("main"), "pas le droit") {
		t.Fatalf("member on /admin: %d %q", p.Status, p.Text("main"))
	}
	page := admin.Get("/admin")
	if !page.Has("#role-" + itoa(mu.ID)) {
		t.Fatal("the admin page lists no role form for the member")
	}
	p := admin.Post("/admin/users/"+itoa(mu.ID)+"/role", form("role", "moderator"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("set role: %d", p.Status)
	}
	got, _ := srv.App.Accounts.ByID(t.Context(), mu.ID)
	if got.Role != accounts.Moderator {
		t.Fatalf("role is %s", got.Role)
	}
	// The change ends the member's sessions so new rights apply cleanly.
	if strings.Contains(member.Get("/").Text(".account"), mu.Username) {
		t.Error("the member's old session survived the role change")
	}
	if p := admin.Post("/admin/users/"+itoa(mu.ID)+"/role", form("role", "emperor")); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("unknown role: %d", p.Status)
	}
}
