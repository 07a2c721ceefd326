-- Bucket4j's token buckets for sign-in throttling, shared by every node (ADR 0020). bucket_key is a kind and the
-- SHA-256 of the account or address; state is Bucket4j's own serialised bucket, swapped only when version still
-- matches; a row past expires_at is a full bucket again and is deleted.
CREATE TABLE staff_signin_bucket (
    bucket_key VARCHAR(100)             NOT NULL PRIMARY KEY,
    state      BYTEA                    NOT NULL,
    version    BIGINT                   NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_signin_bucket_expires_ix ON staff_signin_bucket (expires_at);
