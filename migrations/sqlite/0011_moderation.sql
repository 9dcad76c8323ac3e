-- +goose Up
-- Moderation (issue 13): a thread's status as moderators set it, posts
-- hidden by them, and members' flags.
--
-- A closed thread takes no new replies; a duplicate is closed onto its
-- canonical thread (duplicate_of, always a thread that is not itself a
-- duplicate: chains are followed when closing, so they stay one step).
ALTER TABLE threads ADD COLUMN closed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE threads ADD COLUMN duplicate_of INTEGER REFERENCES threads (id);
-- The asker's answer to the closing: 'yes' (it answers my question: the
-- reminders end), 'no' (mine differs: the moderators review it) or ''.
ALTER TABLE threads ADD COLUMN duplicate_answer TEXT NOT NULL DEFAULT '';
CREATE INDEX threads_duplicates ON threads (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- A hidden post shows to others as "masqué par les modérateurs"; its author
-- and moderators still read it, with the reason. hidden_by is NULL when the
-- forum hid it by itself (enough flags).
ALTER TABLE posts ADD COLUMN hidden_at TIMESTAMP;
ALTER TABLE posts ADD COLUMN hidden_by INTEGER REFERENCES users (id);
ALTER TABLE posts ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';

-- One flag per person and post; resolved when a moderator decided.
CREATE TABLE flags (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id     INTEGER NOT NULL REFERENCES posts (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL,
    sentence    TEXT NOT NULL DEFAULT '',
    -- For a duplicate flag: the thread proposed as the canonical one.
    proposed_id INTEGER REFERENCES threads (id),
    created_at  TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by INTEGER REFERENCES users (id),
    UNIQUE (post_id, user_id)
);
CREATE INDEX flags_pending ON flags (post_id, created_at) WHERE resolved_at IS NULL;

-- +goose Down
DROP TABLE flags;
ALTER TABLE posts DROP COLUMN hidden_reason;
ALTER TABLE posts DROP COLUMN hidden_by;
ALTER TABLE posts DROP COLUMN hidden_at;
DROP INDEX threads_duplicates;
ALTER TABLE threads DROP COLUMN duplicate_answer;
ALTER TABLE threads DROP COLUMN duplicate_of;
ALTER TABLE threads DROP COLUMN closed;
