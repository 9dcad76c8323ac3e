-- +goose Up
-- One row per pass through the ask flow (/ask): the sentence, the threads
-- shown and opened, and how it ended. user_id is NULL for a visitor, whose
-- address is never stored. Thread ids are kept as space-separated lists:
-- they are only read back whole, for the session or the moderators' figures.
CREATE TABLE ask_sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    token           TEXT NOT NULL UNIQUE,
    user_id         INTEGER REFERENCES users (id),
    query           TEXT NOT NULL,
    shown           TEXT NOT NULL DEFAULT '',
    opened          TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT 'open',
    thread_id       INTEGER REFERENCES threads (id),
    found_thread_id INTEGER REFERENCES threads (id),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    shown_at        TIMESTAMP,
    ended_at        TIMESTAMP
);
CREATE INDEX ask_sessions_created ON ask_sessions (created_at);
CREATE INDEX ask_sessions_open ON ask_sessions (expires_at) WHERE outcome = 'open';

-- "Ce que j'ai déjà lu ou essayé", shown under the question.
ALTER TABLE threads ADD COLUMN tried TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE threads DROP COLUMN tried;
DROP TABLE ask_sessions;
