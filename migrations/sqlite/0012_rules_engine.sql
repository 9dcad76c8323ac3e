-- +goose Up
-- Watched words (issue 14): words or phrases moderators watch for, with
-- "*" as a wildcard inside a word. Each blocks the post or masks the word.
-- The pattern is kept as typed and folded (accents and case removed), the
-- folded form being what posts are matched against and what must be
-- unique.
CREATE TABLE watched_words (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    pattern     TEXT NOT NULL,
    pattern_key TEXT NOT NULL UNIQUE,
    -- block or mask.
    action      TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id),
    created_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE watched_words;
