-- Why the front door sent a conversation to triage: the model was unsure, or no team takes the intent it read.
ALTER TABLE routing_intent ADD COLUMN triage_reason VARCHAR(300);
