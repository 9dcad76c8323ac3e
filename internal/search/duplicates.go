package search

import (
	"entraide/internal/forum"

	"gorm.io/gorm"
)

// DuplicateChanged keeps search sending readers to the canonical thread
// (forum.DuplicateIndexer). A thread closed as a duplicate gives its
// visible posts' documents to its canonical thread, its title words
// included: a search for the duplicate's wording finds the canonical, and
// the duplicate no longer shows on its own. Its title and similar-threads
// documents go, so the similar-threads finder never proposes it. Reopened
// (canonical nil), it is indexed as itself again.
func (ix *Index) DuplicateChanged(tx *gorm.DB, t *forum.Thread, canonical *int64) error {
	var posts []forum.Post
	if err := tx.Where("thread_id = ? AND deleted_at IS NULL AND hidden_at IS NULL", t.ID).Find(&posts).Error; err != nil {
		return err
	}
	own := *t
	own.DuplicateOf = canonical
	if canonical != nil {
		if err := tx.Exec("DELETE FROM search_titles WHERE thread_id = ?", t.ID).Error; err != nil {
			return err
		}
		if err := ix.removeSimilar(tx, t.ID); err != nil {
			return err
		}
		// The duplicates closed onto t follow it to its canonical.
		if err := tx.Exec("UPDATE search_docs SET thread_id = ? WHERE thread_id = ?", *canonical, t.ID).Error; err != nil {
			return err
		}
	}
	for i := range posts {
		if err := ix.PostSaved(tx, &own, &posts[i]); err != nil {
			return err
		}
	}
	return nil
}

// docThread is the thread a post's document belongs to: its canonical
// thread for a duplicate's posts.
func docThread(t *forum.Thread) (id int64, own bool) {
	if t.DuplicateOf != nil {
		return *t.DuplicateOf, false
	}
	return t.ID, true
}
