-- What Tact read in an email, beside the conversation message it became (message_id).
CREATE TABLE mail_message (
    message_id           UUID                     NOT NULL PRIMARY KEY,
    item_id              UUID,
    header_message_id    VARCHAR(998),
    in_reply_to          VARCHAR(4000),
    references_ids       TEXT,
    from_address         VARCHAR(320),
    from_name            VARCHAR(300),
    to_addresses         TEXT,
    cc_addresses         TEXT,
    subject              VARCHAR(2000),
    sent_at              TIMESTAMP WITH TIME ZONE,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    full_text            TEXT,
    html                 TEXT,
    text_from_html       BOOLEAN                  NOT NULL,
    automatic_kind       VARCHAR(20)              NOT NULL,
    automatic_reasons    VARCHAR(2000),
    original_from        VARCHAR(620),
    original_subject     VARCHAR(2000),
    original_date        VARCHAR(200),
    forwarded_by         VARCHAR(620),
    forward_comment      TEXT,
    bounced_message_id   UUID,
    defects              VARCHAR(4000)
);
CREATE INDEX mail_message_from_idx ON mail_message (from_address, received_at);

-- Attachment contents, stored once per distinct content (SHA-256).
CREATE TABLE mail_blob (
    sha256   CHAR(64) NOT NULL PRIMARY KEY,
    size     BIGINT   NOT NULL,
    content  BYTEA    NOT NULL
);

CREATE TABLE mail_attachment (
    id            UUID          NOT NULL PRIMARY KEY,
    message_id    UUID          NOT NULL REFERENCES mail_message (message_id),
    position      INT           NOT NULL,
    filename      VARCHAR(500),
    content_type  VARCHAR(200)  NOT NULL,
    content_id    VARCHAR(500),
    inline_part   BOOLEAN       NOT NULL,
    size          BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL REFERENCES mail_blob (sha256)
);
CREATE INDEX mail_attachment_message_idx ON mail_attachment (message_id, position);

-- Automatic mail Tact sent (or would send) to an address: the loop breaker counts these per hour.
CREATE TABLE mail_automatic_sent (
    id         UUID                     NOT NULL PRIMARY KEY,
    address    VARCHAR(320)             NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_automatic_sent_idx ON mail_automatic_sent (address, sent_at);
