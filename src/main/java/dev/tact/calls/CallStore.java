package dev.tact.calls;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.policy.Decision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls table. Only this class touches it. */
@Repository
class CallStore {

  private static final String COLUMNS = """
      id, direction, outcome, phone, contact_id, duration_seconds, notes, occurred_at, agent_id, agent_name, item_id,
      message_id, conversation_id, decision_id, decision_outcome, decision_summary, created_at""";

  private final JdbcClient jdbc;

  CallStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(LoggedCall c) {
    jdbc.sql("INSERT INTO calls_log (" + COLUMNS + """
        ) VALUES (:id, :direction, :outcome, :phone, :contact, :duration, :notes, :occurred, :agent, :agentName,
          :item, :message, :conversation, :decision, :decisionOutcome, :decisionSummary, :created)""")
        .param("id", c.id()).param("direction", c.direction().name()).param("outcome", c.outcome().name())
        .param("phone", c.phone()).param("contact", c.contactId()).param("duration", c.durationSeconds())
        .param("notes", c.notes()).param("occurred", utc(c.occurredAt())).param("agent", c.agentId())
        .param("agentName", c.agentName()).param("item", c.itemId()).param("message", c.messageId())
        .param("conversation", c.conversationId()).param("decision", c.decisionId())
        .param("decisionOutcome", c.decisionOutcome() == null ? null : c.decisionOutcome().name())
        .param("decisionSummary", clip(c.decisionSummary(), 2000)).param("created", utc(c.createdAt())).update();
  }

  void filed(UUID id, UUID conversationId, UUID contactId) {
    jdbc.sql("UPDATE calls_log SET conversation_id = :conversation, contact_id = COALESCE(contact_id, :contact) "
            + "WHERE id = :id AND conversation_id IS NULL")
        .param("conversation", conversationId).param("contact", contactId).param("id", id).update();
  }

  Optional<LoggedCall> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM calls_log WHERE id = :id").param("id", id).query(CallStore::call)
        .optional();
  }

  List<LoggedCall> recent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM calls_log ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("limit", limit).query(CallStore::call).list();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static LoggedCall call(ResultSet rs, int n) throws SQLException {
    String decision = rs.getString("decision_outcome");
    return new LoggedCall(rs.getObject("id", UUID.class), CallDirection.valueOf(rs.getString("direction")),
        CallOutcome.valueOf(rs.getString("outcome")), rs.getString("phone"), rs.getObject("contact_id", UUID.class),
        rs.getInt("duration_seconds"), rs.getString("notes"), instant(rs, "occurred_at"),
        rs.getObject("agent_id", UUID.class), rs.getString("agent_name"), rs.getObject("item_id", UUID.class),
        rs.getObject("message_id", UUID.class), rs.getObject("conversation_id", UUID.class), 0,
        rs.getObject("decision_id", UUID.class), decision == null ? null : Decision.Outcome.valueOf(decision),
        rs.getString("decision_summary"), instant(rs, "created_at"));
  }
}
