-- Do-not-call registers (US National DNC, Canada's National DNCL, UK TPS and CTPS, our own list), as loaded by
-- admins: one row per register, and its numbers (E.164) with the day each was registered.
CREATE TABLE policy_dnc_register (
    register    VARCHAR(20)              NOT NULL PRIMARY KEY,
    entries     BIGINT                   NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    loaded_by   VARCHAR(400)             NOT NULL,
    last_load   VARCHAR(300)             NOT NULL
);

CREATE TABLE policy_dnc_entry (
    register      VARCHAR(20) NOT NULL,
    phone         VARCHAR(20) NOT NULL,
    registered_on DATE        NOT NULL,
    PRIMARY KEY (register, phone)
);
CREATE INDEX policy_dnc_entry_phone_idx ON policy_dnc_entry (phone);
