-- Round-robin assignment: the agent of each team who was given the last conversation.
CREATE TABLE routing_team_cursor (
    team_id        UUID NOT NULL PRIMARY KEY,
    last_agent_id  UUID
);
