-- The contact merge moves a contact's messages to the survivor (ConversationStore.moveContact): without an index
-- on contact_id both databases read every message to find them.
CREATE INDEX conv_message_contact_idx ON conv_message (contact_id);
