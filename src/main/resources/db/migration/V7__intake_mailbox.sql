-- Configured mailboxes: the support addresses customers write to, how Tact fetches their mail
-- over IMAP, and the polling state. The password is stored encrypted (AES-GCM, key from
-- TACT_SECRET_KEY). lease_owner/lease_until let one node at a time poll a mailbox.
CREATE TABLE intake_mailbox (
    id                     UUID                     NOT NULL PRIMARY KEY,
    name                   VARCHAR(200)             NOT NULL,
    address                VARCHAR(320)             NOT NULL,
    team_id                UUID,
    imap_enabled           BOOLEAN                  NOT NULL,
    imap_host              VARCHAR(255),
    imap_port              INT,
    imap_security          VARCHAR(10)              NOT NULL,
    imap_username          VARCHAR(320),
    imap_password_cipher   VARCHAR(1000),
    imap_folder            VARCHAR(200)             NOT NULL,
    after_fetch            VARCHAR(10)              NOT NULL,
    move_to_folder         VARCHAR(200),
    poll_interval_seconds  INT                      NOT NULL,
    uid_validity           BIGINT,
    last_uid               BIGINT                   NOT NULL,
    last_polled_at         TIMESTAMP WITH TIME ZONE,
    last_error             VARCHAR(2000),
    last_error_at          TIMESTAMP WITH TIME ZONE,
    failures               INT                      NOT NULL,
    next_poll_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    skipped_messages       INT                      NOT NULL,
    last_skipped           VARCHAR(2000),
    lease_owner            VARCHAR(100),
    lease_until            TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX intake_mailbox_address_uq ON intake_mailbox (address);
CREATE INDEX intake_mailbox_due_idx ON intake_mailbox (imap_enabled, next_poll_at);
