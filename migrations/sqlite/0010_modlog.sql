-- +goose Up
-- The moderation log and suspensions (issues 13 and 14), shared by the
-- moderators' actions and the rules engine. The log is append-only: every
-- action, manual or automatic, adds a row; the database itself refuses to
-- change or remove one, whatever route or tool asks.
CREATE TABLE mod_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    -- NULL when the forum acted by itself (a rule, an auto-hide).
    actor_id   INTEGER REFERENCES users (id),
    action     TEXT NOT NULL,
    -- The person acted upon or concerned, and what: any may be NULL.
    user_id    INTEGER REFERENCES users (id),
    thread_id  INTEGER REFERENCES threads (id),
    post_id    INTEGER REFERENCES posts (id),
    reason     TEXT NOT NULL DEFAULT '',
    -- What the action needs to be read later (the rule's name, the old
    -- title, the target thread), as short text.
    detail     TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX mod_log_created ON mod_log (created_at DESC, id DESC);
CREATE INDEX mod_log_actor ON mod_log (actor_id, created_at DESC);
CREATE INDEX mod_log_user ON mod_log (user_id, created_at DESC);
CREATE INDEX mod_log_action ON mod_log (action, created_at DESC);

-- +goose StatementBegin
CREATE TRIGGER mod_log_no_update BEFORE UPDATE ON mod_log
BEGIN
    SELECT RAISE(ABORT, 'mod_log is append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mod_log_no_delete BEFORE DELETE ON mod_log
BEGIN
    SELECT RAISE(ABORT, 'mod_log is append-only');
END;
-- +goose StatementEnd

-- A suspended member reads but cannot write or thank until suspended_until;
-- the reason is shown to them.
ALTER TABLE users ADD COLUMN suspended_until TIMESTAMP;
ALTER TABLE users ADD COLUMN suspension_reason TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN suspension_reason;
ALTER TABLE users DROP COLUMN suspended_until;
DROP TABLE mod_log;
