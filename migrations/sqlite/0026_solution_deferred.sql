-- +goose Up
-- PostgreSQL's threads.solution_post_id is checked at commit from this
-- version on; SQLite's column carries no reference (see 0007): nothing to do.
SELECT 1;

-- +goose Down
SELECT 1;
