-- +goose Up
-- One row per visible post. The words themselves live only in search_fts,
-- as the tokens of internal/search's analyzer (the same ones PostgreSQL
-- indexes), so both databases match alike.
CREATE TABLE search_docs (
    post_id    INTEGER PRIMARY KEY,
    thread_id  INTEGER NOT NULL,
    author_id  INTEGER NOT NULL,
    first_post BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX search_docs_thread ON search_docs (thread_id);

-- rowid = post_id. Contentless: the analyzed text is not stored twice.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='ascii');

-- +goose Down
DROP TABLE search_fts;
DROP TABLE search_docs;
