-- Merging conversations: the merged-away conversation (the source) points at the one it went into.
ALTER TABLE conv_conversation ADD COLUMN merged_into_id UUID REFERENCES conv_conversation (id);
CREATE INDEX conv_conversation_merged_into_idx ON conv_conversation (merged_into_id);

-- One row per merge, and the messages it moved: enough to tell later what came from where (and to undo by hand).
CREATE TABLE conv_merge (
    id          UUID                     NOT NULL PRIMARY KEY,
    source_id   UUID                     NOT NULL REFERENCES conv_conversation (id),
    target_id   UUID                     NOT NULL REFERENCES conv_conversation (id),
    merged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind  VARCHAR(10)              NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(300)
);
CREATE INDEX conv_merge_target_idx ON conv_merge (target_id);
CREATE UNIQUE INDEX conv_merge_source_uq ON conv_merge (source_id);

CREATE TABLE conv_merge_message (
    merge_id    UUID NOT NULL REFERENCES conv_merge (id),
    message_id  UUID NOT NULL,
    PRIMARY KEY (merge_id, message_id)
);

-- Saved views of the inbox: a name and the inbox's query (filters and sort). owner_id null: shared with everyone.
CREATE TABLE conv_saved_view (
    id          UUID                     NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    owner_id    UUID,
    query       VARCHAR(2000)            NOT NULL,
    created_by  VARCHAR(300)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conv_saved_view_owner_idx ON conv_saved_view (owner_id);
