-- "Customer since" as the company knows it (an imported seven-year customer is not new), NULL = since Tact first
-- heard from them (created_at); and the contact's plan or value ("Business, 4,800 USD a year"), shown beside every
-- conversation.
ALTER TABLE contact_contact ADD COLUMN customer_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE contact_contact ADD COLUMN plan VARCHAR(200);
