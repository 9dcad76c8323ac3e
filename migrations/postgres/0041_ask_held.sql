-- +goose Up
-- A newcomer's question held for approval ends its ask session as posted,
-- pointing at the waiting post; approval adds the thread it publishes.
ALTER TABLE ask_sessions ADD COLUMN pending_id BIGINT REFERENCES pending_posts (id);
CREATE INDEX ask_sessions_pending ON ask_sessions (pending_id) WHERE pending_id IS NOT NULL;

-- +goose Down
DROP INDEX ask_sessions_pending;
ALTER TABLE ask_sessions DROP COLUMN pending_id;
