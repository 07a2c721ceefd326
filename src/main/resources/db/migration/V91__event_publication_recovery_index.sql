-- Listener recovery (timer.PublicationRecovery) claims incomplete publications in the order they were last submitted,
-- COALESCE(last_resubmission_date, publication_date). Neither database can take that order from the completion index,
-- so each claim read every incomplete publication. H2 has no expression index, and a generated column would need
-- a different syntax on each database (PostgreSQL 15 wants STORED, H2 rejects it): instead the claim reads the never
-- resubmitted ones (last_resubmission_date IS NULL) by publication_date and the resubmitted ones by
-- last_resubmission_date, both in this index's order, and merges the two. The index starts with completion_date, so
-- it also serves every statement of Spring Modulith's by completion_date (incomplete ones, completed before a time)
-- and replaces the index on that column alone.
CREATE INDEX event_publication_recovery_idx
    ON event_publication (completion_date, last_resubmission_date, publication_date);
DROP INDEX event_publication_by_completion_date_idx;
