-- Who submitted an item through the API (e.g. "API token crm-sync"): a message that names its
-- conversation joins it on that integration's authority, and the conversation's history says whose.
ALTER TABLE intake_item ADD COLUMN submitted_by VARCHAR(300);
