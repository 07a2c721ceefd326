-- Team skills: the languages (ISO 639-1 codes such as de) and products a team handles. The front door
-- prefers, among the teams of an intent, one that speaks the customer's language.
CREATE TABLE staff_team_skill (
    team_id UUID         NOT NULL REFERENCES staff_team (id),
    kind    VARCHAR(10)  NOT NULL,
    skill   VARCHAR(100) NOT NULL,
    PRIMARY KEY (team_id, kind, skill)
);

-- The intents admins added, renamed or removed, on top of the default ones. seed_of: the default intent
-- whose seed phrases this one takes over (a rename); phrases: an admin's own examples, one per line.
CREATE TABLE routing_intent_def (
    intent     VARCHAR(64)              NOT NULL PRIMARY KEY,
    seed_of    VARCHAR(64),
    phrases    TEXT,
    removed    BOOLEAN                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which teams take each intent (admins edit it); an intent without rows falls back to tact.routing.teams.
CREATE TABLE routing_intent_team (
    intent  VARCHAR(64) NOT NULL,
    team_id UUID        NOT NULL REFERENCES staff_team (id),
    PRIMARY KEY (intent, team_id)
);

-- The model's other suggestions for a conversation (intent=probability, best first), for the triage view;
-- and the language the front door read.
ALTER TABLE routing_intent ADD COLUMN suggestions VARCHAR(600);
ALTER TABLE routing_intent ADD COLUMN language VARCHAR(8);

-- A rule may also escalate what it matches (e.g. customer tier vip → lead).
ALTER TABLE routing_rule ADD COLUMN escalate_to VARCHAR(20);
