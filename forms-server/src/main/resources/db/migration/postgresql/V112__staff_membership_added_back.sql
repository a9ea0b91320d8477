-- PostgreSQL's form of sqlite/V112 (tester 7, ADR 0101): a person removed from a school can be added
-- back there, as a new membership beside the removed one. V100's UNIQUE (school, person_id) becomes
-- one live membership per person and school. Changed in place: no table is re-created.
ALTER TABLE staff_user DROP CONSTRAINT staff_user_one_per_school;
CREATE UNIQUE INDEX staff_user_one_live_per_school ON staff_user (school, person_id) WHERE removed_at IS NULL;
