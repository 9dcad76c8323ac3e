package browsertest

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/testkit"
)

// page is one page of the forum as one kind of reader sees it. Adding a page
// to the accessibility, console and screenshot runs is one line in pages.
type page struct {
	name    string
	as      accounts.Role // accounts.Visitor: nobody logged in
	path    func(f *site) string
	status  int                    // 0 means 200
	prepare func(tab *testkit.Tab) // optional: bring the loaded page to the state to check
	// ifServed leaves the page out while the forum answers its address with
	// anything but 200: for pages another feature is adding.
	ifServed bool
}

func at(path string) func(*site) string { return func(*site) string { return path } }

var pages = []page{
	{name: "home", as: accounts.Visitor, path: at("/")},
	{name: "home", as: accounts.Newcomer, path: at("/")},
	{name: "home", as: accounts.Admin, path: at("/")},
	{name: "section", as: accounts.Visitor, path: at("/s/trouver-des-clients")},
	{name: "section", as: accounts.Member, path: at("/s/trouver-des-clients")},
	{name: "thread", as: accounts.Visitor, path: func(f *site) string { return f.threadURL }},
	{name: "thread", as: accounts.Member, path: func(f *site) string { return f.threadURL }},
	{name: "thread", as: accounts.Admin, path: func(f *site) string { return f.threadURL }},
	{name: "thread-preview", as: accounts.Member, path: func(f *site) string { return f.threadURL }, prepare: previewReply},
	{name: "newcomer-thread", as: accounts.Newcomer, path: func(f *site) string { return f.newcomerThreadURL }},
	{name: "search", as: accounts.Visitor, path: at("/search?q=clients"), ifServed: true},
	{name: "search", as: accounts.Member, path: at("/search?q=clients"), ifServed: true},
	{name: "profile", as: accounts.Visitor, path: func(f *site) string { return "/u/" + f.member.Username }},
	{name: "profile", as: accounts.Member, path: func(f *site) string { return "/u/" + f.member.Username }},
	{name: "login", as: accounts.Visitor, path: at("/login")},
	{name: "login-errors", as: accounts.Visitor, path: at("/login"), prepare: submitEmptyLogin},
	{name: "register", as: accounts.Visitor, path: at("/register")},
	{name: "register-errors", as: accounts.Visitor, path: at("/register"), prepare: submitBadRegistration},
	{name: "settings", as: accounts.Newcomer, path: at("/settings")},
	{name: "settings", as: accounts.Member, path: at("/settings")},
	{name: "admin", as: accounts.Admin, path: at("/admin")},
	{name: "admin-section", as: accounts.Admin, path: at("/admin/sections/new")},
	{name: "admin-settings", as: accounts.Admin, path: at("/admin/settings")},
	{name: "admin-rules", as: accounts.Admin, path: at("/admin/rules")},
	{name: "new-thread", as: accounts.Member, path: at("/new?ack=skip")},
	{name: "acknowledge-first", as: accounts.Newcomer, path: at("/ask")},
	{name: "notifications", as: accounts.Newcomer, path: at("/notifications")},
	{name: "notifications", as: accounts.Member, path: at("/notifications")},
	{name: "notifications", as: accounts.Admin, path: at("/notifications")},
	{name: "thankers", as: accounts.Visitor, path: func(f *site) string { return "/p/" + f.solutionID + "/thanks" }},
	{name: "search-solved", as: accounts.Visitor, path: at("/search?q=clients&status=solved"), ifServed: true},
	{name: "search-corrected", as: accounts.Visitor, path: at("/search?q=prospetcion")},
	{name: "search-most-words", as: accounts.Visitor, path: at("/search?q=clients+annuaires")},
	{name: "new-thread", as: accounts.Member, path: at("/new?section=entre-nous")},
	{name: "new-thread-help", as: accounts.Member, path: at("/new"), prepare: openSyntaxHelp},
	{name: "reply", as: accounts.Member, path: func(f *site) string { return "/t/" + f.threadID + "/reply?quote=" + f.firstPostID }},
	{name: "post-edit", as: accounts.Member, path: func(f *site) string { return "/p/" + f.replyID + "/edit" }},
	{name: "post-history", as: accounts.Member, path: func(f *site) string { return "/p/" + f.replyID + "/history" }},
	{name: "post-delete", as: accounts.Member, path: func(f *site) string { return "/p/" + f.replyID + "/delete" }},
	{name: "ask", as: accounts.Visitor, path: at("/ask")},
	{name: "ask", as: accounts.Newcomer, path: at("/ask?ack=skip")},
	{name: "ask-errors", as: accounts.Newcomer, path: at("/ask?ack=skip"), prepare: submitEmptyQuestion},
	{name: "ask-results", as: accounts.Visitor, path: func(f *site) string { return "/ask/" + f.visitorAskToken }},
	{name: "ask-results", as: accounts.Newcomer, path: func(f *site) string { return "/ask/" + f.askToken }},
	{name: "ask-write", as: accounts.Newcomer, path: func(f *site) string { return "/ask/" + f.askToken + "/write" }},
	{name: "rules", as: accounts.Visitor, path: at("/rules")},
	{name: "mod", as: accounts.Admin, path: at("/mod")},
	{name: "mod-ask", as: accounts.Admin, path: at("/mod/ask")},
	{name: "mod-words", as: accounts.Admin, path: at("/mod/words")},
	{name: "mod-queue", as: accounts.Admin, path: at("/mod/queue")},
	{name: "mod-queue-errors", as: accounts.Admin, path: at("/mod/queue"), prepare: submitEmptyRejection},
	{name: "pending", as: accounts.Newcomer, path: func(f *site) string { return f.pendingURL }},
	{name: "thread-held-reply", as: accounts.Newcomer, path: func(f *site) string { return f.threadURL }},
	{name: "admin-rules-errors", as: accounts.Admin, path: at("/admin/rules"), prepare: submitBadRules},
	{name: "newcomer-thread-canned", as: accounts.Member, path: func(f *site) string { return f.newcomerThreadURL }, prepare: openCanned},
	{name: "reply-canned", as: accounts.Member, path: func(f *site) string {
		return "/t/" + strings.Split(f.newcomerThreadURL, "/")[2] + "/reply?canned=" + f.cannedReplyID
	}},
	{name: "settings-profile", as: accounts.Member, path: at("/settings/profile")},
	{name: "settings-profile-errors", as: accounts.Member, path: at("/settings/profile"), prepare: submitBadProfile},
	{name: "settings-replies", as: accounts.Member, path: at("/settings/replies")},
	{name: "settings-reply-new", as: accounts.Member, path: at("/settings/replies/new")},
	{name: "admin-specialties", as: accounts.Admin, path: at("/admin/specialties")},
	// Moderation: the moderators' pages, the duplicate as its asker and as
	// a visitor, the flag form.
	{name: "thread", as: accounts.Moderator, path: func(f *site) string { return f.threadURL }},
	{name: "mod", as: accounts.Moderator, path: at("/mod")},
	{name: "mod-flags", as: accounts.Moderator, path: at("/mod/flags")},
	{name: "mod-log", as: accounts.Moderator, path: at("/mod/log")},
	{name: "mod-log-filtered", as: accounts.Moderator, path: at("/mod/log?action=thread_duplicate")},
	{name: "mod-duplicate", as: accounts.Moderator, path: func(f *site) string { return "/mod/t/" + f.threadID + "/duplicate" }},
	{name: "mod-duplicate-errors", as: accounts.Moderator, path: func(f *site) string { return "/mod/t/" + f.threadID + "/duplicate" }, prepare: submitNoCanonical},
	{name: "mod-thread", as: accounts.Moderator, path: func(f *site) string { return "/mod/t/" + f.threadID + "/edit" }},
	{name: "mod-hide", as: accounts.Moderator, path: func(f *site) string { return "/mod/p/" + f.replyID + "/hide" }},
	{name: "mod-user", as: accounts.Moderator, path: func(f *site) string { return "/mod/users/" + strconv.FormatInt(f.newcomer.ID, 10) }},
	{name: "duplicate", as: accounts.Newcomer, path: func(f *site) string { return f.duplicateURL }},
	{name: "duplicate", as: accounts.Visitor, path: func(f *site) string { return f.duplicateURL }},
	{name: "duplicate-different", as: accounts.Newcomer, path: func(f *site) string { return "/t/" + f.duplicateID + "/duplicate/no" }},
	{name: "post-flag", as: accounts.Member, path: func(f *site) string { return "/p/" + f.solutionID + "/flag" }},
	{name: "post-flag-errors", as: accounts.Member, path: func(f *site) string { return "/p/" + f.solutionID + "/flag" }, prepare: submitEmptyFlag},
	{name: "error-404", as: accounts.Visitor, path: at("/nulle-part"), status: http.StatusNotFound},
	{name: "error-403", as: accounts.Member, path: at("/admin"), status: http.StatusForbidden},
}

// served is the list of pages the forum has today.
func (f *site) served(t *testing.T) []page {
	t.Helper()
	var out []page
	for _, p := range pages {
		if p.ifServed {
			if status := f.srv.Client().Get(p.path(f)).Status; status != http.StatusOK {
				t.Logf("%s: left out, the forum answers %d", p.name, status)
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// readers opens one tab per role, logged in as the fixture's people.
func (f *site) readers(t *testing.T) map[accounts.Role]*testkit.Tab {
	t.Helper()
	tabs := map[accounts.Role]*testkit.Tab{}
	people := map[accounts.Role]*accounts.User{accounts.Newcomer: f.newcomer, accounts.Member: f.member, accounts.Admin: f.admin,
		accounts.Moderator: f.moderator}
	for _, p := range pages {
		if tabs[p.as] != nil {
			continue
		}
		tab := browser.Tab(t, f.srv)
		if u := people[p.as]; u != nil {
			tab.Login(u.Username, testkit.Password)
		}
		tabs[p.as] = tab
	}
	return tabs
}

// load shows p in its reader's tab, checks its status and prepares it.
func (f *site) load(t *testing.T, tab *testkit.Tab, p page) {
	t.Helper()
	want := p.status
	if want == 0 {
		want = http.StatusOK
	}
	if status := tab.Go(p.path(f)); status != want {
		t.Errorf("%s as %s: status %d, want %d", p.name, p.as, status, want)
	}
	if p.prepare != nil {
		p.prepare(tab)
	}
}

func previewReply(tab *testkit.Tab) {
	tab.Fill("#field-body", "Un **aperçu** avec une liste :\n\n- un\n- deux\n\n> et une citation")
	tab.Click(`form.post-form button[name=preview]`)
	tab.WaitVisible(".preview .post-body strong")
}

func openSyntaxHelp(tab *testkit.Tab) {
	tab.Click(".syntax-help summary")
	tab.WaitVisible(".syntax-help table")
}

func openCanned(tab *testkit.Tab) { openCannedList(tab) }

func submitBadProfile(tab *testkit.Tab) {
	tab.Fill("#field-contact_note", "Appelez-moi au 06 12 34 56 78")
	tab.Fill("#field-website", "javascript:alert(1)")
	tab.Submit(`form.profile-form button.primary`)
}

func submitEmptyLogin(tab *testkit.Tab) {
	tab.Submit(`form[action="/login"] button[type=submit]`)
}

func submitBadRegistration(tab *testkit.Tab) {
	tab.Fill("#field-username", "a")
	tab.Fill("#field-email", "pas-une-adresse")
	tab.Fill("#field-password", "court")
	tab.Submit(`form[action="/register"] button[type=submit]`)
}

func submitEmptyRejection(tab *testkit.Tab) {
	tab.Submit(`.queue-focus form[action$="/reject"] button`)
}

func submitBadRules(tab *testkit.Tab) {
	tab.Fill("#rule-threads_per_day_member", "zéro")
	tab.Submit(`form.rules-form button[type=submit]`)
}

func submitNoCanonical(tab *testkit.Tab) {
	tab.Submit(`form.duplicate-chooser button.primary`)
}

func submitEmptyFlag(tab *testkit.Tab) {
	tab.Submit(`form[action$="/flag"] button.primary`)
}

func submitEmptyQuestion(tab *testkit.Tab) {
	tab.Submit(`form.ask-form button[type=submit]`)
}
