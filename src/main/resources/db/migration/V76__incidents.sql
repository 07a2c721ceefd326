-- Issue 18: incidents and the public status page. Components are what customers use; an incident affects some of
-- them, moves through states with public updates, links the conversations that report it and the contacts it
-- affects (reporters, subscribers of its components, contacts a lead selected), and is noticed to them at most once
-- per update. status_revision is bumped in every transaction that changes what the status page shows; each node
-- polls it and rebuilds its in-memory page when it moved.
CREATE TABLE incident_component (
  id           UUID PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  name_key     VARCHAR(200) NOT NULL UNIQUE,   -- the name in lower case: names are unique whatever their case
  group_name   VARCHAR(200),
  description  VARCHAR(2000),
  keywords     VARCHAR(2000),            -- comma-separated words that name the component in customers' messages
  position     INT NOT NULL DEFAULT 0,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE incident_number_seq START WITH 1;

CREATE TABLE incident (
  id                      UUID PRIMARY KEY,
  number                  BIGINT NOT NULL UNIQUE,
  title                   VARCHAR(300) NOT NULL,
  impact                  VARCHAR(16) NOT NULL,   -- MINOR, MAJOR, CRITICAL
  state                   VARCHAR(16) NOT NULL,   -- INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
  message                 VARCHAR(5000) NOT NULL, -- what customers read now
  keywords                VARCHAR(2000),
  started_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  declared_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  declared_by             VARCHAR(400) NOT NULL,
  first_public_update_at  TIMESTAMP WITH TIME ZONE,
  resolved_at             TIMESTAMP WITH TIME ZONE,
  postmortem_url          VARCHAR(2000),
  acknowledge_reporters   BOOLEAN NOT NULL DEFAULT FALSE,
  version                 BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX incident_open ON incident (resolved_at, started_at);

CREATE TABLE incident_affected_component (
  incident_id   UUID NOT NULL REFERENCES incident (id),
  component_id  UUID NOT NULL REFERENCES incident_component (id),
  PRIMARY KEY (incident_id, component_id)
);
CREATE INDEX incident_affected_component_by_component ON incident_affected_component (component_id);

CREATE TABLE incident_update (
  id              UUID PRIMARY KEY,
  incident_id     UUID NOT NULL REFERENCES incident (id),
  state           VARCHAR(16) NOT NULL,
  message         VARCHAR(5000) NOT NULL,
  notify          BOOLEAN NOT NULL,
  posted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  posted_by       VARCHAR(400) NOT NULL,
  notices_queued  INT NOT NULL DEFAULT 0,
  noticed_at      TIMESTAMP WITH TIME ZONE          -- when its notices were decided and queued (null: not yet)
);
CREATE INDEX incident_update_by_incident ON incident_update (incident_id, posted_at);

-- conversations that report the incident (matched when they arrived, or linked by an agent); unlinked ones stay
CREATE TABLE incident_conversation (
  incident_id      UUID NOT NULL REFERENCES incident (id),
  conversation_id  UUID NOT NULL,
  contact_id       UUID,
  excerpt          VARCHAR(1000),
  match_reason     VARCHAR(300) NOT NULL,
  linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by        VARCHAR(400),                    -- null: matched automatically
  unlinked_at      TIMESTAMP WITH TIME ZONE,
  unlinked_by      VARCHAR(400),
  acknowledged     BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (incident_id, conversation_id)
);
CREATE INDEX incident_conversation_by_conversation ON incident_conversation (conversation_id);
CREATE INDEX incident_conversation_by_contact ON incident_conversation (contact_id);

-- contacts a lead selected as affected (by tag or one by one)
CREATE TABLE incident_selected_contact (
  incident_id  UUID NOT NULL REFERENCES incident (id),
  contact_id   UUID NOT NULL,
  selected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (incident_id, contact_id)
);
CREATE INDEX incident_selected_contact_by_contact ON incident_selected_contact (contact_id);

-- people who asked, on the status page, to hear about incidents (double opt-in: confirmed_at set by the link)
CREATE TABLE status_subscriber (
  id               UUID PRIMARY KEY,
  contact_id       UUID NOT NULL,
  email            VARCHAR(320) NOT NULL,
  component_id     UUID,                            -- null: every component
  token            VARCHAR(100) NOT NULL UNIQUE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at     TIMESTAMP WITH TIME ZONE,
  unsubscribed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX status_subscriber_contact ON status_subscriber (contact_id);
CREATE INDEX status_subscriber_component ON status_subscriber (component_id);

CREATE TABLE status_revision (
  id        INT PRIMARY KEY,
  revision  BIGINT NOT NULL
);
INSERT INTO status_revision (id, revision) VALUES (1, 1);
