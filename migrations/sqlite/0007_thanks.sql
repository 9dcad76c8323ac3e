-- +goose Up
-- Thank-yous, solutions and notifications (issue 11). The counts the hot
-- pages show are counters kept in the same transaction as the rows they
-- count: a post's thank-yous, a member's received and given thank-yous and
-- solutions, a member's unread notifications (read with the member on every
-- page, so the header's bell costs no statement).
ALTER TABLE posts ADD COLUMN thank_count INTEGER NOT NULL DEFAULT 0;
-- No REFERENCES here: SQLite cannot drop a column that carries one.
ALTER TABLE threads ADD COLUMN solution_post_id INTEGER;
ALTER TABLE users ADD COLUMN thanks_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN thanks_given INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN solution_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN unread_notifications INTEGER NOT NULL DEFAULT 0;

-- One thank-you per person per post: the key itself refuses a second one,
-- however many clicks arrive at once.
CREATE TABLE thanks (
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX thanks_user ON thanks (user_id, post_id);

-- The asker's private "ne m'a pas aidé": it only ends the reminder.
CREATE TABLE not_helpful (
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

-- A notification says what happened (kind) about what (subject, e.g.
-- "post:12"), where to look (link) and under which title, so that new kinds
-- need no new column. Several of one kind about one subject group into the
-- unread one (actor_count); mailed_at is for a later mailer.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id INTEGER NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    link         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    actor_id     INTEGER REFERENCES users (id),
    post_id      INTEGER REFERENCES posts (id),
    actor_count  INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMP NOT NULL,
    read_at      TIMESTAMP,
    mailed_at    TIMESTAMP
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX notifications_one_unread_group ON notifications (recipient_id, kind, subject) WHERE read_at IS NULL;

-- +goose Down
DROP TABLE notifications;
DROP TABLE not_helpful;
DROP TABLE thanks;
ALTER TABLE users DROP COLUMN unread_notifications;
ALTER TABLE users DROP COLUMN solution_count;
ALTER TABLE users DROP COLUMN thanks_given;
ALTER TABLE users DROP COLUMN thanks_received;
ALTER TABLE threads DROP COLUMN solution_post_id;
ALTER TABLE posts DROP COLUMN thank_count;
