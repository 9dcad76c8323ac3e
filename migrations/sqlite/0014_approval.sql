-- +goose Up
-- The approval queue (issue 14): a post that must wait (a newcomer's first
-- posts, a watched word set to "queue") is kept here, not in posts, until
-- a moderator decides. Threads, posts, counters and the search index are
-- written only on approval, through the forum's publish path: the lists
-- and their partial indexes never see a waiting post. thread_id is the
-- thread replied to (NULL: the post opens a thread in section_id).
CREATE TABLE pending_posts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id       INTEGER NOT NULL REFERENCES users (id),
    thread_id       INTEGER REFERENCES threads (id),
    section_id      INTEGER NOT NULL REFERENCES sections (id),
    title           TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    tried           TEXT NOT NULL DEFAULT '',
    -- The rule that held it, and what matched (a watched word).
    rule            TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    -- pending, approved or rejected.
    status          TEXT NOT NULL DEFAULT 'pending',
    decision_reason TEXT NOT NULL DEFAULT '',
    decided_by      INTEGER REFERENCES users (id),
    decided_at      TIMESTAMP,
    -- The post written on approval.
    post_id         INTEGER REFERENCES posts (id),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX pending_posts_waiting ON pending_posts (created_at, id) WHERE status = 'pending';
CREATE INDEX pending_posts_author ON pending_posts (author_id, thread_id);
-- How many of a member's posts are held or rejected (not published): the
-- thread page looks for them only when there are some, at no statement
-- for everyone else. Kept in the transaction of the rows it counts.
ALTER TABLE users ADD COLUMN held_posts INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE users DROP COLUMN held_posts;
DROP TABLE pending_posts;
