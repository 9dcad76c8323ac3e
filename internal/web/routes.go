package web

import (
	"net/http"

	"entraide/internal/accounts"

	"github.com/labstack/echo/v4"
)

// routes is the one table of every address the forum answers. Guards sit on
// the routes; object-level checks (whose post is it?) sit in the domain.
func (s *Server) routes(e *echo.Echo) {
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/static/*", s.assets.serve)

	e.GET("/", s.showHome)
	e.GET("/s/:section", s.showSection)
	e.GET("/t/:id", s.redirectThread)
	e.GET("/t/:id/:slug", s.showThread)
	e.GET("/p/:id", s.redirectPost)
	e.GET("/u/:username", s.showProfile)
	e.GET("/search", s.showSearch, s.visitorSearchBudget)
	e.GET("/search/similar", s.showSimilar, s.visitorSearchBudget)
	e.GET("/rules", s.showRules)
	// A post waiting for approval, for its author (others: 404).
	e.GET("/pending/:id", s.showPending)

	// The ask flow: steps 1 and 2 are open to visitors, step 3 needs an account.
	e.GET("/ask", s.showAsk)
	e.POST("/ask", s.startAsk)
	e.GET("/ask/:token", s.showAskResults)
	e.GET("/ask/:token/open/:id", s.openAskResult)
	e.POST("/ask/:token/found", s.foundAnswer)

	e.GET("/register", s.newRegistration, guestOnly)
	e.POST("/register", s.createRegistration, guestOnly)
	e.GET("/login", s.newLogin, guestOnly)
	e.POST("/login", s.createLogin, guestOnly)
	e.POST("/logout", s.logout, requireUser)
	e.POST("/settings/locale", s.updateLocale)

	// Routes for logged-in people carry the guard one by one: an echo group
	// without a prefix would also catch every unknown address.
	loggedIn := func(method, path string, h echo.HandlerFunc) { e.Add(method, path, h, requireUser) }
	loggedIn(http.MethodGet, "/ask/:token/write", s.showAskWrite)
	loggedIn(http.MethodPost, "/ask/write", s.createAskThread)
	loggedIn(http.MethodGet, "/new", s.newThread)
	loggedIn(http.MethodPost, "/new", s.createThread)
	loggedIn(http.MethodGet, "/t/:id/reply", s.newReply)
	loggedIn(http.MethodPost, "/t/:id/reply", s.createReply)
	loggedIn(http.MethodGet, "/p/:id/edit", s.editPost)
	loggedIn(http.MethodPost, "/p/:id/edit", s.updatePost)
	loggedIn(http.MethodGet, "/p/:id/delete", s.confirmDeletePost)
	loggedIn(http.MethodPost, "/p/:id/delete", s.deletePost)
	loggedIn(http.MethodGet, "/p/:id/history", s.showPostHistory)
	loggedIn(http.MethodGet, "/settings", s.showSettings)
	loggedIn(http.MethodPost, "/settings/password", s.updatePassword)
	// Thank-yous, solutions, notifications (thanks.go, notifications.go).
	e.GET("/p/:id/thanks", s.showThankers)
	loggedIn(http.MethodPost, "/p/:id/thank", s.thankPost)
	loggedIn(http.MethodPost, "/p/:id/unthank", s.unthankPost)
	loggedIn(http.MethodPost, "/p/:id/solution", s.chooseSolution)
	loggedIn(http.MethodPost, "/t/:id/solution/remove", s.removeSolution)
	loggedIn(http.MethodPost, "/p/:id/not-helpful", s.markNotHelpful)
	loggedIn(http.MethodGet, "/notifications", s.showNotifications)
	loggedIn(http.MethodPost, "/notifications/read", s.markAllNotificationsRead)
	loggedIn(http.MethodPost, "/notifications/:id/read", s.markNotificationRead)
	e.POST("/preview", s.createPreview, requireUser, previewBodyLimit)
	// Flags and the asker's answers to a duplicate's closing (flags.go,
	// moderation.go); the domain checks who may.
	loggedIn(http.MethodGet, "/p/:id/flag", s.showFlagPost)
	loggedIn(http.MethodPost, "/p/:id/flag", s.flagPost)
	loggedIn(http.MethodPost, "/t/:id/duplicate/yes", s.answerDuplicateYes)
	loggedIn(http.MethodGet, "/t/:id/duplicate/no", s.showDuplicateDifferent)
	loggedIn(http.MethodPost, "/t/:id/duplicate/no", s.answerDuplicateNo)

	// Profiles and contact preferences: every logged-in person.
	loggedIn(http.MethodGet, "/settings/profile", s.editProfile)
	loggedIn(http.MethodPost, "/settings/profile", s.updateProfile)
	// Canned replies: members and above keep them; moderators keep the
	// team's set too (checked by the replies service, object by object).
	members := func(method, path string, h echo.HandlerFunc) { e.Add(method, path, h, requireRole(accounts.Member)) }
	members(http.MethodGet, "/settings/replies", s.showReplies)
	members(http.MethodGet, "/settings/replies/new", s.newCannedReply)
	members(http.MethodPost, "/settings/replies", s.createCannedReply)
	members(http.MethodGet, "/settings/replies/:id/edit", s.editCannedReply)
	members(http.MethodPost, "/settings/replies/:id", s.updateCannedReply)
	members(http.MethodPost, "/settings/replies/:id/delete", s.deleteCannedReply)
	members(http.MethodPost, "/settings/replies/:id/move", s.moveCannedReply)
	members(http.MethodGet, "/t/:id/canned/:reply", s.showCannedReply)

	mod := e.Group("/mod", requireModerator)
	mod.GET("", s.showMod)
	mod.GET("/ask", s.showModAsk)
	mod.GET("/words", s.showWords)
	mod.POST("/words", s.createWord)
	mod.POST("/words/:id/delete", s.deleteWord)
	mod.GET("/queue", s.showQueue)
	mod.POST("/queue/:id/approve", s.approvePost)
	mod.POST("/queue/:id/reject", s.rejectPost)
	// The moderators' actions (moderation.go, mod_people.go, flags.go,
	// modlog.go); the domain refuses a suspended moderator.
	mod.POST("/t/:id/do/:action", s.moderateThread)
	mod.GET("/t/:id/edit", s.editThreadModeration)
	mod.POST("/t/:id/move", s.moveThread)
	mod.POST("/t/:id/title", s.retitleThread)
	mod.GET("/t/:id/duplicate", s.showDuplicateChooser)
	mod.POST("/t/:id/duplicate", s.closeAsDuplicate)
	mod.GET("/p/:id/hide", s.showHidePost)
	mod.POST("/p/:id/hide", s.hidePost)
	mod.POST("/p/:id/restore", s.restorePost)
	mod.GET("/users/:id", s.showModUser)
	mod.POST("/users/:id/suspend", s.suspendUser)
	mod.POST("/users/:id/lift", s.liftSuspension)
	mod.POST("/users/:id/promote", s.promoteUser)
	mod.GET("/flags", s.showModFlags)
	mod.POST("/flags/:id/:resolution", s.resolveFlags)
	mod.GET("/log", s.showModLog)

	admin := e.Group("/admin", requireRole(accounts.Admin))
	admin.GET("", s.showAdmin)
	admin.GET("/rules", s.showAdminRules)
	admin.POST("/rules", s.updateRules)
	admin.POST("/users/:id/role", s.updateUserRole)
	admin.GET("/sections/new", s.newSection)
	admin.POST("/sections", s.createSection)
	admin.GET("/sections/:id/edit", s.editSection)
	admin.POST("/sections/:id", s.updateSection)
	admin.POST("/sections/:id/newcomers", s.makeNewcomersSection)
	admin.GET("/settings", s.showSiteSettings)
	admin.POST("/settings", s.updateSiteSettings)
	admin.GET("/specialties", s.showSpecialties)
	admin.POST("/specialties", s.createSpecialty)
	admin.POST("/specialties/:id", s.updateSpecialty)
	admin.POST("/specialties/:id/delete", s.deleteSpecialty)
}
