-- API tokens get scopes, an optional expiry, a rate limit of their own, and who created and revoked them.
-- Tokens made before keep working: they get every scope their role implies (admin tokens also 'admin').
ALTER TABLE staff_api_token ADD COLUMN scopes VARCHAR(100);
UPDATE staff_api_token SET scopes = CASE WHEN role = 'ADMIN' THEN 'intake,read,write,admin' ELSE 'intake,read,write' END;
ALTER TABLE staff_api_token ALTER COLUMN scopes SET NOT NULL;

ALTER TABLE staff_api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;

-- No own limit (rate_per_second NULL, not unlimited): tact.api.token-rate-limit applies.
ALTER TABLE staff_api_token ADD COLUMN rate_unlimited BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_api_token ADD COLUMN rate_per_second INT;
ALTER TABLE staff_api_token ADD COLUMN rate_burst INT;

-- Names as they were when it happened (an agent "Name <email>", or another token), shown with the token.
ALTER TABLE staff_api_token ADD COLUMN created_by_name VARCHAR(320);
UPDATE staff_api_token SET created_by_name = (
  SELECT a.display_name || ' <' || a.email || '>' FROM staff_agent a WHERE a.id = staff_api_token.created_by)
WHERE created_by IS NOT NULL;
ALTER TABLE staff_api_token ADD COLUMN revoked_by VARCHAR(320);
