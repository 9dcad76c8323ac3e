package markup

import "testing"

func TestCountLinks(t *testing.T) {
	r := New()
	for _, c := range []struct {
		md   string
		want int
	}{
		{"Pas de lien.", 0},
		{"Voir https://exemple.fr et https://exemple.org.", 2},
		{"[le guide](https://exemple.fr/guide) et <https://exemple.org>", 2},
		{"![capture](https://img.exemple.fr/a.png)", 1},
		{"[![capture](https://img.exemple.fr/a.png)](https://exemple.fr)", 1},
		{"[ancre](#section) et [mail](mailto:a@exemple.fr)", 0},
		{"`https://exemple.fr` dans du code", 0},
	} {
		h, err := r.Render(c.md)
		if err != nil {
			t.Fatal(err)
		}
		if got := CountLinks(h); got != c.want {
			t.Errorf("%q: %d links, want %d (%s)", c.md, got, c.want, h)
		}
	}
}
