package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Password length limits, in characters. Argon2id has no 72-byte cut-off
// like bcrypt, so long passphrases are welcome; the ceiling only keeps
// hashing cheap for the server.
const (
	MinPasswordLength = 10
	MaxPasswordLength = 256
)

// argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes), which
// costs about 30 ms here — affordable at log-in, costly for a guesser.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

//go:embed common_passwords.txt
var commonPasswordList string

var commonPasswords = func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[strings.ToLower(line)] = true
		}
	}
	return set
}()

// checkPassword returns the catalog key of what is wrong with password, or "".
func checkPassword(password, username, email string) string {
	n := utf8.RuneCountInString(password)
	lower := strings.ToLower(password)
	switch {
	case n < MinPasswordLength:
		return "accounts.password.too_short"
	case n > MaxPasswordLength:
		return "accounts.password.too_long"
	case commonPasswords[lower] || commonPasswords[strings.TrimRight(lower, "0123456789!?.")]:
		return "accounts.password.common"
	case containsLongPart(lower, username):
		return "accounts.password.contains_username"
	case containsLongPart(lower, strings.SplitN(email, "@", 2)[0]):
		return "accounts.password.contains_email"
	case onlyOneCharacter(password):
		return "accounts.password.common"
	}
	return ""
}

// containsLongPart reports whether password contains part (4+ characters),
// the username or the email's local part that a guesser tries first.
func containsLongPart(password, part string) bool {
	return utf8.RuneCountInString(part) >= 4 && strings.Contains(password, strings.ToLower(part))
}

func onlyOneCharacter(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) == ""
}

// hashPassword returns an encoded argon2id hash with a fresh salt.
func hashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

var errBadHash = errors.New("accounts: malformed password hash")

// verifyPassword compares password with an encoded hash in constant time,
// using the parameters stored with the hash so they can be raised later.
func verifyPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var memory, time uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &time, &threads); err != nil {
		return false, errBadHash
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false, errBadHash
	}
	got := argon2.IDKey([]byte(password), salt, time, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is verified against when the username does not exist, so that a
// failed log-in takes the same time either way and does not reveal accounts.
var dummyHash, _ = hashPassword("not a real password, only for timing")
