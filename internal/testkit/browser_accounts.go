package testkit

import "entraide/internal/accounts"

// Register creates an account through the registration form and returns
// the status of the page it leads to (200 on the home page when it worked).
func (tab *Tab) Register(username, email, password string) int {
	tab.t.Helper()
	tab.Go("/register")
	tab.Fill("#field-username", username)
	tab.Fill("#field-email", email)
	tab.Fill("#field-password", password)
	tab.Fill("#field-confirm", password)
	return tab.Submit(`form[action="/register"] button[type=submit]`)
}

// Login logs in through the log-in form; it fails the test unless the
// forum answers with a logged-in page.
func (tab *Tab) Login(username, password string) {
	tab.t.Helper()
	tab.Go("/login")
	tab.Fill("#field-login", username)
	tab.Fill("#field-password", password)
	if status := tab.Submit(`form[action="/login"] button[type=submit]`); status != 200 || !tab.Has(`form[action="/logout"]`) {
		tab.t.Fatalf("browser: log in as %s: status %d, %q", username, status, tab.Text(".form-errors"))
	}
}

// LoginAs creates an account with role and logs the tab in as it.
func (tab *Tab) LoginAs(role accounts.Role) *accounts.User {
	tab.t.Helper()
	_, u := tab.srv.NewUser(role)
	tab.Login(u.Username, Password)
	return u
}

// Logout logs out with the header's button.
func (tab *Tab) Logout() {
	tab.t.Helper()
	if status := tab.Submit(`form[action="/logout"] button`); status != 200 {
		tab.t.Fatalf("browser: log out: status %d", status)
	}
}
