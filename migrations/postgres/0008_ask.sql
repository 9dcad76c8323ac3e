-- +goose Up
-- One row per pass through the ask flow (/ask): the sentence, the threads
-- shown and opened, and how it ended. user_id is NULL for a visitor, whose
-- address is never stored. Thread ids are kept as space-separated lists:
-- they are only read back whole, for the session or the moderators' figures.
CREATE TABLE ask_sessions (
    id              BIGSERIAL PRIMARY KEY,
    token           TEXT NOT NULL UNIQUE,
    user_id         BIGINT REFERENCES users (id),
    query           TEXT NOT NULL,
    shown           TEXT NOT NULL DEFAULT '',
    opened          TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT 'open',
    thread_id       BIGINT REFERENCES threads (id),
    found_thread_id BIGINT REFERENCES threads (id),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    shown_at        TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ
);
CREATE INDEX ask_sessions_created ON ask_sessions (created_at);
CREATE INDEX ask_sessions_open ON ask_sessions (expires_at) WHERE outcome = 'open';

-- "Ce que j'ai déjà lu ou essayé", shown under the question.
ALTER TABLE threads ADD COLUMN tried TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE threads DROP COLUMN tried;
DROP TABLE ask_sessions;
