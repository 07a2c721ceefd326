package dev.tact.incident;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incident tables. Only this class touches them. */
@Repository
class IncidentStore {

  private static final String INCIDENT_COLUMNS = """
      id, number, title, impact, state, message, keywords, started_at, declared_at, declared_by,
      first_public_update_at, resolved_at, postmortem_url, acknowledge_reporters, version""";
  private static final String LINK_COLUMNS = """
      incident_id, conversation_id, contact_id, excerpt, match_reason, linked_at, linked_by, unlinked_at,
      unlinked_by""";

  private final JdbcClient jdbc;

  IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- components

  void insertComponent(Component c, Instant now) {
    jdbc.sql("""
        INSERT INTO incident_component (id, name, name_key, group_name, description, keywords, position, created_at)
        VALUES (:id, :name, :key, :group, :description, :keywords, :position, :created)""")
        .param("id", c.id()).param("name", c.name()).param("key", key(c.name())).param("group", c.groupName())
        .param("description", c.description()).param("keywords", String.join(",", c.keywords()))
        .param("position", c.position()).param("created", utc(now)).update();
  }

  void updateComponent(Component c) {
    jdbc.sql("""
        UPDATE incident_component SET name = :name, name_key = :key, group_name = :group, description = :description,
          keywords = :keywords, position = :position WHERE id = :id""")
        .param("id", c.id()).param("name", c.name()).param("key", key(c.name())).param("group", c.groupName())
        .param("description", c.description()).param("keywords", String.join(",", c.keywords()))
        .param("position", c.position()).update();
  }

  boolean componentInUse(UUID id) {
    return jdbc.sql("SELECT COUNT(*) FROM incident_affected_component WHERE component_id = :id").param("id", id)
        .query(Long.class).single() > 0;
  }

  void deleteComponent(UUID id) {
    jdbc.sql("DELETE FROM status_subscriber WHERE component_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM incident_component WHERE id = :id").param("id", id).update();
  }

  boolean nameTaken(String name, UUID except) {
    return jdbc.sql("SELECT COUNT(*) FROM incident_component WHERE name_key = :key AND id <> :except")
        .param("key", key(name)).param("except", except == null ? new UUID(0, 0) : except).query(Long.class)
        .single() > 0;
  }

  List<Component> components() {
    return jdbc.sql("""
        SELECT id, name, group_name, description, keywords, position FROM incident_component
        ORDER BY COALESCE(group_name, ''), position, name""").query(IncidentStore::component).list();
  }

  Optional<Component> findComponent(UUID id) {
    return jdbc.sql("SELECT id, name, group_name, description, keywords, position FROM incident_component "
        + "WHERE id = :id").param("id", id).query(IncidentStore::component).optional();
  }

  // ---- incidents

  long nextNumber() {
    return jdbc.sql("SELECT nextval('incident_number_seq')").query(Long.class).single();
  }

  void insert(Incident i) {
    jdbc.sql("INSERT INTO incident (" + INCIDENT_COLUMNS + """
        ) VALUES (:id, :number, :title, :impact, :state, :message, :keywords, :started, :declared, :declaredBy,
          :firstUpdate, :resolved, :postmortem, :acknowledge, 0)""")
        .param("id", i.id()).param("number", i.number()).param("title", i.title()).param("impact", i.impact().name())
        .param("state", i.state().name()).param("message", i.message()).param("keywords", String.join(",", i.keywords()))
        .param("started", utc(i.startedAt())).param("declared", utc(i.declaredAt())).param("declaredBy", i.declaredBy())
        .param("firstUpdate", utc(i.firstPublicUpdateAt())).param("resolved", utc(i.resolvedAt()))
        .param("postmortem", i.postmortemUrl()).param("acknowledge", i.acknowledgeReporters()).update();
    setComponents(i.id(), i.componentIds());
  }

  /** Writes the incident's changeable fields if it is still at {@code seenVersion}; false when someone was first. */
  boolean update(Incident i, long seenVersion) {
    int changed = jdbc.sql("""
        UPDATE incident SET title = :title, impact = :impact, state = :state, message = :message,
          keywords = :keywords, resolved_at = :resolved, postmortem_url = :postmortem,
          acknowledge_reporters = :acknowledge, version = version + 1
        WHERE id = :id AND version = :seen""")
        .param("id", i.id()).param("title", i.title()).param("impact", i.impact().name())
        .param("state", i.state().name()).param("message", i.message()).param("keywords", String.join(",", i.keywords()))
        .param("resolved", utc(i.resolvedAt())).param("postmortem", i.postmortemUrl())
        .param("acknowledge", i.acknowledgeReporters()).param("seen", seenVersion).update();
    if (changed == 1) {
      setComponents(i.id(), i.componentIds());
    }
    return changed == 1;
  }

  private void setComponents(UUID incidentId, List<UUID> componentIds) {
    jdbc.sql("DELETE FROM incident_affected_component WHERE incident_id = :id").param("id", incidentId).update();
    for (UUID component : componentIds) {
      jdbc.sql("INSERT INTO incident_affected_component (incident_id, component_id) VALUES (:id, :component)")
          .param("id", incidentId).param("component", component).update();
    }
  }

  Optional<Incident> find(UUID id) {
    return withComponents(jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE id = :id").param("id", id)
        .query(IncidentStore::incident).list()).stream().findFirst();
  }

  Optional<Incident> findByNumber(long number) {
    return withComponents(jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE number = :number")
        .param("number", number).query(IncidentStore::incident).list()).stream().findFirst();
  }

  List<Incident> open() {
    return withComponents(jdbc.sql("SELECT " + INCIDENT_COLUMNS
        + " FROM incident WHERE resolved_at IS NULL ORDER BY started_at DESC").query(IncidentStore::incident).list());
  }

  /** Incidents open at some time since {@code since} (the status page's history), newest first. */
  List<Incident> since(Instant since) {
    return withComponents(jdbc.sql("SELECT " + INCIDENT_COLUMNS
            + " FROM incident WHERE resolved_at IS NULL OR resolved_at >= :since ORDER BY started_at DESC")
        .param("since", utc(since)).query(IncidentStore::incident).list());
  }

  List<Incident> recent(int limit) {
    return withComponents(jdbc.sql("SELECT " + INCIDENT_COLUMNS
            + " FROM incident ORDER BY started_at DESC, number DESC LIMIT :limit")
        .param("limit", limit).query(IncidentStore::incident).list());
  }

  private List<Incident> withComponents(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      return incidents;
    }
    Map<UUID, List<UUID>> byIncident = new HashMap<>();
    jdbc.sql("SELECT incident_id, component_id FROM incident_affected_component WHERE incident_id IN (:ids)")
        .param("ids", incidents.stream().map(Incident::id).toList())
        .query((rs, n) -> byIncident.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
            .add(rs.getObject(2, UUID.class))).list();
    return incidents.stream().map(i -> new Incident(i.id(), i.number(), i.title(), i.impact(), i.state(), i.message(),
        i.keywords(), i.startedAt(), i.declaredAt(), i.declaredBy(), i.firstPublicUpdateAt(), i.resolvedAt(),
        i.postmortemUrl(), i.acknowledgeReporters(), byIncident.getOrDefault(i.id(), List.of()), i.version())).toList();
  }

  // ---- updates

  void insertUpdate(IncidentUpdate u) {
    jdbc.sql("""
        INSERT INTO incident_update (id, incident_id, state, message, notify, posted_at, posted_by, notices_queued)
        VALUES (:id, :incident, :state, :message, :notify, :posted, :by, 0)""")
        .param("id", u.id()).param("incident", u.incidentId()).param("state", u.state().name())
        .param("message", u.message()).param("notify", u.sendNotices()).param("posted", utc(u.postedAt()))
        .param("by", u.postedBy()).update();
  }

  Map<UUID, List<IncidentUpdate>> updates(Collection<UUID> incidentIds) {
    Map<UUID, List<IncidentUpdate>> byIncident = new LinkedHashMap<>();
    if (incidentIds.isEmpty()) {
      return byIncident;
    }
    jdbc.sql("""
        SELECT id, incident_id, state, message, notify, posted_at, posted_by, notices_queued FROM incident_update
        WHERE incident_id IN (:ids) ORDER BY posted_at DESC, id DESC""").param("ids", List.copyOf(incidentIds))
        .query(IncidentStore::update).list()
        .forEach(u -> byIncident.computeIfAbsent(u.incidentId(), k -> new ArrayList<>()).add(u));
    return byIncident;
  }

  Optional<IncidentUpdate> findUpdate(UUID id) {
    return jdbc.sql("""
        SELECT id, incident_id, state, message, notify, posted_at, posted_by, notices_queued FROM incident_update
        WHERE id = :id""").param("id", id).query(IncidentStore::update).optional();
  }

  /** Claims an update's notices for this node: false when another already did (they go out once per update). */
  boolean claimNotices(UUID updateId, Instant now) {
    return jdbc.sql("UPDATE incident_update SET noticed_at = :now WHERE id = :id AND noticed_at IS NULL AND notify")
        .param("id", updateId).param("now", utc(now)).update() == 1;
  }

  void noticesQueued(UUID updateId, int count) {
    jdbc.sql("UPDATE incident_update SET notices_queued = :count WHERE id = :id").param("id", updateId)
        .param("count", count).update();
  }

  /** Updates that ask for notices none has sent yet (a node stopped before it finished, or the event was lost). */
  List<UUID> updatesAwaitingNotices(Instant postedBefore) {
    return jdbc.sql("""
        SELECT id FROM incident_update WHERE notify AND noticed_at IS NULL AND posted_at < :before
        ORDER BY posted_at""").param("before", utc(postedBefore)).query(UUID.class).list();
  }

  // ---- linked conversations, selected contacts, subscribers

  /** Links the conversation, filed as {@code filing} says; false when it was linked (or unlinked) before. */
  boolean link(LinkedConversation link, LinkFiling filing) {
    return jdbc.sql("INSERT INTO incident_conversation (" + LINK_COLUMNS + """
          , filed_as, team_id, assignee_id, channel, intent_tags
        ) SELECT :incident, :conversation, :contact, :excerpt, :reason, :linked, :by, NULL, NULL,
          :conversation, :team, :assignee, :channel, :intents
          WHERE NOT EXISTS (SELECT 1 FROM incident_conversation
                            WHERE incident_id = :incident AND conversation_id = :conversation)""")
        .param("incident", link.incidentId()).param("conversation", link.conversationId())
        .param("contact", link.contactId()).param("excerpt", clip(link.excerpt(), 1000))
        .param("reason", clip(link.matchReason(), 300)).param("linked", utc(link.linkedAt()))
        .param("by", link.linkedBy()).param("team", filing.teamId()).param("assignee", filing.assigneeId())
        .param("channel", filing.channel() == null ? null : filing.channel().name(), java.sql.Types.VARCHAR)
        .param("intents", filing.intentTags(), java.sql.Types.VARCHAR).update() == 1;
  }

  /** Files every link that follows this conversation's filing (its own, and those of conversations merged into it). */
  void refile(UUID conversationId, LinkFiling filing) {
    jdbc.sql("""
        UPDATE incident_conversation SET team_id = :team, assignee_id = :assignee, channel = :channel,
          intent_tags = :intents
        WHERE filed_as = :id""")
        .param("id", conversationId).param("team", filing.teamId()).param("assignee", filing.assigneeId())
        .param("channel", filing.channel() == null ? null : filing.channel().name(), java.sql.Types.VARCHAR)
        .param("intents", filing.intentTags(), java.sql.Types.VARCHAR).update();
  }

  /** The links that followed {@code sourceId}'s filing follow {@code targetId}'s from now on (a merge). */
  void fileAs(UUID sourceId, UUID targetId) {
    jdbc.sql("UPDATE incident_conversation SET filed_as = :target WHERE filed_as = :source")
        .param("source", sourceId).param("target", targetId).update();
  }

  /** Links again a conversation an agent had unlinked, when an agent links it by hand. */
  boolean relink(UUID incidentId, UUID conversationId, String by, Instant now) {
    return jdbc.sql("""
        UPDATE incident_conversation SET unlinked_at = NULL, unlinked_by = NULL, linked_by = :by, linked_at = :now,
          match_reason = 'linked by an agent'
        WHERE incident_id = :incident AND conversation_id = :conversation AND unlinked_at IS NOT NULL""")
        .param("incident", incidentId).param("conversation", conversationId).param("by", by).param("now", utc(now))
        .update() == 1;
  }

  boolean unlink(UUID incidentId, UUID conversationId, String by, Instant now) {
    return jdbc.sql("""
        UPDATE incident_conversation SET unlinked_at = :now, unlinked_by = :by
        WHERE incident_id = :incident AND conversation_id = :conversation AND unlinked_at IS NULL""")
        .param("incident", incidentId).param("conversation", conversationId).param("by", by).param("now", utc(now))
        .update() == 1;
  }

  /** Marks a linked conversation acknowledged; false when it already was (one acknowledgement per link). */
  boolean acknowledge(UUID incidentId, UUID conversationId) {
    return jdbc.sql("""
        UPDATE incident_conversation SET acknowledged = TRUE
        WHERE incident_id = :incident AND conversation_id = :conversation AND NOT acknowledged""")
        .param("incident", incidentId).param("conversation", conversationId).update() == 1;
  }

  boolean contactAcknowledged(UUID incidentId, UUID contactId) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM incident_conversation WHERE incident_id = :incident AND contact_id = :contact
          AND acknowledged""").param("incident", incidentId).param("contact", contactId).query(Long.class)
        .single() > 0;
  }

  List<LinkedConversation> links(UUID incidentId) {
    return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM incident_conversation WHERE incident_id = :id "
        + "ORDER BY linked_at DESC").param("id", incidentId).query(IncidentStore::link).list();
  }

  List<LinkedConversation> linksOfConversation(UUID conversationId) {
    return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM incident_conversation WHERE conversation_id = :id "
        + "ORDER BY linked_at DESC").param("id", conversationId).query(IncidentStore::link).list();
  }

  /** What the reports linked to these incidents said (recent first, some per incident), for similarity. */
  Map<UUID, List<String>> excerpts(Collection<UUID> incidentIds, int perIncident) {
    Map<UUID, List<String>> byIncident = new HashMap<>();
    if (incidentIds.isEmpty()) {
      return byIncident;
    }
    jdbc.sql("""
        SELECT incident_id, excerpt FROM incident_conversation
        WHERE incident_id IN (:ids) AND unlinked_at IS NULL AND excerpt IS NOT NULL ORDER BY linked_at DESC""")
        .param("ids", List.copyOf(incidentIds)).query((rs, n) -> {
          List<String> list = byIncident.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>());
          if (list.size() < perIncident) {
            list.add(rs.getString(2));
          }
          return n;
        }).list();
    return byIncident;
  }

  int select(UUID incidentId, Collection<UUID> contactIds, Instant now) {
    int added = 0;
    for (UUID contact : contactIds) {
      added += jdbc.sql("""
          INSERT INTO incident_selected_contact (incident_id, contact_id, selected_at)
          SELECT :incident, :contact, :now WHERE NOT EXISTS (
            SELECT 1 FROM incident_selected_contact WHERE incident_id = :incident AND contact_id = :contact)""")
          .param("incident", incidentId).param("contact", contact).param("now", utc(now)).update();
    }
    return added;
  }

  /**
   * The contacts an incident affects: reporters (linked, not unlinked), contacts selected, and confirmed subscribers
   * of its components or of every component.
   */
  List<UUID> affectedContacts(UUID incidentId) {
    return jdbc.sql("""
        SELECT contact_id FROM incident_conversation
          WHERE incident_id = :id AND unlinked_at IS NULL AND contact_id IS NOT NULL
        UNION
        SELECT contact_id FROM incident_selected_contact WHERE incident_id = :id
        UNION
        SELECT s.contact_id FROM status_subscriber s
          WHERE s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
            AND (s.component_id IS NULL OR s.component_id IN (
              SELECT component_id FROM incident_affected_component WHERE incident_id = :id))""")
        .param("id", incidentId).query(UUID.class).list();
  }

  /**
   * For each of these contacts, the incidents that affect them and are open or were resolved after
   * {@code resolvedAfter} (the sales cool-down), the open or latest resolved first.
   */
  Map<UUID, List<Incident>> affecting(Collection<UUID> contactIds, Instant resolvedAfter) {
    Map<UUID, List<Incident>> byContact = new HashMap<>();
    if (contactIds.isEmpty()) {
      return byContact;
    }
    Map<UUID, List<UUID>> incidentsOf = new HashMap<>();
    jdbc.sql("""
        SELECT a.contact_id, a.incident_id FROM (
          SELECT contact_id, incident_id FROM incident_conversation
            WHERE contact_id IN (:contacts) AND unlinked_at IS NULL
          UNION
          SELECT contact_id, incident_id FROM incident_selected_contact WHERE contact_id IN (:contacts)
          UNION
          SELECT s.contact_id, c.incident_id FROM status_subscriber s
            JOIN incident_affected_component c ON s.component_id IS NULL OR s.component_id = c.component_id
            WHERE s.contact_id IN (:contacts) AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
        ) a JOIN incident i ON i.id = a.incident_id
        WHERE i.resolved_at IS NULL OR i.resolved_at > :after""")
        .param("contacts", List.copyOf(contactIds)).param("after", utc(resolvedAfter))
        .query((rs, n) -> incidentsOf.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
            .add(rs.getObject(2, UUID.class))).list();
    if (incidentsOf.isEmpty()) {
      return byContact;
    }
    Map<UUID, Incident> incidents = new HashMap<>();
    List<UUID> ids = incidentsOf.values().stream().flatMap(List::stream).distinct().toList();
    jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE id IN (:ids)").param("ids", ids)
        .query(IncidentStore::incident).list().forEach(i -> incidents.put(i.id(), i));
    incidentsOf.forEach((contact, list) -> byContact.put(contact, list.stream().distinct().map(incidents::get)
        .sorted((a, b) -> a.open() != b.open() ? (a.open() ? -1 : 1) : b.resolvedAt() == null ? 0
            : b.resolvedAt().compareTo(a.resolvedAt())).toList()));
    return byContact;
  }

  void insertSubscriber(UUID id, UUID contactId, String email, UUID componentId, String token, Instant now) {
    jdbc.sql("""
        INSERT INTO status_subscriber (id, contact_id, email, component_id, token, created_at)
        VALUES (:id, :contact, :email, :component, :token, :now)""")
        .param("id", id).param("contact", contactId).param("email", email).param("component", componentId)
        .param("token", token).param("now", utc(now)).update();
  }

  Optional<Subscription> subscriptionByToken(String token) {
    return jdbc.sql("""
        SELECT id, contact_id, email, component_id, confirmed_at, unsubscribed_at FROM status_subscriber
        WHERE token = :token""").param("token", token).query((rs, n) -> new Subscription(rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), instant(rs, "confirmed_at"),
        instant(rs, "unsubscribed_at"))).optional();
  }

  Optional<Subscription> activeSubscription(String email, UUID componentId) {
    return jdbc.sql("""
        SELECT id, contact_id, email, component_id, confirmed_at, unsubscribed_at FROM status_subscriber
        WHERE email = :email AND unsubscribed_at IS NULL
          AND ((:component IS NULL AND component_id IS NULL) OR component_id = :component)""")
        .param("email", email).param("component", componentId)
        .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getObject(4, UUID.class), instant(rs, "confirmed_at"), instant(rs, "unsubscribed_at")))
        .list().stream().findFirst();
  }

  boolean confirm(UUID id, Instant now) {
    return jdbc.sql("UPDATE status_subscriber SET confirmed_at = :now WHERE id = :id AND confirmed_at IS NULL "
        + "AND unsubscribed_at IS NULL").param("id", id).param("now", utc(now)).update() == 1;
  }

  boolean unsubscribe(UUID id, Instant now) {
    return jdbc.sql("UPDATE status_subscriber SET unsubscribed_at = :now WHERE id = :id AND unsubscribed_at IS NULL")
        .param("id", id).param("now", utc(now)).update() == 1;
  }

  /** The unsubscribe tokens of these contacts' confirmed subscriptions (one per contact). */
  Map<UUID, String> subscriptionTokens(Collection<UUID> contactIds) {
    Map<UUID, String> tokens = new HashMap<>();
    if (contactIds.isEmpty()) {
      return tokens;
    }
    jdbc.sql("""
        SELECT contact_id, token FROM status_subscriber
        WHERE contact_id IN (:contacts) AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL""")
        .param("contacts", List.copyOf(contactIds))
        .query((rs, n) -> tokens.putIfAbsent(rs.getObject(1, UUID.class), rs.getString(2))).list();
    return tokens;
  }

  long confirmedSubscribers() {
    return jdbc.sql("SELECT COUNT(*) FROM status_subscriber WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL")
        .query(Long.class).single();
  }

  /** A subscription as stored; {@code componentId} null for every component. */
  record Subscription(UUID id, UUID contactId, String email, UUID componentId, Instant confirmedAt,
      Instant unsubscribedAt) {}

  // ---- figures and the status page's revision

  IncidentFigures figures(Incident incident) {
    Map<String, Object> row = jdbc.sql("""
        SELECT COUNT(DISTINCT contact_id) AS reporters, COUNT(*) AS linked FROM incident_conversation
        WHERE incident_id = :id AND unlinked_at IS NULL""").param("id", incident.id()).query().singleRow();
    long notices = jdbc.sql("SELECT COALESCE(SUM(notices_queued), 0) FROM incident_update WHERE incident_id = :id")
        .param("id", incident.id()).query(Long.class).single();
    return new IncidentFigures(incident.firstPublicUpdateAt() == null ? null
        : java.time.Duration.between(incident.startedAt(), incident.firstPublicUpdateAt()),
        ((Number) row.get("reporters")).longValue(), ((Number) row.get("linked")).longValue(), notices);
  }

  /** Of one incident, the reporters and conversations among its links that match the dashboard's filters. */
  record Reports(long reporters, long conversations) {}

  /**
   * Per incident number, of every incident that started in {@code [from, to)} (the first {@code limit}): the active
   * links filed under this team, assignee, channel and intent tag (null: any), counted; absent when none match.
   */
  Map<Long, Reports> reportsFiledUnder(Instant from, Instant to, int limit, UUID teamId, UUID assigneeId,
      String channel, String intentTag) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", utc(from));
    params.put("to", utc(to));
    params.put("limit", limit);
    StringBuilder where = new StringBuilder(" WHERE ic.unlinked_at IS NULL");
    if (teamId != null) {
      where.append(" AND ic.team_id = :team");
      params.put("team", teamId);
    }
    if (assigneeId != null) {
      where.append(" AND ic.assignee_id = :assignee");
      params.put("assignee", assigneeId);
    }
    if (channel != null) {
      where.append(" AND ic.channel = :channel");
      params.put("channel", channel);
    }
    if (intentTag != null) {
      where.append(" AND ic.intent_tags LIKE :intents");
      params.put("intents", "%," + likeLiteral(intentTag) + ",%");
    }
    Map<Long, Reports> reports = new HashMap<>();
    jdbc.sql("""
        SELECT i.number, COUNT(DISTINCT ic.contact_id) AS reporters, COUNT(*) AS conversations
          FROM incident_conversation ic
          JOIN (SELECT id, number FROM incident WHERE started_at >= :from AND started_at < :to
                ORDER BY started_at, number LIMIT :limit) i ON i.id = ic.incident_id""" + where
        + " GROUP BY i.number").params(params)
        .query(rs -> {
          reports.put(rs.getLong("number"), new Reports(rs.getLong("reporters"), rs.getLong("conversations")));
        });
    return reports;
  }

  /** The text matched as itself by LIKE (backslash is the escape character on PostgreSQL and H2). */
  private static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** One incident's figures for the dashboard: minutes to its first public update null before one. */
  record FiguresRow(long number, String title, String impact, Instant startedAt, Long minutesToFirstUpdate,
      long reporters, long conversations, long notices) {}

  /** The figures of every incident that started in {@code [from, to)}, oldest first (at most {@code limit}). */
  List<FiguresRow> figuresStartedBetween(Instant from, Instant to, int limit) {
    return jdbc.sql("""
        SELECT i.number, i.title, i.impact, i.started_at, i.first_public_update_at,
          (SELECT COUNT(DISTINCT ic.contact_id) FROM incident_conversation ic
            WHERE ic.incident_id = i.id AND ic.unlinked_at IS NULL) AS reporters,
          (SELECT COUNT(*) FROM incident_conversation ic
            WHERE ic.incident_id = i.id AND ic.unlinked_at IS NULL) AS conversations,
          (SELECT COALESCE(SUM(u.notices_queued), 0) FROM incident_update u WHERE u.incident_id = i.id) AS notices
        FROM incident i WHERE i.started_at >= :from AND i.started_at < :to
        ORDER BY i.started_at, i.number LIMIT :limit""")
        .param("from", utc(from)).param("to", utc(to)).param("limit", limit)
        .query((rs, n) -> {
          Instant started = instant(rs, "started_at");
          Instant firstUpdate = instant(rs, "first_public_update_at");
          return new FiguresRow(rs.getLong("number"), rs.getString("title"), rs.getString("impact"), started,
              firstUpdate == null ? null : java.time.Duration.between(started, firstUpdate).toMinutes(),
              rs.getLong("reporters"), rs.getLong("conversations"), rs.getLong("notices"));
        }).list();
  }

  void bumpRevision() {
    jdbc.sql("UPDATE status_revision SET revision = revision + 1 WHERE id = 1").update();
  }

  long revision() {
    return jdbc.sql("SELECT revision FROM status_revision WHERE id = 1").query(Long.class).single();
  }

  // ---- mapping

  private static Component component(ResultSet rs, int n) throws SQLException {
    return new Component(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("group_name"),
        rs.getString("description"), Components.keywords(rs.getString("keywords")), rs.getInt("position"));
  }

  private static Incident incident(ResultSet rs, int n) throws SQLException {
    return new Incident(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("title"),
        Impact.valueOf(rs.getString("impact")), IncidentState.valueOf(rs.getString("state")), rs.getString("message"),
        Components.keywords(rs.getString("keywords")), instant(rs, "started_at"), instant(rs, "declared_at"),
        rs.getString("declared_by"), instant(rs, "first_public_update_at"), instant(rs, "resolved_at"),
        rs.getString("postmortem_url"), rs.getBoolean("acknowledge_reporters"), List.of(), rs.getLong("version"));
  }

  private static IncidentUpdate update(ResultSet rs, int n) throws SQLException {
    return new IncidentUpdate(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
        IncidentState.valueOf(rs.getString("state")), rs.getString("message"), rs.getBoolean("notify"),
        instant(rs, "posted_at"), rs.getString("posted_by"), rs.getInt("notices_queued"));
  }

  private static LinkedConversation link(ResultSet rs, int n) throws SQLException {
    return new LinkedConversation(rs.getObject("incident_id", UUID.class), rs.getObject("conversation_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getString("excerpt"), rs.getString("match_reason"),
        instant(rs, "linked_at"), rs.getString("linked_by"), instant(rs, "unlinked_at"), rs.getString("unlinked_by"));
  }

  private static String key(String name) {
    return name.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
