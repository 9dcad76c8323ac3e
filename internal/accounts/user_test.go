package accounts

import (
	"reflect"
	"strings"
	"testing"

	"gorm.io/gorm/schema"
)

// TestUserColumnsAreTheModel fails when a field is added to User without
// its column in the hand-scanned lookup: it would stay empty for the
// session's member.
func TestUserColumnsAreTheModel(t *testing.T) {
	var u User
	v := reflect.ValueOf(&u).Elem()
	var want []string
	for i := range v.NumField() {
		f := v.Type().Field(i)
		col := schema.NamingStrategy{}.ColumnName("", f.Name)
		if tag, ok := f.Tag.Lookup("gorm"); ok && strings.HasPrefix(tag, "column:") {
			col = strings.TrimPrefix(tag, "column:")
		}
		want = append(want, col)
	}
	if got := strings.Split(userColumns, ", "); !reflect.DeepEqual(got, want) {
		t.Fatalf("columns %q, fields %q", got, want)
	}
	dest := u.fields()
	if len(dest) != v.NumField() {
		t.Fatalf("%d destinations for %d fields", len(dest), v.NumField())
	}
	for i, d := range dest {
		dv := reflect.ValueOf(d)
		if dv.Kind() == reflect.Struct {
			dv = dv.Field(0)
		}
		if dv.Pointer() != v.Field(i).Addr().Pointer() {
			t.Errorf("destination %d is not field %s", i, want[i])
		}
	}
}
