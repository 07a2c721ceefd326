-- Sending settings an admin saved on Admin -> Sending mail (or the API), overriding the configuration
-- (tact.delivery.smtp.*, from-address, from-name; tact.delivery.pacing.*) until the row is deleted again.
-- name: 'relay' or 'pacing'; settings: JSON without any secret; secret: the relay's password encrypted with the
-- installation's key (SecretBox), NULL for none. version grows with each save so every node notices a change.
CREATE TABLE delivery_settings (
    name        VARCHAR(40)              NOT NULL PRIMARY KEY,
    settings    TEXT                     NOT NULL,
    secret      TEXT,
    version     BIGINT                   NOT NULL,
    updated_by  VARCHAR(400)             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
