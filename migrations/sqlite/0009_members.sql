-- +goose Up
-- Members' profiles beyond the users row (which keeps display_name and bio,
-- the bio's Markdown), how each member accepts to be contacted, and canned
-- replies. No column holds a phone number: the forum never stores one.

-- The specialties a member picks from, kept by admins.
CREATE TABLE specialties (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO specialties (name, name_key, position, created_at, updated_at) VALUES
('Juridique', 'juridique', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Médical', 'medical', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Commercial', 'commercial', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Transcription', 'transcription', 4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Comptabilité', 'comptabilite', 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Immobilier', 'immobilier', 6, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Ressources humaines', 'ressources humaines', 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Artisans et BTP', 'artisans et btp', 8, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- One row per member who saved their profile; a member without one is
-- reached "only through the forum", the default.
CREATE TABLE profiles (
    user_id           INTEGER PRIMARY KEY REFERENCES users (id),
    bio_html          TEXT NOT NULL DEFAULT '',
    specialties_other TEXT NOT NULL DEFAULT '',
    region            TEXT NOT NULL DEFAULT '',
    website           TEXT NOT NULL DEFAULT '',
    contact_mode      TEXT NOT NULL DEFAULT 'forum',
    contact_note      TEXT NOT NULL DEFAULT '',
    time_zone         TEXT NOT NULL DEFAULT 'Europe/Paris',
    updated_at        TIMESTAMP NOT NULL
);

CREATE TABLE profile_specialties (
    user_id      INTEGER NOT NULL REFERENCES users (id),
    specialty_id INTEGER NOT NULL REFERENCES specialties (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, specialty_id)
);
CREATE INDEX profile_specialties_specialty ON profile_specialties (specialty_id);

-- When a member who accepts phone appointments can be asked for one: a day
-- of the week (1 Monday … 7 Sunday) and minutes since midnight, in the
-- member's time zone.
CREATE TABLE availability_windows (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    CHECK (start_minute < end_minute)
);
CREATE INDEX availability_windows_user ON availability_windows (user_id, weekday, start_minute);

-- Canned replies: a member's own (owner_id) or the team's (owner_id NULL,
-- kept by moderators).
CREATE TABLE canned_replies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id   INTEGER REFERENCES users (id),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    use_count  INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX canned_replies_owner ON canned_replies (owner_id, position, id);

-- +goose Down
DROP TABLE canned_replies;
DROP TABLE availability_windows;
DROP TABLE profile_specialties;
DROP TABLE profiles;
DROP TABLE specialties;
