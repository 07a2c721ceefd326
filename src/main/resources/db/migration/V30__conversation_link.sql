-- Links between conversations an agent should look at together. MENTIONS: conversation_id was opened
-- by a message whose subject names linked_id ([#1002]) from a sender who takes no part in linked_id,
-- so it did not join it.
CREATE TABLE conv_link (
    conversation_id UUID                     NOT NULL REFERENCES conv_conversation (id),
    linked_id       UUID                     NOT NULL REFERENCES conv_conversation (id),
    kind            VARCHAR(20)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, linked_id, kind)
);
CREATE INDEX conv_link_linked_idx ON conv_link (linked_id);
