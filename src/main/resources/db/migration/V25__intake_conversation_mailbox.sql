-- The configured mailbox a conversation was opened through (the address the customer wrote to), so
-- that replies go out from that address. Conversations opened by agents, the API or mail that came
-- through no configured mailbox have no row; deleting the mailbox removes its rows.
CREATE TABLE intake_conversation_mailbox (
    conversation_id  UUID                     NOT NULL PRIMARY KEY,
    mailbox_id       UUID                     NOT NULL REFERENCES intake_mailbox (id) ON DELETE CASCADE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intake_conversation_mailbox_mailbox_idx ON intake_conversation_mailbox (mailbox_id);
