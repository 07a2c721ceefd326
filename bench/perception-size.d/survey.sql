-- Issue 19, perception at size: satisfaction surveys for ~30% of the solved conversations the bench generator
-- wrote (conv_conversation / conv_message), with realistic answers, and the daily summaries the dashboard reads.
-- PostgreSQL. Assumptions: a survey is decided when the conversation last changed (updated_at), on the customer's
-- channel (email for web, phone and social); 30% of solved conversations get a survey decision, of which 10% are
-- held back by the contact policy (one per 30 days) and the rest sent; 40% of those sent are answered; 12% of the
-- answers are poor (25% after long conversations: more than 4 messages), the rest good; answers come within 2
-- days. Deterministic (hash-based), so a rerun writes nothing new.
BEGIN;

CREATE TEMP TABLE bench_survey_pick ON COMMIT DROP AS
SELECT c.id AS conversation_id, c.contact_id, c.channel, c.team_id, c.assignee_id, c.updated_at,
       (('x' || substr(md5(c.id::text), 1, 8))::bit(32)::int & 2147483647) % 1000 AS roll,
       (('x' || substr(md5(c.id::text), 9, 8))::bit(32)::int & 2147483647) % 1000 AS roll2,
       (SELECT COUNT(*) FROM conv_message m WHERE m.conversation_id = c.id) AS messages
  FROM conv_conversation c
 WHERE c.status IN ('SOLVED', 'CLOSED');

INSERT INTO survey (id, conversation_id, contact_id, channel, conversation_channel, team_id, agent_id, intent,
                    decided_at, sent, reason, decision_id, token_hash, scale, open_until, score, poor, comment_text,
                    answered_at, changed_at)
SELECT md5('survey' || p.conversation_id::text)::uuid, p.conversation_id, p.contact_id,
       CASE WHEN p.channel IN ('SMS', 'CHAT') THEN p.channel ELSE 'EMAIL' END, p.channel, p.team_id, p.assignee_id,
       ri.intent, p.updated_at,
       p.roll >= 30,
       CASE WHEN p.roll >= 30 THEN 'sent by ' || CASE p.channel WHEN 'SMS' THEN 'text' WHEN 'CHAT' THEN 'chat' ELSE 'email' END
            ELSE 'they were asked for a survey recently; at most one survey per 30 days' END,
       NULL,
       CASE WHEN p.roll >= 30 THEN md5('token' || p.conversation_id::text) || md5('x' || p.conversation_id::text) END,
       2,
       CASE WHEN p.roll >= 30 THEN p.updated_at + INTERVAL '7 days' END,
       a.score, a.score = 1,
       CASE WHEN a.score = 1 AND p.roll2 % 2 = 0 THEN 'It took far too long to get an answer.' END,
       CASE WHEN a.score IS NOT NULL THEN p.updated_at + (p.roll2 % 48) * INTERVAL '1 hour' END,
       CASE WHEN a.score IS NOT NULL THEN p.updated_at + (p.roll2 % 48) * INTERVAL '1 hour' END
  FROM bench_survey_pick p
  LEFT JOIN routing_intent ri ON ri.conversation_id = p.conversation_id
  CROSS JOIN LATERAL (SELECT CASE
      WHEN p.roll < 30 OR p.roll2 >= 400 THEN NULL                        -- held back, or not answered
      WHEN p.roll2 < CASE WHEN p.messages > 4 THEN 100 ELSE 48 END THEN 1  -- not good
      ELSE 2 END AS score) a
 WHERE p.roll < 300                                                        -- ~30% of solved conversations
ON CONFLICT DO NOTHING;

DELETE FROM survey_daily_detail;
INSERT INTO survey_daily_detail (sent_on, team_key, agent_key, channel, intent, sent, answered, good, poor)
SELECT CAST(decided_at AT TIME ZONE 'UTC' AS DATE), COALESCE(team_id::text, ''), COALESCE(agent_id::text, ''),
       conversation_channel, COALESCE(intent, ''), COUNT(*), COUNT(score),
       COUNT(*) FILTER (WHERE score = 2), COUNT(*) FILTER (WHERE poor)
  FROM survey
 WHERE sent
 GROUP BY 1, 2, 3, 4, 5;

DELETE FROM survey_daily;
INSERT INTO survey_daily (sent_on, team_key, channel, sent, answered, good, poor)
SELECT sent_on, team_key, channel, SUM(sent), SUM(answered), SUM(good), SUM(poor)
  FROM survey_daily_detail
 GROUP BY 1, 2, 3;

COMMIT;
ANALYZE survey;
ANALYZE survey_daily;
ANALYZE survey_daily_detail;
