package web

import (
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

	e.GET("/register", s.newRegistration, guestOnly)
	e.POST("/register", s.createRegistration, guestOnly)
	e.GET("/login", s.newLogin, guestOnly)
	e.POST("/login", s.createLogin, guestOnly)
	e.POST("/logout", s.logout, requireUser)
	e.POST("/settings/locale", s.updateLocale)

	member := e.Group("", requireUser)
	member.GET("/new", s.newThread)
	member.POST("/new", s.createThread)
	member.GET("/t/:id/reply", s.newReply)
	member.POST("/t/:id/reply", s.createReply)
	member.GET("/p/:id/edit", s.editPost)
	member.POST("/p/:id/edit", s.updatePost)
	member.GET("/p/:id/delete", s.confirmDeletePost)
	member.POST("/p/:id/delete", s.deletePost)
	member.GET("/p/:id/history", s.showPostHistory)
	member.GET("/settings", s.showSettings)
	member.POST("/settings/password", s.updatePassword)

	admin := e.Group("/admin", requireRole(accounts.Admin))
	admin.GET("", s.showAdmin)
	admin.POST("/users/:id/role", s.updateUserRole)
	admin.GET("/sections/new", s.newSection)
	admin.POST("/sections", s.createSection)
	admin.GET("/sections/:id/edit", s.editSection)
	admin.POST("/sections/:id", s.updateSection)
	admin.POST("/sections/:id/newcomers", s.makeNewcomersSection)
}
