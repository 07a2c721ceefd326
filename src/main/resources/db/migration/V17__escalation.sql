-- Escalation tiers: each member's tier in a team, and the tier a conversation has reached.
ALTER TABLE staff_team_member ADD COLUMN tier VARCHAR(20) DEFAULT 'FIRST_LINE' NOT NULL;
ALTER TABLE conv_conversation ADD COLUMN tier VARCHAR(20) DEFAULT 'FIRST_LINE' NOT NULL;
