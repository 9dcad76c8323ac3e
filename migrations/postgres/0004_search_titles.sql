-- +goose Up
-- The analyzed title of each live thread, so both databases can rank title
-- matches above body matches with the same rule (see internal/search/ranking.go).
CREATE TABLE search_titles (
    thread_id BIGINT PRIMARY KEY,
    tokens    TEXT NOT NULL
);

-- +goose Down
DROP TABLE search_titles;
