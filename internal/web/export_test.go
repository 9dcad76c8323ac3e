package web

// SessionKeys and SessionCodec let the external tests write and read a
// session cookie as an older or the current build does.
var SessionKeys = sessionKeys

type SessionCodec = sessionCodec
