-- How each team hands new conversations to its agents (LEAST_LOADED, ROUND_ROBIN, NONE); a team without a row
-- follows tact.routing.assignment.
CREATE TABLE routing_team_assignment (
    team_id UUID        NOT NULL PRIMARY KEY REFERENCES staff_team (id),
    mode    VARCHAR(20) NOT NULL
);
