-- Emergencies a lead declared for a region (a country, or a subdivision of it): no marketing reaches people there
-- while one is in force (R15). ends_at NULL: until someone ends it.
CREATE TABLE policy_emergency (
    id                   UUID                     NOT NULL PRIMARY KEY,
    title                VARCHAR(200)             NOT NULL,
    country              VARCHAR(2)               NOT NULL,
    subdivision          VARCHAR(10),
    starts_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at              TIMESTAMP WITH TIME ZONE,
    exemptions_suspended BOOLEAN                  NOT NULL,
    declared_by          VARCHAR(400)             NOT NULL,
    declared_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
