package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"entraide/internal/accounts"
)

// TestTrustedComesFromConstants keeps the one way around escaping closed:
// markup reaches a page unescaped only as a trusted constant in
// fragments.go, as markup.HTML made by the Markdown renderer, or as
// template.HTML made in the few places listed here, each of which escapes
// or sanitises what it wraps. A conversion anywhere else fails this test.
func TestTrustedComesFromConstants(t *testing.T) {
	t.Parallel()
	allowed := map[string][]string{
		// An explicit trusted(…) would let a variable through raw: none.
		"trusted": nil,
		// Only the markup package, which sanitises, makes post HTML.
		"markup.HTML": {"markup/"},
		"template.HTML": {
			"markup/markup.go",     // HTML.Safe: sanitised by Render
			"web/fragments.go",     // fragment.html: escaped piece by piece
			"web/render.go",        // the syntax table, itself a template's output
			"search/highlight.go",  // snippets: escaped, then <mark> of our own
			"perf/ceiling/main.go", // the benchmark's stand-in page, never served
		},
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../"))
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			name := conversionName(call.Fun, file.Name.Name)
			places, watched := allowed[name]
			if !watched {
				return true
			}
			for _, p := range places {
				if p == rel || (strings.HasSuffix(p, "/") && strings.HasPrefix(rel, p)) {
					return true
				}
			}
			t.Errorf("%s: conversion to %s outside the places that escape or sanitise", fset.Position(call.Pos()), name)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// conversionName names the type a call converts to, as "pkg.Type" or a
// bare name; in package markup a bare HTML is markup.HTML.
func conversionName(fun ast.Expr, pkg string) string {
	switch f := fun.(type) {
	case *ast.Ident:
		if pkg == "markup" && f.Name == "HTML" {
			return "markup.HTML"
		}
		return f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name + "." + f.Sel.Name
		}
	}
	return ""
}

// TestLayoutGivesTemplatesNoAccount: every page's layout reaches the
// templates, so it must not carry the reader's whole account (password
// hash, email): templates get a Viewer.
func TestLayoutGivesTemplatesNoAccount(t *testing.T) {
	t.Parallel()
	account := reflect.TypeFor[accounts.User]()
	lt := reflect.TypeFor[Layout]()
	for i := range lt.NumField() {
		f := lt.Field(i)
		if !f.IsExported() {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft == account {
			t.Errorf("Layout.%s hands the templates an accounts.User", f.Name)
		}
	}
	if _, ok := reflect.TypeFor[Viewer]().FieldByName("PasswordHash"); ok {
		t.Error("Viewer has the password hash")
	}
	// No page (a struct embedding Layout) hands a template an account
	// either: members other than the reader are shown as MemberView.
	inspectSources(t, func(fset *token.FileSet, n ast.Node) bool {
		spec, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := spec.Type.(*ast.StructType)
		if !ok || !embedsLayout(st) {
			return true
		}
		for _, f := range st.Fields.List {
			if len(f.Names) > 0 && f.Names[0].IsExported() && mentionsAccount(f.Type) {
				t.Errorf("%s: page %s field %s hands the templates an accounts.User", fset.Position(f.Pos()), spec.Name, f.Names[0])
			}
		}
		return true
	})
}

// inspectSources walks the syntax of this package's files, tests aside.
func inspectSources(t *testing.T, visit func(fset *token.FileSet, n ast.Node) bool) {
	t.Helper()
	fset := token.NewFileSet()
	paths, _ := filepath.Glob("*.go")
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool { return visit(fset, n) })
	}
}

func embedsLayout(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if id, ok := f.Type.(*ast.Ident); ok && len(f.Names) == 0 && id.Name == "Layout" {
			return true
		}
	}
	return false
}

// mentionsAccount reports whether type expression e is accounts.User
// behind any pointers, slices or maps.
func mentionsAccount(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "accounts" && sel.Sel.Name == "User" {
				found = true
			}
		}
		return !found
	})
	return found
}
