-- The merge history names the contact that was merged in, as it was then: its name and its identities (one per
-- line, as written), not only its id. Merges recorded before this get the name; their identities are not known.
ALTER TABLE contact_merge ADD COLUMN merged_name VARCHAR(300);
ALTER TABLE contact_merge ADD COLUMN merged_identities VARCHAR(4000);
UPDATE contact_merge SET merged_name = (
    SELECT COALESCE(NULLIF(TRIM(c.display_name), ''),
                    NULLIF(TRIM(CONCAT(COALESCE(c.given_name, ''), ' ', COALESCE(c.family_name, ''))), ''))
      FROM contact_contact c WHERE c.id = contact_merge.merged_id);
