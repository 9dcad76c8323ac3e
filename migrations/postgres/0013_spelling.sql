-- +goose Up
-- Which version of the analyzer (internal/search, analyzerVersion) built the
-- search indexes. Version 2 also indexes a hyphenated run as one word
-- (sous-traitance as soustraitance too, issue 16): an index built before
-- holds version 1, and the server rebuilds it in the background at its
-- next start (Index.Upgrade) — or `entraide reindex` does. A forum without
-- posts has nothing to rebuild.
CREATE TABLE search_analyzer (
    version INTEGER NOT NULL
);
INSERT INTO search_analyzer (version) SELECT CASE WHEN EXISTS (SELECT 1 FROM posts) THEN 1 ELSE 2 END;

-- +goose Down
DROP TABLE search_analyzer;
