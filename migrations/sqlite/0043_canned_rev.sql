-- +goose Up
-- Moves with every change to a member's own canned replies, in the
-- change's transaction: the reply box keeps each member's titles per
-- instance under it (internal/replies), so a kept list is never stale.
ALTER TABLE users ADD COLUMN canned_rev INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE users DROP COLUMN canned_rev;
