package web

import (
	"net/http"
	"strings"

	"entraide/internal/settings"

	"github.com/labstack/echo/v4"
)

// knownMethods answers the methods the forum serves and no other: HEAD as
// GET (monitors and link checkers use it), and anything but GET, HEAD, POST
// and OPTIONS a 405 with the Allow header — before the CSRF check, which
// would otherwise call an unknown method a forged form (403).
//
// It runs before routing (echo.Pre): a HEAD request is routed as GET, then
// headAgain gives it back its method, so that handlers and net/http see
// HEAD (and net/http sends no body).
func knownMethods(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodOptions:
		case http.MethodHead:
			r.Method = http.MethodGet
			c.Set(headKey, true)
		default:
			c.Response().Header().Set("Allow", "GET, HEAD, POST")
			return echo.NewHTTPError(http.StatusMethodNotAllowed)
		}
		return next(c)
	}
}

const headKey = "entraide-head"

// headAgain restores HEAD on a request knownMethods routed as GET.
func headAgain(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if head, _ := c.Get(headKey).(bool); head {
			c.Request().Method = http.MethodHead
		}
		return next(c)
	}
}

// hsts tells browsers to come back over https only, once the forum is
// served over https (ENTRAIDE_BASE_URL): a year, as browsers' preload
// lists expect. Over plain http the header would be ignored, or lock a
// test server out, so it is left out there.
func hsts(secure bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if secure {
				c.Response().Header().Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			}
			return next(c)
		}
	}
}

// imagesPolicy applies the admin's choice for images from other servers
// (settings.Site.ExternalImages): with "link", the page's CSP lets images
// load from the forum only, so no post — however old, whoever wrote it —
// can tell another server who reads it; the thread page shows those images
// as links (markup.ExternalImagesAsLinks).
func (s *Server) imagesPolicy(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if sessionless(c.Request().URL.Path) {
			return next(c)
		}
		if s.externalImagesAsLinks(c) {
			h := c.Response().Header()
			h.Set("Content-Security-Policy", strings.Replace(h.Get("Content-Security-Policy"), "img-src 'self' https:", "img-src 'self'", 1))
		}
		return next(c)
	}
}

// externalImagesAsLinks reports whether the admin chose to show images from
// other servers as links. The choice is read through the settings' cache
// (a query a second at most); if it cannot be read, images are links.
func (s *Server) externalImagesAsLinks(c echo.Context) bool {
	site, err := s.site.Site(c.Request().Context())
	return err != nil || site.ExternalImages == settings.ImagesLink
}
