package db

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"gorm.io/gorm/schema"
)

// RowMap is a model's columns and scan destinations, derived once from the
// struct: adding a field to a model (and its column to the migrations) is
// enough for the hand-scanned reads to select and fill it. Columns are named
// as gorm names them (snake case, or the `gorm:"column:…"` tag); fields
// tagged `gorm:"-"` or listed in skip are left out.
//
// The destinations are the fast ones of scan.go, pointed at the fields by
// offset: a reflect.Value per field and row would cost more than the query
// on a page of thirty threads.
type RowMap[T any] struct {
	// Columns is the comma-separated column list, in field order.
	Columns string
	fields  []rowField
}

type rowField struct {
	offset uintptr
	dest   func(p unsafe.Pointer) any
}

// NewRowMap derives the map of T, a struct type. It panics on a field type
// it has no destination for: a programming error found at start-up.
func NewRowMap[T any](skip ...string) *RowMap[T] {
	typ := reflect.TypeFor[T]()
	naming := schema.NamingStrategy{}
	m := &RowMap[T]{}
	var names []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("gorm")
		if !f.IsExported() || tag == "-" || contains(skip, f.Name) {
			continue
		}
		name := naming.ColumnName("", f.Name)
		for part := range strings.SplitSeq(tag, ";") {
			if col, ok := strings.CutPrefix(part, "column:"); ok {
				name = col
			}
		}
		names = append(names, name)
		m.fields = append(m.fields, rowField{offset: f.Offset, dest: destFor(typ, f)})
	}
	m.Columns = strings.Join(names, ", ")
	return m
}

// Fields are the scan destinations of v's fields, in the order of Columns.
func (m *RowMap[T]) Fields(v *T) []any {
	base := unsafe.Pointer(v)
	out := make([]any, len(m.fields))
	for i, f := range m.fields {
		out[i] = f.dest(unsafe.Add(base, f.offset))
	}
	return out
}

// Prefixed is Columns with each column prefixed by a table alias.
func (m *RowMap[T]) Prefixed(alias string) string {
	return alias + "." + strings.ReplaceAll(m.Columns, ", ", ", "+alias+".")
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	timePtrType  = reflect.TypeFor[*time.Time]()
	int64PtrType = reflect.TypeFor[*int64]()
)

func destFor(model reflect.Type, f reflect.StructField) func(unsafe.Pointer) any {
	switch t := f.Type; {
	case t == timeType:
		return func(p unsafe.Pointer) any { return Time((*time.Time)(p)) }
	case t == timePtrType:
		return func(p unsafe.Pointer) any { return NullTime((**time.Time)(p)) }
	case t == int64PtrType:
		return func(p unsafe.Pointer) any { return NullInt64((**int64)(p)) }
	case t.Kind() == reflect.Int64 && t.PkgPath() == "":
		return func(p unsafe.Pointer) any { return (*int64)(p) }
	case t.Kind() == reflect.Int && t.PkgPath() == "":
		return func(p unsafe.Pointer) any { return Int((*int)(p)) }
	case t.Kind() == reflect.Bool && t.PkgPath() == "":
		return func(p unsafe.Pointer) any { return Bool((*bool)(p)) }
	case t.Kind() == reflect.String:
		// A named string type (a role, sanitised HTML) has string's layout.
		return func(p unsafe.Pointer) any { return textDest[string]{(*string)(p)} }
	}
	panic(fmt.Sprintf("db: no scan destination for %s.%s of type %s", model, f.Name, f.Type))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var _ sql.Scanner = textDest[string]{}
