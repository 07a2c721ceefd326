-- Whether an agent takes new conversations now, and how many open ones they carry at most.
ALTER TABLE staff_agent ADD COLUMN available BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE staff_agent ADD COLUMN capacity INT DEFAULT 20 NOT NULL;
