-- The incidents panel at size (issue 19, part 5): each link keeps what its conversation is filed under (team,
-- assignee, channel and its intent:<name> tags), set when it is linked and kept current from the conversation module's
-- FilingChanged, so the panel narrowed by team, agent, channel or intent filters its own rows in one query.
-- filed_as: the conversation whose filing the link follows: its own, or, once it was merged, the one it was merged into
-- (the link itself stays with the reporter's conversation, so reporters, acknowledgements and notices are unchanged).
-- intent_tags: the intent tags in name order, each between commas (',intent:billing,'), so that a conversation tagged
-- with two intents matches either, as the intent filter of the conversation panels does; null for none.
ALTER TABLE incident_conversation ADD COLUMN filed_as UUID;
ALTER TABLE incident_conversation ADD COLUMN team_id UUID;
ALTER TABLE incident_conversation ADD COLUMN assignee_id UUID;
ALTER TABLE incident_conversation ADD COLUMN channel VARCHAR(20);
ALTER TABLE incident_conversation ADD COLUMN intent_tags VARCHAR(1000);

-- one merge followed (a chain of merges is rare; the next change of the conversation at its end files it right)
UPDATE incident_conversation SET filed_as = COALESCE((SELECT c.merged_into_id FROM conv_conversation c
  WHERE c.id = incident_conversation.conversation_id), conversation_id);
ALTER TABLE incident_conversation ALTER COLUMN filed_as SET NOT NULL;
UPDATE incident_conversation SET
  team_id = (SELECT c.team_id FROM conv_conversation c WHERE c.id = incident_conversation.filed_as),
  assignee_id = (SELECT c.assignee_id FROM conv_conversation c WHERE c.id = incident_conversation.filed_as),
  channel = (SELECT c.channel FROM conv_conversation c WHERE c.id = incident_conversation.filed_as),
  intent_tags = (SELECT ',' || STRING_AGG(t.tag, ',' ORDER BY t.tag) || ',' FROM conv_tag t
    WHERE t.conversation_id = incident_conversation.filed_as AND t.tag LIKE 'intent:%');

CREATE INDEX incident_conversation_by_filing ON incident_conversation (filed_as);
-- a panel narrowed by team or by agent starts from that team's or agent's links
CREATE INDEX incident_conversation_by_team ON incident_conversation (team_id, incident_id);
CREATE INDEX incident_conversation_by_assignee ON incident_conversation (assignee_id, incident_id);
