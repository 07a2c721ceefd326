package dev.tact.notification;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiFormat;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentZones;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffMailRequested;
import dev.tact.staff.StaffPageLinks;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' notifications (table {@code notification_item}) and what each agent wants to hear of ({@code
 * notification_preference}). A cause (a message, an assignment, an SLA clock's warning) notifies an agent once: a
 * second delivery of the same event finds the row and does nothing, so nothing is mailed twice.
 */
@Service
public class Notifications {

  static final int MAX_TEXT = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final StaffDirectory staff;
  private final AgentZones zones;
  private final StaffPageLinks links;
  private final ApplicationEventPublisher events;

  Notifications(JdbcClient jdbc, Clock clock, StaffDirectory staff, AgentZones zones, StaffPageLinks links,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.staff = staff;
    this.zones = zones;
    this.links = links;
    this.events = events;
  }

  /** What to tell an agent, and why (the cause makes it happen once per agent). */
  record Notice(UUID agentId, NotificationKind kind, String cause, UUID conversationId, Long conversationNumber,
      String subject, String text) {}

  /**
   * Notifies the agent as they chose: a row shown in the app, a mail to their own address, both, or nothing. An
   * inactive agent, or one told of this cause before, is not notified. Answers whether anything new was recorded.
   */
  @Transactional
  public boolean notify(Notice notice) {
    Agent agent = staff.agent(notice.agentId()).filter(Agent::active).orElse(null);
    if (agent == null) {
      return false;
    }
    NotificationPreference preference = preferences(agent.id()).get(notice.kind());
    if (!preference.inApp() && !preference.byEmail()) {
      return false;
    }
    UUID id = Ids.newId();
    Instant now = clock.instant();
    String text = notice.text().length() > MAX_TEXT ? notice.text().substring(0, MAX_TEXT - 1) + "…" : notice.text();
    int inserted = jdbc.sql("""
        INSERT INTO notification_item (id, agent_id, kind, cause, conversation_id, conversation_number, text, in_app,
            emailed, created_at)
        VALUES (:id, :agent, :kind, :cause, :conversation, :number, :text, :inApp, :emailed, :at)
        ON CONFLICT DO NOTHING""")
        .param("id", id).param("agent", agent.id()).param("kind", notice.kind().name()).param("cause", notice.cause())
        .param("conversation", notice.conversationId()).param("number", notice.conversationNumber())
        .param("text", text).param("inApp", preference.inApp()).param("emailed", preference.byEmail())
        .param("at", utc(now)).update();
    if (inserted == 0) {
      return false;
    }
    if (preference.byEmail()) {
      events.publishEvent(mail(agent, notice, now));
    }
    return true;
  }

  private StaffMailRequested mail(Agent agent, Notice notice, Instant at) {
    UiFormat format = new UiFormat(zones.of(agent.id()));
    String page = notice.conversationNumber() == null ? links.url("/notifications")
        : links.url("/conversations/" + notice.conversationNumber());
    String text = """
        Hello %s,

        %s

        %s

        (%s. You choose what Tact mails you under Notifications: %s)
        """.formatted(agent.displayName(), notice.text(), page, format.time(at), links.url("/notifications"));
    UUID mailId = UUID.nameUUIDFromBytes((agent.id() + " " + notice.cause()).getBytes(StandardCharsets.UTF_8));
    return new StaffMailRequested(mailId, agent.id(), agent.email(), agent.displayName(), notice.subject(), text);
  }

  /** The agent's newest notifications shown in the app, unread and read. */
  public List<Notification> forAgent(UUID agentId, int limit) {
    return jdbc.sql("""
        SELECT * FROM notification_item WHERE agent_id = :agent AND in_app ORDER BY created_at DESC, id DESC
        LIMIT :limit""").param("agent", agentId).param("limit", limit).query(Notifications::row).list();
  }

  /** How many of the agent's notifications in the app are unread. */
  public int unreadCount(UUID agentId) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_item WHERE agent_id = :agent AND in_app AND read_at IS NULL")
        .param("agent", agentId).query(Integer.class).single();
  }

  /** Marks one of the agent's notifications read (it keeps its first read time); another agent's is not found. */
  @Transactional
  public Notification markRead(UUID id, UUID agentId) {
    int matched = jdbc.sql("""
        UPDATE notification_item SET read_at = COALESCE(read_at, :now) WHERE id = :id AND agent_id = :agent""")
        .param("now", utc(clock.instant())).param("id", id).param("agent", agentId).update();
    if (matched == 0) {
      throw ProblemException.notFound("notification", id);
    }
    return jdbc.sql("SELECT * FROM notification_item WHERE id = :id").param("id", id)
        .query(Notifications::row).single();
  }

  /** Marks every unread notification of the agent read and answers how many. */
  @Transactional
  public int markAllRead(UUID agentId) {
    return jdbc.sql("UPDATE notification_item SET read_at = :now WHERE agent_id = :agent AND in_app AND read_at IS NULL")
        .param("now", utc(clock.instant())).param("agent", agentId).update();
  }

  /** The agent's choice for every kind, the defaults where they chose nothing. */
  public Map<NotificationKind, NotificationPreference> preferences(UUID agentId) {
    Map<NotificationKind, NotificationPreference> result = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      result.put(kind, kind.defaults());
    }
    jdbc.sql("SELECT kind, in_app, by_email FROM notification_preference WHERE agent_id = :agent")
        .param("agent", agentId).query((rs, n) -> new NotificationPreference(NotificationKind.valueOf(
            rs.getString("kind")), rs.getBoolean("in_app"), rs.getBoolean("by_email")))
        .list().forEach(p -> result.put(p.kind(), p));
    return result;
  }

  /** Replaces the agent's choices; a kind not given keeps its defaults. */
  @Transactional
  public void setPreferences(UUID agentId, List<NotificationPreference> preferences) {
    staff.requireAgent(agentId);
    jdbc.sql("DELETE FROM notification_preference WHERE agent_id = :agent").param("agent", agentId).update();
    for (NotificationPreference p : preferences) {
      jdbc.sql("""
          INSERT INTO notification_preference (agent_id, kind, in_app, by_email) VALUES (:agent, :kind, :inApp, :email)""")
          .param("agent", agentId).param("kind", p.kind().name()).param("inApp", p.inApp())
          .param("email", p.byEmail()).update();
    }
  }

  private static Notification row(ResultSet rs, int n) throws SQLException {
    long number = rs.getLong("conversation_number");
    Long conversationNumber = rs.wasNull() ? null : number;
    return new Notification(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
        rs.getObject("conversation_id", UUID.class), conversationNumber, rs.getString("text"),
        instant(rs, "created_at"), instant(rs, "read_at"));
  }
}
