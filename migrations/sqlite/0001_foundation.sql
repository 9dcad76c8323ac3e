-- +goose Up
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT NOT NULL,
    username_key    TEXT NOT NULL UNIQUE,
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL DEFAULT 'newcomer',
    display_name    TEXT NOT NULL DEFAULT '',
    bio             TEXT NOT NULL DEFAULT '',
    locale          TEXT NOT NULL DEFAULT '',
    session_version INTEGER NOT NULL DEFAULT 1,
    thread_count    INTEGER NOT NULL DEFAULT 0,
    reply_count     INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE login_failures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    username_key TEXT NOT NULL,
    ip           TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username_key, created_at);
CREATE INDEX login_failures_ip ON login_failures (ip, created_at);

CREATE TABLE sections (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    is_newcomers BOOLEAN NOT NULL DEFAULT FALSE,
    archived     BOOLEAN NOT NULL DEFAULT FALSE,
    read_role    TEXT NOT NULL DEFAULT 'visitor',
    thread_count INTEGER NOT NULL DEFAULT 0,
    post_count   INTEGER NOT NULL DEFAULT 0,
    last_post_at TIMESTAMP,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
-- Exactly one newcomers' section: the ask flow files questions there.
CREATE UNIQUE INDEX sections_one_newcomers ON sections (is_newcomers) WHERE is_newcomers;

CREATE TABLE threads (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    section_id     INTEGER NOT NULL REFERENCES sections (id),
    author_id      INTEGER NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    slug           TEXT NOT NULL,
    pinned         BOOLEAN NOT NULL DEFAULT FALSE,
    locked         BOOLEAN NOT NULL DEFAULT FALSE,
    post_seq       INTEGER NOT NULL DEFAULT 0,
    reply_count    INTEGER NOT NULL DEFAULT 0,
    last_post_at   TIMESTAMP NOT NULL,
    last_author_id INTEGER NOT NULL REFERENCES users (id),
    deleted_at     TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX threads_section_activity ON threads (section_id, pinned DESC, last_post_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX threads_activity ON threads (last_post_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX threads_author ON threads (author_id, created_at DESC);

CREATE TABLE posts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id   INTEGER NOT NULL REFERENCES threads (id),
    author_id   INTEGER NOT NULL REFERENCES users (id),
    position    INTEGER NOT NULL,
    body        TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    edit_count  INTEGER NOT NULL DEFAULT 0,
    edited_at   TIMESTAMP,
    deleted_at  TIMESTAMP,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (thread_id, position)
);
CREATE INDEX posts_author ON posts (author_id, created_at DESC);

CREATE TABLE post_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    editor_id  INTEGER NOT NULL REFERENCES users (id),
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);

-- +goose Down
DROP TABLE post_revisions;
DROP TABLE posts;
DROP TABLE threads;
DROP TABLE sections;
DROP TABLE login_failures;
DROP TABLE users;
DROP TABLE settings;
