// Package settings stores site-wide values in the database, so that every
// instance sharing it reads the same ones (the generated session key first).
package settings

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"entraide/internal/db"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type setting struct {
	Key       string `gorm:"primaryKey"`
	Value     string
	UpdatedAt time.Time
}

func (setting) TableName() string { return "settings" }

// Store reads and writes settings.
type Store struct {
	db    *db.DB
	cache siteCache
}

// New returns a Store on d.
func New(d *db.DB) *Store { return &Store{db: d, cache: siteCache{ttl: siteCacheFor}} }

// Get returns the value of key, or ok=false when it was never set.
func (s *Store) Get(ctx context.Context, key string) (value string, ok bool, err error) {
	var row setting
	err = s.db.Conn(ctx).Where("key = ?", key).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("settings: get %s: %w", key, err)
	}
	return row.Value, true, nil
}

// Set stores value under key.
func (s *Store) Set(ctx context.Context, key, value string) error {
	row := setting{Key: key, Value: value, UpdatedAt: time.Now().UTC()}
	err := s.db.Conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("settings: set %s: %w", key, err)
	}
	return nil
}

// Secret returns the random hex secret stored under key, creating it on first
// use. Two instances starting together agree: the first insert wins and the
// loser reads it back.
func (s *Store) Secret(ctx context.Context, key string, bytes int) (string, error) {
	if v, ok, err := s.Get(ctx, key); err != nil || ok {
		return v, err
	}
	buf := make([]byte, bytes)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	row := setting{Key: key, Value: hex.EncodeToString(buf), UpdatedAt: time.Now().UTC()}
	if err := s.db.Conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return "", fmt.Errorf("settings: create secret: %w", err)
	}
	v, _, err := s.Get(ctx, key)
	return v, err
}
