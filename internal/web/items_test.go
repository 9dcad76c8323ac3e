package web

import (
	"reflect"
	"testing"

	"entraide/internal/forum"
)

// TestItemsHaveEveryField fails when a field or method is added to a forum
// view without its copy in the flattened item the templates read: the
// template using it would fail to render.
func TestItemsHaveEveryField(t *testing.T) {
	for _, c := range []struct {
		view, item any
	}{{forum.PostView{}, postItem{}}, {forum.ThreadSummary{}, threadItem{}}} {
		vt, it := reflect.TypeOf(c.view), reflect.TypeOf(c.item)
		for _, f := range reflect.VisibleFields(vt) {
			if f.Anonymous || !f.IsExported() {
				continue
			}
			got, ok := it.FieldByName(f.Name)
			if !ok || got.Type != f.Type {
				t.Errorf("%s has %s %s; %s lacks it", vt, f.Name, f.Type, it)
			}
		}
		for _, recv := range []reflect.Type{vt, reflect.PointerTo(vt)} {
			for i := range recv.NumMethod() {
				m := recv.Method(i)
				if _, ok := reflect.PointerTo(it).MethodByName(m.Name); !ok {
					t.Errorf("%s has method %s; %s lacks it", recv, m.Name, it)
				}
			}
		}
	}
	// Filled from the view, field by field.
	v := forum.PostView{Post: forum.Post{ID: 1, ThreadID: 2, AuthorID: 3, Position: 4, Body: "b", BodyHTML: "h", EditCount: 5}, Author: forum.Author{ID: 3, Username: "u"}}
	if got := postItems([]forum.PostView{v})[0]; got.ID != 1 || got.ThreadID != 2 || got.Position != 4 || got.BodyHTML != "h" || got.EditCount != 5 || got.Author.Username != "u" || *got.post() != v.Post {
		t.Errorf("postItems: %+v", got)
	}
	s := forum.ThreadSummary{Thread: forum.Thread{ID: 1, Title: "t", PostSeq: 45, ReplyCount: 44}, SectionSlug: "s", LastAuthor: forum.Author{Username: "l"}}
	if got := threadItems([]forum.ThreadSummary{s})[0]; got.ID != 1 || got.Title != "t" || got.ReplyCount != 44 || got.SectionSlug != "s" || got.LastAuthor.Username != "l" || got.Pages() != 3 {
		t.Errorf("threadItems: %+v", got)
	}
}
