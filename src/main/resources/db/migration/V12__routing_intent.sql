-- What routing read in each new conversation: the intent, how sure the model was, and whether it
-- went to triage for an agent instead of to a team.
CREATE TABLE routing_intent (
    conversation_id UUID                     NOT NULL PRIMARY KEY,
    intent          VARCHAR(64)              NOT NULL,
    confidence      DOUBLE PRECISION         NOT NULL,
    triage          BOOLEAN                  NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
