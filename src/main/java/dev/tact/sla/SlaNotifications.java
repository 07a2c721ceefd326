package dev.tact.sla;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** In-app notifications of SLA warnings and breaches (table {@code sla_notification}). */
@Service
public class SlaNotifications {

  private final JdbcClient jdbc;
  private final Clock clock;

  SlaNotifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void notify(UUID agentId, UUID teamId, UUID conversationId, String kind, String text) {
    jdbc.sql("""
        INSERT INTO sla_notification (id, agent_id, team_id, conversation_id, kind, text, created_at)
        VALUES (:id, :agent, :team, :conversation, :kind, :text, :at)""")
        .param("id", Ids.newId()).param("agent", agentId).param("team", agentId == null ? teamId : null)
        .param("conversation", conversationId).param("kind", kind).param("text", text)
        .param("at", utc(clock.instant())).update();
  }

  /** The newest notifications for the agent: their own and those of their teams' unassigned conversations. */
  public List<SlaNotification> forAgent(UUID agentId, Collection<UUID> teamIds, int limit) {
    String teams = teamIds.isEmpty() ? "" : " OR team_id IN (:teams)";
    var sql = jdbc.sql("SELECT * FROM sla_notification WHERE agent_id = :agent" + teams
        + " ORDER BY created_at DESC LIMIT :limit").param("agent", agentId).param("limit", limit);
    if (!teamIds.isEmpty()) {
      sql = sql.param("teams", List.copyOf(teamIds));
    }
    return sql.query((rs, n) -> new SlaNotification(rs.getObject("id", UUID.class),
        rs.getObject("agent_id", UUID.class), rs.getObject("team_id", UUID.class),
        rs.getObject("conversation_id", UUID.class), rs.getString("kind"), rs.getString("text"),
        instant(rs, "created_at"), instant(rs, "read_at"))).list();
  }

  /** Every notification about one conversation, oldest first. */
  public List<SlaNotification> ofConversation(UUID conversationId) {
    return jdbc.sql("SELECT * FROM sla_notification WHERE conversation_id = :c ORDER BY created_at")
        .param("c", conversationId)
        .query((rs, n) -> new SlaNotification(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
            rs.getObject("team_id", UUID.class), rs.getObject("conversation_id", UUID.class), rs.getString("kind"),
            rs.getString("text"), instant(rs, "created_at"), instant(rs, "read_at"))).list();
  }
}
