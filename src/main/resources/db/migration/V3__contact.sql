CREATE TABLE contact_contact (
    id           UUID                     NOT NULL PRIMARY KEY,
    display_name VARCHAR(300),
    given_name   VARCHAR(200),
    family_name  VARCHAR(200),
    organisation VARCHAR(200),
    locale       VARCHAR(35),
    time_zone    VARCHAR(64),
    country      VARCHAR(2),
    subdivision  VARCHAR(10),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    merged_into  UUID REFERENCES contact_contact (id),
    merged_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contact_contact_merged_into_idx ON contact_contact (merged_into);

-- kind: EMAIL (address lower-cased), PHONE (E.164), HANDLE (network:handle)
CREATE TABLE contact_identity (
    id         UUID                     NOT NULL PRIMARY KEY,
    contact_id UUID                     NOT NULL REFERENCES contact_contact (id),
    kind       VARCHAR(10)              NOT NULL,
    address    VARCHAR(400)             NOT NULL,
    raw        VARCHAR(400)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX contact_identity_kind_address_uq ON contact_identity (kind, address);
CREATE INDEX contact_identity_contact_idx ON contact_identity (contact_id);

CREATE TABLE contact_merge (
    id            UUID                     NOT NULL PRIMARY KEY,
    survivor_id   UUID                     NOT NULL REFERENCES contact_contact (id),
    merged_id     UUID                     NOT NULL REFERENCES contact_contact (id),
    merged_by     VARCHAR(320)             NOT NULL,
    merged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    identities    INT                      NOT NULL
);
CREATE INDEX contact_merge_survivor_idx ON contact_merge (survivor_id);
