-- +goose Up
-- A thread's solution is checked at commit: the generator's bulk load
-- copies threads before their posts in one transaction, and the immediate
-- check refused every solved thread (threads_solution_post_id_fkey).
ALTER TABLE threads DROP CONSTRAINT threads_solution_post_id_fkey;
ALTER TABLE threads ADD CONSTRAINT threads_solution_post_id_fkey
    FOREIGN KEY (solution_post_id) REFERENCES posts (id) DEFERRABLE INITIALLY DEFERRED;

-- +goose Down
ALTER TABLE threads DROP CONSTRAINT threads_solution_post_id_fkey;
ALTER TABLE threads ADD CONSTRAINT threads_solution_post_id_fkey
    FOREIGN KEY (solution_post_id) REFERENCES posts (id);
