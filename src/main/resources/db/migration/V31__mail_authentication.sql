-- The verdict on each mail's sender from the trusted receiving host's Authentication-Results (ADR 0017):
-- AUTHENTICATED, FAILED or UNKNOWN; whether the mail could act with its sender's authority; why; and the
-- results that were counted. Null for mail read before there was a verdict.
ALTER TABLE mail_message ADD COLUMN authentication VARCHAR(20);
ALTER TABLE mail_message ADD COLUMN authentication_passed BOOLEAN;
ALTER TABLE mail_message ADD COLUMN authentication_reason VARCHAR(500);
ALTER TABLE mail_message ADD COLUMN authentication_results VARCHAR(2000);
