-- +goose Up
-- Throttles count in aggregate: one row per scope, key and window, not one
-- per attempt, so a flood of log-ins with random names cannot grow a table
-- without bound (it grew by a row per request). Times are Unix seconds, the
-- same on both databases. Rows past expires_at are deleted on every write.
CREATE TABLE throttle_counters (
    scope        TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX throttle_counters_expiry ON throttle_counters (expires_at);

DROP TABLE login_failures;

-- Look-alike names: the UTS #39 skeleton of each username, filled by the
-- accounts service (existing rows at start-up, see FillSkeletons).
ALTER TABLE users ADD COLUMN username_skeleton TEXT NOT NULL DEFAULT '';
CREATE INDEX users_username_skeleton ON users (username_skeleton);

-- +goose Down
DROP INDEX users_username_skeleton;
ALTER TABLE users DROP COLUMN username_skeleton;
CREATE TABLE login_failures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    username_key TEXT NOT NULL,
    ip           TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username_key, created_at);
CREATE INDEX login_failures_ip ON login_failures (ip, created_at);
DROP TABLE throttle_counters;
