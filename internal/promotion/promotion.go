// Package promotion makes a newcomer a member automatically when the
// promotion rule holds (an account old enough, enough visible replies,
// enough thank-yous received, no suspension). The forum asks it after each
// post and each thank-you, inside that write's transaction; the promotion,
// its line in the moderation log and the notification telling the person
// are written there too. The person stays logged in.
package promotion

import (
	"context"
	"fmt"
	"time"

	"entraide/internal/accounts"
	"entraide/internal/modlog"
	"entraide/internal/notify"
	"entraide/internal/rules"
)

// Promoted is the moderation log's action for an automatic promotion.
const Promoted modlog.Action = "auto_promoted"

// KindPromoted is the notification that tells the person.
const KindPromoted notify.Kind = "promoted"

// Deps is what the promoter reads and writes through.
type Deps struct {
	Accounts *accounts.Service
	Rules    *rules.Book
	Log      *modlog.Log
	Notify   *notify.Service
	Now      func() time.Time
}

// Promoter applies the rule (forum.Promoter).
type Promoter struct{ d Deps }

// New returns the promoter.
func New(d Deps) *Promoter { return &Promoter{d: d} }

// Consider promotes userID if the rule holds, in the transaction ctx
// carries. Members and above are left alone by the statement itself.
func (p *Promoter) Consider(ctx context.Context, userID int64) error {
	v, err := p.d.Rules.Values(ctx)
	if err != nil || !v.On(rules.AutoPromotion) {
		return err
	}
	now := p.d.Now()
	days, replies, thanks := v.Int(rules.PromotionDays), v.Int(rules.PromotionReplies), v.Int(rules.PromotionThanks)
	ok, err := p.d.Accounts.PromoteIf(ctx, userID, accounts.Promotion{
		Since: now.Add(-time.Duration(days) * 24 * time.Hour), MinReplies: replies, MinThanks: thanks}, now)
	if err != nil || !ok {
		return err
	}
	if err := p.d.Log.Record(ctx, modlog.Entry{Action: Promoted, UserID: userID, Reason: rules.AutoPromotion,
		Detail: fmt.Sprintf("%dd/%d/%d", days, replies, thanks)}); err != nil {
		return err
	}
	return p.d.Notify.Send(ctx, notify.Note{RecipientID: userID, Kind: KindPromoted, Subject: "role:member", Link: "/rules"})
}
