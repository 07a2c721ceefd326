package dev.tact.sla;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code sla_conversation} and {@code sla_clock}. */
@Repository
class ClockStore {

  /** What the module keeps of a conversation. */
  record Tracked(UUID conversationId, UUID contactId, UUID teamId, UUID policyId, boolean agentReplied,
      boolean paused, boolean active, Instant openedAt) {}

  private final JdbcClient jdbc;

  ClockStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the conversation's row for the rest of the transaction, so that two changes do not interleave. */
  Optional<Tracked> lock(UUID conversationId) {
    return jdbc.sql("SELECT * FROM sla_conversation WHERE conversation_id = :id FOR UPDATE")
        .param("id", conversationId).query((rs, n) -> tracked(rs)).optional();
  }

  /** As {@link #lock}, but failing at once when another transaction holds the row. */
  Optional<Tracked> lockWithoutWaiting(UUID conversationId) {
    return jdbc.sql("SELECT * FROM sla_conversation WHERE conversation_id = :id FOR UPDATE NOWAIT")
        .param("id", conversationId).query((rs, n) -> tracked(rs)).optional();
  }

  /** Starts tracking the conversation; false (nothing written) when it is tracked already. */
  boolean insertIfAbsent(Tracked t) {
    return jdbc.sql("""
        INSERT INTO sla_conversation (conversation_id, contact_id, team_id, policy_id, agent_replied, paused, active,
          opened_at) VALUES (:id, :contact, :team, :policy, :replied, :paused, :active, :opened)
        ON CONFLICT DO NOTHING""")
        .param("id", t.conversationId()).param("contact", t.contactId()).param("team", t.teamId())
        .param("policy", t.policyId()).param("replied", t.agentReplied()).param("paused", t.paused())
        .param("active", t.active()).param("opened", utc(t.openedAt())).update() == 1;
  }

  void update(Tracked t) {
    jdbc.sql("""
        UPDATE sla_conversation SET contact_id = :contact, team_id = :team, policy_id = :policy,
          agent_replied = :replied, paused = :paused, active = :active WHERE conversation_id = :id""")
        .param("id", t.conversationId()).param("contact", t.contactId()).param("team", t.teamId())
        .param("policy", t.policyId()).param("replied", t.agentReplied()).param("paused", t.paused())
        .param("active", t.active()).update();
  }

  List<UUID> activeOfContact(UUID contactId) {
    return jdbc.sql("SELECT conversation_id FROM sla_conversation WHERE contact_id = :c AND active = TRUE")
        .param("c", contactId).query(UUID.class).list();
  }

  List<UUID> activeOfTeam(UUID teamId) {
    return jdbc.sql("SELECT DISTINCT conversation_id FROM sla_clock WHERE team_id = :t AND outcome IN ('RUNNING', 'PAUSED')")
        .param("t", teamId).query(UUID.class).list();
  }

  List<UUID> allActive() {
    return jdbc.sql("SELECT conversation_id FROM sla_conversation WHERE active = TRUE").query(UUID.class).list();
  }

  /** What the module keeps of these conversations, in one query; those it does not track are left out. */
  List<Tracked> findAll(Collection<UUID> conversationIds) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM sla_conversation WHERE conversation_id IN (:ids)")
        .param("ids", List.copyOf(conversationIds)).query((rs, n) -> tracked(rs)).list();
  }

  /** The clocks of these conversations, in one query. */
  List<ClockRow> clocksOf(Collection<UUID> conversationIds) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM sla_clock WHERE conversation_id IN (:ids) ORDER BY conversation_id, metric, cycle")
        .param("ids", List.copyOf(conversationIds)).query((rs, n) -> clock(rs)).list();
  }

  List<ClockRow> clocks(UUID conversationId) {
    return jdbc.sql("SELECT * FROM sla_clock WHERE conversation_id = :id ORDER BY metric, cycle")
        .param("id", conversationId).query((rs, n) -> clock(rs)).list();
  }

  Optional<ClockRow> clock(UUID conversationId, SlaMetric metric, int cycle) {
    return jdbc.sql("SELECT * FROM sla_clock WHERE conversation_id = :id AND metric = :m AND cycle = :c")
        .param("id", conversationId).param("m", metric.name()).param("c", cycle).query((rs, n) -> clock(rs))
        .optional();
  }

  /** Active clocks (running or paused, with a target) that breached, or fall due before {@code dueBefore}. */
  List<ClockRow> attention(UUID teamId, boolean breached, Instant dueBefore, int limit) {
    return jdbc.sql("SELECT * FROM sla_clock WHERE " + attentionCondition(breached)
            + (teamId == null ? "" : " AND team_id = :team") + " ORDER BY due_at, started_at LIMIT :limit")
        .paramSource(params(teamId, dueBefore, limit)).query((rs, n) -> clock(rs)).list();
  }

  /** Every conversation with a clock in the state {@link #attention} lists. */
  List<UUID> attentionConversations(boolean breached, Instant dueBefore) {
    return jdbc.sql("SELECT DISTINCT conversation_id FROM sla_clock WHERE " + attentionCondition(breached))
        .param("due", utc(dueBefore)).query(UUID.class).list();
  }

  private static String attentionCondition(boolean breached) {
    return "outcome IN ('RUNNING', 'PAUSED') AND target_minutes IS NOT NULL AND "
        + (breached ? "breached_at IS NOT NULL" : "breached_at IS NULL AND due_at IS NOT NULL AND due_at < :due");
  }

  private static java.util.Map<String, Object> params(UUID teamId, Instant dueBefore, int limit) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("due", utc(dueBefore));
    p.put("team", teamId);
    p.put("limit", limit);
    return p;
  }

  /** Clocks of the team started in {@code [from, to)}. */
  List<ClockRow> startedBetween(UUID teamId, Instant from, Instant to) {
    return jdbc.sql("SELECT * FROM sla_clock WHERE team_id = :t AND started_at >= :from AND started_at < :to")
        .param("t", teamId).param("from", utc(from)).param("to", utc(to)).query((rs, n) -> clock(rs)).list();
  }

  void describeAnswer(UUID conversationId, SlaMetric metric, int cycle, String channel, String intent,
      UUID answeredBy) {
    jdbc.sql("""
        UPDATE sla_clock SET channel = :channel, intent = :intent, answered_by = :agent
        WHERE conversation_id = :id AND metric = :metric AND cycle = :cycle""")
        .param("channel", channel).param("intent", intent).param("agent", answeredBy).param("id", conversationId)
        .param("metric", metric.name()).param("cycle", cycle).update();
    if (metric == SlaMetric.FIRST_RESPONSE) {
      countFirstResponse(conversationId, cycle, channel, intent);
    }
  }

  /**
   * Records an answered first response for the dashboard's summary: one new row of {@code sla_first_response_delta}
   * (its UTC day, minute bucket, team, channel and intent), which {@link FirstResponseFold} adds to {@code
   * sla_first_response_daily} later. Only an INSERT, so concurrent replies share no row (ADR 0046).
   */
  private void countFirstResponse(UUID conversationId, int cycle, String channel, String intent) {
    jdbc.sql("""
        SELECT started_at, team_id, consumed_nanos FROM sla_clock
        WHERE conversation_id = :id AND metric = 'FIRST_RESPONSE' AND cycle = :cycle AND ended_by = 'REPLY'""")
        .param("id", conversationId).param("cycle", cycle)
        .query(rs -> {
          UUID team = rs.getObject("team_id", UUID.class);
          jdbc.sql("""
              INSERT INTO sla_first_response_delta (started_on, minute_bucket, team_key, channel, intent)
              VALUES (:day, :bucket, :team, :channel, :intent)""")
              .param("day", java.time.LocalDate.ofInstant(instant(rs, "started_at"), java.time.ZoneOffset.UTC))
              .param("bucket", MinuteBuckets.of(rs.getLong("consumed_nanos")))
              .param("team", team == null ? "" : team.toString()).param("channel", channel == null ? "" : channel)
              .param("intent", intent).update();
        });
  }

  void save(ClockRow c) {
    int updated = jdbc.sql("""
        UPDATE sla_clock SET team_id = :team, running_since = :running, consumed_nanos = :consumed,
          target_minutes = :target, warn_at_percent = :warn, due_at = :due, warn_at = :warnAt, warned_at = :warned,
          breached_at = :breached, stopped_at = :stopped, outcome = :outcome, ended_by = :endedBy
        WHERE conversation_id = :id AND metric = :metric AND cycle = :cycle""")
        .paramSource(values(c)).update();
    if (updated == 0) {
      insertClock(c);
    }
  }

  /** Writes a new clock; one that exists fails (its key is taken). */
  void insertClock(ClockRow c) {
    jdbc.sql("""
        INSERT INTO sla_clock (conversation_id, metric, cycle, team_id, started_at, running_since, consumed_nanos,
          target_minutes, warn_at_percent, due_at, warn_at, warned_at, breached_at, stopped_at, outcome, ended_by)
        VALUES (:id, :metric, :cycle, :team, :started, :running, :consumed, :target, :warn, :due, :warnAt, :warned,
          :breached, :stopped, :outcome, :endedBy)""").paramSource(values(c)).update();
  }

  private static java.util.Map<String, Object> values(ClockRow c) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("id", c.conversationId());
    p.put("metric", c.metric().name());
    p.put("cycle", c.cycle());
    p.put("team", c.teamId());
    p.put("started", utc(c.startedAt()));
    p.put("running", utc(c.runningSince()));
    p.put("consumed", c.consumedNanos());
    p.put("target", c.targetMinutes());
    p.put("warn", c.warnAtPercent());
    p.put("due", utc(c.dueAt()));
    p.put("warnAt", utc(c.warnAt()));
    p.put("warned", utc(c.warnedAt()));
    p.put("breached", utc(c.breachedAt()));
    p.put("stopped", utc(c.stoppedAt()));
    p.put("outcome", c.outcome());
    p.put("endedBy", c.endedBy());
    return p;
  }

  private static Tracked tracked(ResultSet rs) throws SQLException {
    return new Tracked(rs.getObject("conversation_id", UUID.class), rs.getObject("contact_id", UUID.class),
        rs.getObject("team_id", UUID.class), rs.getObject("policy_id", UUID.class), rs.getBoolean("agent_replied"),
        rs.getBoolean("paused"), rs.getBoolean("active"), instant(rs, "opened_at"));
  }

  private static ClockRow clock(ResultSet rs) throws SQLException {
    return new ClockRow(rs.getObject("conversation_id", UUID.class), SlaMetric.valueOf(rs.getString("metric")),
        rs.getInt("cycle"), rs.getObject("team_id", UUID.class), instant(rs, "started_at"),
        instant(rs, "running_since"), rs.getLong("consumed_nanos"), rs.getObject("target_minutes", Integer.class),
        rs.getInt("warn_at_percent"), instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "warned_at"),
        instant(rs, "breached_at"), instant(rs, "stopped_at"), rs.getString("outcome"), rs.getString("ended_by"));
  }
}
