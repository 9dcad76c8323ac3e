-- +goose Up
-- The similar-threads finder's own index: one document per live thread, its
-- title (weight A) and the first words of its opening post (B) — 100,000
-- rows where search_docs has a million — and how many threads hold each
-- token, so a draft's rare words can drive the lookup
-- (internal/search/similar.go). The row with token '' counts the documents.
CREATE TABLE similar_docs (
    thread_id BIGINT PRIMARY KEY,
    tokens    TEXT NOT NULL,
    document  TSVECTOR NOT NULL
);
CREATE INDEX similar_docs_document ON similar_docs USING GIN (document);
CREATE TABLE similar_terms (
    token   TEXT PRIMARY KEY,
    threads INTEGER NOT NULL
);

-- +goose Down
DROP TABLE similar_terms;
DROP TABLE similar_docs;
