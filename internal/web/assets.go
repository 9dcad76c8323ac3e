package web

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// assets serves the embedded static files. Each address carries a hash of
// the file, so browsers may keep it for a year and still get a new version
// the moment it changes.
type assets struct {
	fsys   fs.FS
	hashes map[string]string
}

func newAssets(fsys fs.FS) (*assets, error) {
	a := &assets{fsys: fsys, hashes: map[string]string{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		a.hashes[p] = hex.EncodeToString(sum[:6])
		return nil
	})
	return a, err
}

// url returns the versioned address of a static file; an unknown file fails
// the page render, so a typo is caught by the first test that shows it.
func (a *assets) url(name string) (string, error) {
	h, ok := a.hashes[name]
	if !ok {
		return "", fs.ErrNotExist
	}
	return "/static/" + name + "?v=" + h, nil
}

// headTags is the style sheet and scripts every page's head links to,
// written once at start: through the template they were six calls of
// asset a page, each paid in reflection and escaping.
func (a *assets) headTags() (template.HTML, error) {
	var f fragment
	css, err := a.url("css/app.css")
	if err != nil {
		return "", err
	}
	f.raw(`<link rel="stylesheet" href="`)
	f.text(css)
	f.raw(`">`)
	for _, js := range []string{"js/app.js", "js/editor.js", "js/similar.js", "js/thanks.js", "js/canned.js"} {
		src, err := a.url(js)
		if err != nil {
			return "", err
		}
		f.raw("\n<script src=\"")
		f.text(src)
		f.raw(`" defer></script>`)
	}
	return f.html(), nil
}

func (a *assets) serve(c echo.Context) error {
	name := path.Clean(c.Param("*"))
	h, ok := a.hashes[name]
	if !ok {
		return echo.ErrNotFound
	}
	if c.QueryParam("v") == h {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Response().Header().Set("Cache-Control", "public, max-age=300")
	}
	c.Response().Header().Set("ETag", `"`+h+`"`)
	if c.Request().Header.Get("If-None-Match") == `"`+h+`"` {
		return c.NoContent(http.StatusNotModified)
	}
	http.ServeFileFS(c.Response(), c.Request(), a.fsys, name)
	return nil
}
