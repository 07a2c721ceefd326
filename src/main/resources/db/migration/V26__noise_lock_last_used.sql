-- When each noise lock key was last locked, so that housekeeping can delete keys nobody has used for a while
-- (rows that existed before this column are treated as used now and age out from here).
ALTER TABLE noise_lock ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX noise_lock_last_used_idx ON noise_lock (last_used_at);
