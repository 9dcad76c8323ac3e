// Package config reads Entraide's settings from the environment and the
// command line once, validates them, and hands them around explicitly.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
)

// Config is the validated configuration of one Entraide process.
type Config struct {
	Addr           string       // ENTRAIDE_ADDR, -addr
	DataDir        string       // ENTRAIDE_DATA_DIR, -data-dir
	DatabaseURL    string       // DATABASE_URL, -database-url; empty means SQLite in DataDir
	SessionSecret  string       // ENTRAIDE_SESSION_SECRET; empty means generated once into the database
	Locale         string       // ENTRAIDE_LOCALE, -locale
	BaseURL        string       // ENTRAIDE_BASE_URL, -base-url
	TrustedProxies []*net.IPNet // ENTRAIDE_TRUSTED_PROXIES, -trusted-proxies
}

// Secure reports whether the forum is served over https, so cookies must be
// marked Secure.
func (c Config) Secure() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// UsesPostgres reports whether DatabaseURL points at PostgreSQL.
func (c Config) UsesPostgres() bool { return c.DatabaseURL != "" }

// Load builds the configuration from the environment, then lets flags in args
// override it. getenv is os.Getenv outside tests.
func Load(args []string, getenv func(string) string) (Config, error) {
	fs := flag.NewFlagSet("entraide", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	cfg := Config{}
	fs.StringVar(&cfg.Addr, "addr", orDefault(getenv("ENTRAIDE_ADDR"), "127.0.0.1:8080"), "address to listen on")
	fs.StringVar(&cfg.DataDir, "data-dir", orDefault(getenv("ENTRAIDE_DATA_DIR"), "./data"), "folder for the SQLite database")
	fs.StringVar(&cfg.DatabaseURL, "database-url", getenv("DATABASE_URL"), "postgres://… to use PostgreSQL")
	fs.StringVar(&cfg.Locale, "locale", orDefault(getenv("ENTRAIDE_LOCALE"), "fr"), "default interface language (fr or en)")
	fs.StringVar(&cfg.BaseURL, "base-url", getenv("ENTRAIDE_BASE_URL"), "public address of the forum, e.g. https://forum.example")
	proxies := fs.String("trusted-proxies", getenv("ENTRAIDE_TRUSTED_PROXIES"), "comma-separated CIDR ranges whose X-Forwarded-For is believed")
	cfg.SessionSecret = getenv("ENTRAIDE_SESSION_SECRET")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	var err error
	if cfg.TrustedProxies, err = parseCIDRs(*proxies); err != nil {
		return Config{}, err
	}
	return cfg, cfg.validate()
}

func (c Config) validate() error {
	var problems []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		problems = append(problems, fmt.Errorf("ENTRAIDE_ADDR %q is not host:port", c.Addr))
	}
	if c.Locale != "fr" && c.Locale != "en" {
		problems = append(problems, fmt.Errorf("ENTRAIDE_LOCALE must be fr or en, not %q", c.Locale))
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			problems = append(problems, fmt.Errorf("ENTRAIDE_BASE_URL %q is not an http(s) address", c.BaseURL))
		}
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		problems = append(problems, errors.New("DATABASE_URL must start with postgres:// (leave it empty for SQLite)"))
	}
	if c.SessionSecret != "" && len(c.SessionSecret) < 32 {
		problems = append(problems, errors.New("ENTRAIDE_SESSION_SECRET must be at least 32 characters"))
	}
	return errors.Join(problems...)
}

func parseCIDRs(list string) ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if !strings.Contains(item, "/") {
			if ip := net.ParseIP(item); ip != nil && ip.To4() != nil {
				item += "/32"
			} else {
				item += "/128"
			}
		}
		_, n, err := net.ParseCIDR(item)
		if err != nil {
			return nil, fmt.Errorf("ENTRAIDE_TRUSTED_PROXIES: %q is not an address range", item)
		}
		nets = append(nets, n)
	}
	return nets, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
