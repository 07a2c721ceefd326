package dev.tact.sla;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * In-app notifications of SLA warnings and breaches (table {@code sla_notification}). An agent sees their own
 * and those of their teams' unassigned conversations; a team's notification read by one member is read for all.
 */
@Service
public class SlaNotifications {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final StaffDirectory staff;

  SlaNotifications(JdbcClient jdbc, Clock clock, StaffDirectory staff) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.staff = staff;
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
  public List<SlaNotification> forAgent(UUID agentId, int limit) {
    return visibleTo("SELECT * FROM sla_notification WHERE ", agentId,
        " ORDER BY created_at DESC LIMIT :limit").param("limit", limit)
        .query((rs, n) -> new SlaNotification(rs.getObject("id", UUID.class),
        rs.getObject("agent_id", UUID.class), rs.getObject("team_id", UUID.class),
        rs.getObject("conversation_id", UUID.class), rs.getString("kind"), rs.getString("text"),
        instant(rs, "created_at"), instant(rs, "read_at"))).list();
  }

  /** How many of the agent's notifications are unread. */
  public int unreadCount(UUID agentId) {
    return visibleTo("SELECT COUNT(*) FROM sla_notification WHERE read_at IS NULL AND ", agentId, "")
        .query(Integer.class).single();
  }

  /**
   * Marks one of the agent's notifications read (a notification already read keeps its first read time). One the
   * agent does not see (unknown, or another agent's) is not found.
   */
  public void markRead(UUID id, UUID agentId) {
    int matched = visibleTo("UPDATE sla_notification SET read_at = COALESCE(read_at, :now) WHERE id = :id AND ",
        agentId, "").param("now", utc(clock.instant())).param("id", id).update();
    if (matched == 0) {
      throw ProblemException.notFound("sla-notification", id);
    }
  }

  /** Marks every unread notification of the agent read and returns how many. */
  public int markAllRead(UUID agentId) {
    return visibleTo("UPDATE sla_notification SET read_at = :now WHERE read_at IS NULL AND ", agentId, "")
        .param("now", utc(clock.instant())).update();
  }

  /** {@code head}, the condition that the agent sees a row (in parentheses), then {@code tail}. */
  private JdbcClient.StatementSpec visibleTo(String head, UUID agentId, String tail) {
    List<UUID> teamIds = staff.teamIdsOf(agentId);
    String teams = teamIds.isEmpty() ? "" : " OR team_id IN (:teams)";
    var sql = jdbc.sql(head + "(agent_id = :agent" + teams + ")" + tail).param("agent", agentId);
    return teamIds.isEmpty() ? sql : sql.param("teams", teamIds);
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
