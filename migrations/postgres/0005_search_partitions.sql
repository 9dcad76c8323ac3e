-- +goose Up
-- search_docs split into ranges of 100,000 post ids. A search ranks the most
-- recent matching posts; a GIN index returns every match in no order, so a
-- common pair of words read all of its matches (200 ms at a million posts).
-- Partitioned by post id, PostgreSQL reads the newest partition first and
-- stops once it has enough, as SQLite's FTS5 does with its doclists kept in
-- rowid order. search_docs_partition(id) creates the partitions up to the
-- one after id's; internal/search calls it at start, before a rebuild, and
-- in the background once the posts reach the last range.
-- +goose StatementBegin
CREATE FUNCTION search_docs_partition(upto BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    width CONSTANT BIGINT := 100000;
    last CONSTANT BIGINT := GREATEST(upto, 0) / width + 1;
    i BIGINT := 0;
BEGIN
    -- Two callers at once create a range once.
    PERFORM pg_advisory_xact_lock(hashtext('search_docs_partition'));
    WHILE i <= last LOOP
        IF to_regclass(format('search_docs_%s', i)) IS NULL THEN
            -- Made apart, then attached: ATTACH PARTITION locks search_docs
            -- against other schema changes only, not against searches and
            -- writes, which CREATE TABLE ... PARTITION OF would block.
            EXECUTE format('CREATE TABLE search_docs_%s (LIKE search_docs INCLUDING DEFAULTS)', i);
            EXECUTE format('ALTER TABLE search_docs ATTACH PARTITION search_docs_%s FOR VALUES FROM (%s) TO (%s)',
                i, i * width, (i + 1) * width);
        END IF;
        i := i + 1;
    END LOOP;
    RETURN (last + 1) * width; -- post ids below this have a partition
END $$;
-- +goose StatementEnd

ALTER TABLE search_docs RENAME TO search_docs_unpartitioned;
ALTER INDEX search_docs_pkey RENAME TO search_docs_unpartitioned_pkey;
ALTER INDEX search_docs_thread RENAME TO search_docs_unpartitioned_thread;
ALTER INDEX search_docs_document RENAME TO search_docs_unpartitioned_document;

CREATE TABLE search_docs (
    post_id    BIGINT PRIMARY KEY,
    thread_id  BIGINT NOT NULL,
    author_id  BIGINT NOT NULL,
    first_post BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    document   TSVECTOR NOT NULL
) PARTITION BY RANGE (post_id);
CREATE INDEX search_docs_thread ON search_docs (thread_id);
CREATE INDEX search_docs_document ON search_docs USING GIN (document);

SELECT search_docs_partition((SELECT COALESCE(MAX(post_id), 0) FROM search_docs_unpartitioned));
INSERT INTO search_docs SELECT * FROM search_docs_unpartitioned;
DROP TABLE search_docs_unpartitioned;

-- +goose Down
CREATE TABLE search_docs_unpartitioned (
    post_id    BIGINT PRIMARY KEY,
    thread_id  BIGINT NOT NULL,
    author_id  BIGINT NOT NULL,
    first_post BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    document   TSVECTOR NOT NULL
);
INSERT INTO search_docs_unpartitioned SELECT * FROM search_docs;
DROP TABLE search_docs;
DROP FUNCTION search_docs_partition(BIGINT);
ALTER TABLE search_docs_unpartitioned RENAME TO search_docs;
ALTER INDEX search_docs_unpartitioned_pkey RENAME TO search_docs_pkey;
CREATE INDEX search_docs_thread ON search_docs (thread_id);
CREATE INDEX search_docs_document ON search_docs USING GIN (document);
