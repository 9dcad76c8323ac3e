package browsertest

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"entraide/internal/accounts"
	"entraide/internal/approval"
	"entraide/internal/errs"
	"entraide/internal/forum"
	"entraide/internal/rules"
	"entraide/internal/testkit"
)

// TestHostileRejectionReasonsStayInert rejects a held post with every
// hostile input of the project's list as the reason (one through the
// moderator's form) and loads what the author reads: the held post with
// the reason, and the notifications.
func TestHostileRejectionReasonsStayInert(t *testing.T) {
	srv := testkit.NewServer(t)
	ctx := context.Background()
	_, mod := srv.NewUser(accounts.Moderator)
	_, author := srv.NewUser(accounts.Newcomer)
	sec, err := srv.App.Forum.SectionBySlug(ctx, author, "entre-nous")
	if err != nil {
		t.Fatal(err)
	}
	hold := func(i int) int64 {
		id, err := srv.App.Approval.Hold(ctx, author, forum.Draft{OpensThread: true, SectionID: sec.ID,
			Title: "Une question retenue n° " + strconv.Itoa(i), Body: "Le texte de la question.", Hold: rules.ApprovalFirstPosts}, "")
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	var ids []int64
	for i, h := range hostileInputs {
		id := hold(i)
		_, err := srv.App.Approval.Reject(ctx, mod, id, cut(h, approval.MaxReason))
		if _, invalid := errs.AsInvalid(err); invalid {
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", h, err)
		}
		ids = append(ids, id)
	}
	if len(ids) < len(hostileInputs)/2 {
		t.Fatalf("only %d hostile reasons were accepted", len(ids))
	}
	// Through the form, the first hostile input.
	formID := hold(-1)
	tab := browser.Tab(t, srv)
	tab.Login(mod.Username, testkit.Password)
	if status := tab.Go("/mod/queue?id=" + strconv.FormatInt(formID, 10)); status != http.StatusOK {
		t.Fatalf("/mod/queue: %d", status)
	}
	tab.Fill(`#field-reason`, hostileInputs[0])
	if status := tab.Submit(`.queue-focus form[action$="/reject"] button`); status != http.StatusOK {
		t.Fatalf("reject through the form: %d at %s", status, tab.Path())
	}
	expectInert(t, tab, "/mod/queue after a hostile rejection")
	tab.Logout()
	ids = append(ids, formID)

	tab.Login(author.Username, testkit.Password)
	for _, id := range ids {
		path := "/pending/" + strconv.FormatInt(id, 10)
		if status := tab.Go(path); status != http.StatusOK {
			t.Fatalf("%s: %d", path, status)
		}
		expectInert(t, tab, path)
	}
	tab.Go("/notifications")
	expectInert(t, tab, "/notifications")
}
