package forum

import (
	"reflect"
	"strings"
	"testing"

	"gorm.io/gorm/schema"
)

// TestScannedColumnsAreTheModels fails when a field is added to a model
// without its column in the hand-scanned reads: the field would silently
// stay empty on every page.
func TestScannedColumnsAreTheModels(t *testing.T) {
	naming := schema.NamingStrategy{}
	for _, m := range []struct {
		name    string
		model   any
		columns string
		fields  []any
		skip    string // a field filled from another column
	}{
		{"Thread", &Thread{}, threadColumns, nil, ""},
		{"Section", &Section{}, sectionColumns, nil, ""},
		{"Post", &Post{}, postColumns, nil, ""},
		{"Author", &Author{}, authorColumns, nil, "ID"},
	} {
		switch v := m.model.(type) {
		case *Thread:
			m.fields = v.fields()
		case *Section:
			m.fields = v.fields()
		case *Post:
			m.fields = v.fields()
		case *Author:
			m.fields = v.fields()
		}
		sv := reflect.ValueOf(m.model).Elem()
		var want []string
		var addrs []uintptr
		for i := range sv.NumField() {
			f := sv.Type().Field(i)
			if !f.IsExported() || f.Name == m.skip {
				continue
			}
			col := naming.ColumnName("", f.Name)
			if tag, ok := f.Tag.Lookup("gorm"); ok && strings.HasPrefix(tag, "column:") {
				col = strings.TrimPrefix(tag, "column:")
			}
			want = append(want, col)
			addrs = append(addrs, sv.Field(i).Addr().Pointer())
		}
		if got := strings.Split(m.columns, ", "); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: columns %q, fields %q", m.name, got, want)
			continue
		}
		if len(m.fields) != len(addrs) {
			t.Errorf("%s: %d scan destinations for %d fields", m.name, len(m.fields), len(addrs))
			continue
		}
		for i, d := range m.fields {
			dv := reflect.ValueOf(d)
			if dv.Kind() == reflect.Struct { // one of the *Dest wrappers
				dv = dv.Field(0)
			}
			if dv.Pointer() != addrs[i] {
				t.Errorf("%s: destination %d is not field %s", m.name, i, want[i])
			}
		}
	}
}
