-- Web forms customers write in through (issue 16): one row per form, its extra fields as JSON.
CREATE TABLE webform_form (
    id                  UUID          NOT NULL PRIMARY KEY,
    slug                VARCHAR(60)   NOT NULL UNIQUE,
    title               VARCHAR(200)  NOT NULL,
    intro               VARCHAR(2000),
    fields_json         TEXT          NOT NULL,
    max_file_bytes      BIGINT        NOT NULL,
    max_files           INT           NOT NULL,
    frame_ancestors     VARCHAR(2000) NOT NULL,
    team_id             UUID,
    enabled             BOOLEAN       NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A fresh installation has a working form at /forms/contact.
INSERT INTO webform_form (id, slug, title, intro, fields_json, max_file_bytes, max_files, frame_ancestors, enabled,
    updated_at)
VALUES ('0193a000-0000-7000-8000-000000000f01', 'contact', 'Contact us',
    'Write to us and we answer by email (or by phone, if you leave only a number).', '[]', 10485760, 5, '', TRUE,
    CURRENT_TIMESTAMP);

-- Tickets already used to send a form (one use each), kept until they would have expired anyway.
CREATE TABLE webform_used_ticket (
    ticket_id   VARCHAR(40)              NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webform_used_ticket_expiry_idx ON webform_used_ticket (expires_at);

-- The key that signs tickets, made once and shared by every node.
CREATE TABLE webform_key (
    id      INT          NOT NULL PRIMARY KEY,
    secret  VARCHAR(100) NOT NULL
);
