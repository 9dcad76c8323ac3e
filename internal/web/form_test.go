package web

import (
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"testing"
)

// TestFormInputsAreStrings: readForm fills the fields tagged form:"…" with
// what was typed, and only a string can hold any of it (a number is parsed
// by its handler, with the form's own message). A tagged field of another
// type would panic at its first request; this finds it without one.
func TestFormInputsAreStrings(t *testing.T) {
	t.Parallel()
	tagged := 0
	inspectSources(t, func(fset *token.FileSet, n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		for _, f := range st.Fields.List {
			if f.Tag == nil {
				continue
			}
			tag, _ := strconv.Unquote(f.Tag.Value)
			if reflect.StructTag(tag).Get("form") == "" {
				continue
			}
			tagged++
			if id, ok := f.Type.(*ast.Ident); !ok || id.Name != "string" {
				t.Errorf("%s: a field tagged form is not a string", fset.Position(f.Pos()))
			}
		}
		return true
	})
	if tagged == 0 {
		t.Fatal("no form field found: the test reads the wrong files")
	}
}
