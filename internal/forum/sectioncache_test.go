package forum

import (
	"context"
	"testing"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/db"
	"entraide/internal/markup"
	"entraide/internal/testkit/testdb"
)

type plainText struct{}

func (plainText) Render(md string) (markup.HTML, error) {
	return markup.HTML("<p>" + md + "</p>\n"), nil
}

func TestSectionListIsReadOnceASecondAndWritesEndTheCache(t *testing.T) {
	ctx := context.Background()
	d := testdb.NewDB(t)
	s := New(d, accounts.New(d), plainText{}, nil)
	counter := db.CountStatements(d)
	for range 3 {
		if _, err := s.Sections(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := counter.Count(); n != 1 {
		t.Fatalf("three lists took %d queries, want 1", n)
	}
	// A write through this service shows at once: the counters moved.
	u := &accounts.User{Username: "anne", UsernameKey: "anne", Email: "a@exemple.fr", EmailKey: "a@exemple.fr",
		PasswordHash: "x", Role: accounts.Member, SessionVersion: 1, CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := d.Create(u).Error; err != nil {
		t.Fatal(err)
	}
	before, _ := s.Sections(ctx, nil)
	if _, err := s.CreateThread(ctx, u, NewThread{SectionID: before[1].ID, Title: "Un sujet pour le cache", Body: "Texte"}); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Sections(ctx, nil)
	if after[1].ThreadCount != before[1].ThreadCount+1 {
		t.Fatalf("thread count %d after a new thread, was %d", after[1].ThreadCount, before[1].ThreadCount)
	}
	// A change made elsewhere (another instance) shows within the TTL.
	s.SetSectionsTTL(50 * time.Millisecond)
	if err := d.Exec("UPDATE sections SET name = 'Renommée ailleurs' WHERE id = ?", after[1].ID).Error; err != nil {
		t.Fatal(err)
	}
	time.Sleep(60 * time.Millisecond)
	if now, _ := s.Sections(ctx, nil); now[1].Name != "Renommée ailleurs" {
		t.Fatalf("name %q after the TTL", now[1].Name)
	}
	// A read that raced a write is not kept.
	c := &sectionCache{ttl: time.Hour}
	_, gen, _ := c.get(time.Now())
	c.invalidate()
	c.put([]Section{{Name: "old"}}, gen, time.Now())
	if _, _, ok := c.get(time.Now()); ok {
		t.Fatal("a list read before a write was cached after it")
	}
}
