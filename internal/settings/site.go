package settings

import (
	"context"
	"strconv"
	"sync"
	"time"

	"entraide/internal/errs"
)

// Site is what an admin sets for the whole forum on /admin/settings.
type Site struct {
	// RegistrationsPerAddress is how many accounts one address may open in
	// an hour; 0 is no limit.
	RegistrationsPerAddress int
	// RegistrationsPerHour is how many accounts the whole forum accepts in
	// an hour, a brake on a flood from many addresses; 0 is no limit.
	RegistrationsPerHour int
	// ExternalImages is "show" (posts show images from other https
	// servers) or "link" (they become links: the reader's browser asks
	// nothing of another server until the reader follows one).
	ExternalImages string
}

// The values ExternalImages takes.
const (
	ImagesShow = "show"
	ImagesLink = "link"
)

// DefaultSite is what a new forum starts with.
var DefaultSite = Site{RegistrationsPerAddress: 5, RegistrationsPerHour: 100, ExternalImages: ImagesShow}

// MaxRegistrationLimit bounds the registration limits an admin may type.
const MaxRegistrationLimit = 100000

// siteCacheFor is how long an instance keeps the site settings it read:
// pages read them (the image choice) without a query each, and a change
// made on another instance shows within a second.
const siteCacheFor = time.Second

type siteCache struct {
	mu   sync.Mutex
	site Site
	at   time.Time
	ttl  time.Duration
}

// SetSiteTTL changes how long the site settings are kept (tests that count
// statements set 0: read on every use).
func (s *Store) SetSiteTTL(d time.Duration) {
	s.cache.mu.Lock()
	s.cache.ttl, s.cache.at = d, time.Time{}
	s.cache.mu.Unlock()
}

const (
	keyRegistrationsPerAddress = "registrations_per_address"
	keyRegistrationsPerHour    = "registrations_per_hour"
	keyExternalImages          = "external_images"
)

// Site returns the site settings, defaults for those never set.
func (s *Store) Site(ctx context.Context) (Site, error) {
	s.cache.mu.Lock()
	if !s.cache.at.IsZero() && time.Since(s.cache.at) < s.cache.ttl {
		site := s.cache.site
		s.cache.mu.Unlock()
		return site, nil
	}
	s.cache.mu.Unlock()
	var rows []setting
	err := s.db.Conn(ctx).Where("key IN ?", []string{keyRegistrationsPerAddress, keyRegistrationsPerHour, keyExternalImages}).Find(&rows).Error
	if err != nil {
		return Site{}, err
	}
	site := DefaultSite
	for _, r := range rows {
		switch r.Key {
		case keyRegistrationsPerAddress:
			site.RegistrationsPerAddress = atoiOr(r.Value, site.RegistrationsPerAddress)
		case keyRegistrationsPerHour:
			site.RegistrationsPerHour = atoiOr(r.Value, site.RegistrationsPerHour)
		case keyExternalImages:
			if r.Value == ImagesLink || r.Value == ImagesShow {
				site.ExternalImages = r.Value
			}
		}
	}
	s.cache.mu.Lock()
	s.cache.site, s.cache.at = site, time.Now()
	s.cache.mu.Unlock()
	return site, nil
}

// SetSite checks and stores the site settings. Problems come back as
// errs.Invalid, nothing stored then.
func (s *Store) SetSite(ctx context.Context, site Site) error {
	bad := errs.Invalid{}
	if site.RegistrationsPerAddress < 0 || site.RegistrationsPerAddress > MaxRegistrationLimit {
		bad.Add("registrations_per_address", "settings.limit_range")
	}
	if site.RegistrationsPerHour < 0 || site.RegistrationsPerHour > MaxRegistrationLimit {
		bad.Add("registrations_per_hour", "settings.limit_range")
	}
	if site.ExternalImages != ImagesShow && site.ExternalImages != ImagesLink {
		bad.Add("external_images", "settings.images_invalid")
	}
	if err := bad.Err(); err != nil {
		return err
	}
	// One transaction: an outage half-way leaves the old settings whole.
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		for key, value := range map[string]string{keyRegistrationsPerAddress: strconv.Itoa(site.RegistrationsPerAddress),
			keyRegistrationsPerHour: strconv.Itoa(site.RegistrationsPerHour), keyExternalImages: site.ExternalImages} {
			if err := s.Set(ctx, key, value); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.cache.mu.Lock()
	s.cache.at = time.Time{}
	s.cache.mu.Unlock()
	return nil
}

func atoiOr(v string, def int) int {
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return n
	}
	return def
}
