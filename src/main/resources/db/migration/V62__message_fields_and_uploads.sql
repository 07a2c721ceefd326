-- Labelled values a customer gave with a message (a web form's extra fields), shown among the conversation's facts.
CREATE TABLE conv_message_field (
    message_id   UUID          NOT NULL REFERENCES conv_message (id),
    position     INT           NOT NULL,
    label        VARCHAR(200)  NOT NULL,
    field_value  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (message_id, position)
);

-- Files uploaded with a message that did not come by email (a web form); contents shared with mail_blob.
CREATE TABLE mail_upload (
    id            UUID          NOT NULL PRIMARY KEY,
    message_id    UUID          NOT NULL,
    position      INT           NOT NULL,
    filename      VARCHAR(500),
    content_type  VARCHAR(200)  NOT NULL,
    size          BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL REFERENCES mail_blob (sha256)
);
CREATE INDEX mail_upload_message_idx ON mail_upload (message_id, position);
