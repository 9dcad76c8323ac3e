-- +goose Up
-- The similar-threads finder's own index: one document per live thread, its
-- title and the first words of its opening post (100,000 rows where
-- search_docs has a million), and how many threads hold each token, so a
-- draft's rare words can drive the lookup (internal/search/similar.go).
-- The row with token '' counts the documents.
CREATE TABLE similar_docs (
    thread_id INTEGER PRIMARY KEY,
    tokens    TEXT NOT NULL
);
CREATE VIRTUAL TABLE similar_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='ascii');
CREATE TABLE similar_terms (
    token   TEXT PRIMARY KEY,
    threads INTEGER NOT NULL
) WITHOUT ROWID;

-- +goose Down
DROP TABLE similar_terms;
DROP TABLE similar_fts;
DROP TABLE similar_docs;
