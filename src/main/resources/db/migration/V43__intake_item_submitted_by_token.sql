-- The API token that submitted an item (null for mail channels and older items): a token with only the intake
-- scope may read the status of what it submitted, and of nothing else. (V29's submitted_by holds its name.)
ALTER TABLE intake_item ADD COLUMN submitted_by_token UUID;
