-- Admins' changes to the shipped list of free-mail providers (resource noise/free-mail-domains.txt), whose
-- senders are rate-limited one by one but never as a domain: listed TRUE adds a domain to the list, FALSE takes
-- a shipped one off. The list in force is the shipped one with these changes applied, so a newer shipped list
-- reaches every installation while what its admins changed stays changed.
CREATE TABLE noise_free_mail_domain (
    domain      VARCHAR(253)             NOT NULL PRIMARY KEY,
    listed      BOOLEAN                  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(320)             NOT NULL
);
