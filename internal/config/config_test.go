package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	cfg, err := Load(nil, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:8080" || cfg.DataDir != "./data" || cfg.Locale != "fr" || cfg.UsesPostgres() || cfg.Secure() {
		t.Fatalf("unexpected defaults: %+v", cfg)
	}
	if len(cfg.TrustedProxies) != 0 {
		t.Fatalf("no proxy must be trusted by default, got %v", cfg.TrustedProxies)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	cfg, err := Load([]string{"-addr", "0.0.0.0:9000", "-locale", "en"}, env(map[string]string{
		"ENTRAIDE_ADDR":            "127.0.0.1:1",
		"ENTRAIDE_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.1",
		"ENTRAIDE_BASE_URL":        "https://forum.example",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "0.0.0.0:9000" || cfg.Locale != "en" || !cfg.Secure() || len(cfg.TrustedProxies) != 2 {
		t.Fatalf("unexpected config: %+v", cfg)
	}
}

func TestLoadRejectsBadValues(t *testing.T) {
	cases := map[string]map[string]string{
		"addr":    {"ENTRAIDE_ADDR": "nonsense"},
		"locale":  {"ENTRAIDE_LOCALE": "de"},
		"baseurl": {"ENTRAIDE_BASE_URL": "ftp://x"},
		"db":      {"DATABASE_URL": "mysql://x"},
		"secret":  {"ENTRAIDE_SESSION_SECRET": "short"},
		"proxies": {"ENTRAIDE_TRUSTED_PROXIES": "10.0.0.0/99"},
	}
	for name, vars := range cases {
		if _, err := Load(nil, env(vars)); err == nil {
			t.Errorf("%s: expected an error for %v", name, vars)
		} else if strings.Contains(err.Error(), "short") && name != "secret" {
			t.Errorf("%s: error leaks the secret: %v", name, err)
		}
	}
}
