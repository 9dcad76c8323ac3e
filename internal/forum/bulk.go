package forum

// MakeSlug is the address slug the forum stores for a thread title, for bulk
// loaders that write threads beside the service.
func MakeSlug(title string) string { return makeSlug(title) }
