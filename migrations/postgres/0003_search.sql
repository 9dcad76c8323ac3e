-- +goose Up
-- One row per visible post, with the tokens of internal/search's analyzer
-- (the same ones SQLite indexes) as a tsvector: the title weighted A, the
-- body B, under the 'simple' configuration, which adds no stemming of its own.
CREATE TABLE search_docs (
    post_id    BIGINT PRIMARY KEY,
    thread_id  BIGINT NOT NULL,
    author_id  BIGINT NOT NULL,
    first_post BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    document   TSVECTOR NOT NULL
);
CREATE INDEX search_docs_thread ON search_docs (thread_id);
CREATE INDEX search_docs_document ON search_docs USING GIN (document);

-- +goose Down
DROP TABLE search_docs;
