package dev.tact.conversation;

import dev.tact.shared.Channel;
import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.staff.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.function.SingletonSupplier;

/** The conversation tables, and only SQL: rules live in {@link ConversationManagement}. */
@Repository
class ConversationStore {

  private static final String SUMMARY_COLUMNS = """
      c.id, c.number, c.subject, c.status, c.priority, c.channel, c.contact_id, c.team_id, c.assignee_id,
      c.created_at, c.last_message_at, c.tier""";

  private final JdbcClient jdbc;
  /** The listeners, looked up at the first change (a lookup per change cost more than the listeners' work). */
  private final Supplier<List<ConversationChangeListener>> listeners;

  ConversationStore(JdbcClient jdbc,
      org.springframework.beans.factory.ObjectProvider<ConversationChangeListener> changeListeners) {
    this.jdbc = jdbc;
    this.listeners = SingletonSupplier.of(() -> changeListeners.stream().toList());
  }

  /** Every write to a conversation's rows goes through here, so that search hears of it in the same transaction. */
  private void changed(UUID conversationId) {
    listeners.get().forEach(listener -> listener.conversationChanged(conversationId));
  }

  long nextNumber() {
    return jdbc.sql("SELECT nextval('conv_number_seq')").query(Long.class).single();
  }

  /** A new conversation at version 1: the version its opening's history entry makes ({@link ChangeRecorder}). */
  void insertConversation(UUID id, long number, String subject, Channel channel, UUID contactId,
      String externalThreadId, UUID teamId, Instant at) {
    jdbc.sql("""
        INSERT INTO conv_conversation (id, number, subject, status, priority, channel, contact_id, team_id,
          external_thread_id, created_at, updated_at, last_message_at, version)
        VALUES (:id, :number, :subject, 'NEW', 'NORMAL', :channel, :contact, :team, :thread, :at, :at, :at, 1)""")
        .param("id", id).param("number", number).param("subject", subject).param("channel", channel.name())
        .param("contact", contactId).param("team", teamId).param("thread", externalThreadId).param("at", utc(at))
        .update();
    changed(id);
  }

  void insertMessage(UUID conversationId, Message m, UUID inboundItemId) {
    jdbc.sql("""
        INSERT INTO conv_message (id, conversation_id, direction, channel, contact_id, author_agent_id, author_name,
          body, full_body, automatic, external_id, inbound_item_id, created_at)
        VALUES (:id, :conversation, :direction, :channel, :contact, :agent, :author, :body, :fullBody, :automatic,
          :external, :item, :at)""")
        .param("id", m.id()).param("conversation", conversationId).param("direction", m.direction().name())
        .param("channel", m.channel().name()).param("contact", m.contactId()).param("agent", m.authorAgentId())
        .param("author", m.authorName()).param("body", m.body()).param("fullBody", m.fullBody())
        .param("automatic", m.automatic()).param("external", m.externalId())
        .param("item", inboundItemId).param("at", utc(m.createdAt())).update();
    changed(conversationId);
  }

  void insertFields(UUID messageId, List<GivenField> fields) {
    int position = 0;
    for (GivenField field : fields) {
      jdbc.sql("""
          INSERT INTO conv_message_field (message_id, position, label, field_value)
          VALUES (:message, :position, :label, :value)""")
          .param("message", messageId).param("position", position++).param("label", field.label())
          .param("value", field.value()).update();
    }
  }

  List<GivenField> fieldsOf(UUID conversationId) {
    return jdbc.sql("""
        SELECT f.label, f.field_value FROM conv_message_field f JOIN conv_message m ON m.id = f.message_id
        WHERE m.conversation_id = :conversation ORDER BY m.created_at, m.id, f.position""")
        .param("conversation", conversationId)
        .query((rs, n) -> new GivenField(rs.getString("label"), rs.getString("field_value"))).list();
  }

  void touch(UUID conversationId, Instant at, boolean messageArrived) {
    jdbc.sql(messageArrived
            ? "UPDATE conv_conversation SET updated_at = :at, last_message_at = :at WHERE id = :id"
            : "UPDATE conv_conversation SET updated_at = :at WHERE id = :id")
        .param("at", utc(at)).param("id", conversationId).update();
    changed(conversationId);
  }

  void updateColumn(UUID conversationId, String column, Object value, Instant at) {
    // column names come from this class's callers only, never from input
    jdbc.sql("UPDATE conv_conversation SET " + column + " = :value, updated_at = :at WHERE id = :id")
        .param("value", value).param("at", utc(at)).param("id", conversationId).update();
    changed(conversationId);
  }

  void insertHistory(UUID conversationId, Actor actor, String kind, String detail, Instant at, long version) {
    jdbc.sql("""
        INSERT INTO conv_event (id, conversation_id, occurred_at, actor_kind, actor_id, actor_name, kind, detail,
                                version)
        VALUES (:id, :conversation, :at, :actorKind, :actorId, :actorName, :kind, :detail, :version)""")
        .param("id", Ids.newId()).param("conversation", conversationId).param("at", utc(at)).param("version", version)
        .param("actorKind", actor.kind().name()).param("actorId", actor.id()).param("actorName", actor.name())
        .param("kind", kind).param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
        .update();
    changed(conversationId);
  }

  void insertLink(UUID conversationId, UUID linkedId, String kind, Instant at) {
    jdbc.sql("""
        INSERT INTO conv_link (conversation_id, linked_id, kind, created_at) VALUES (:conversation, :linked, :kind, :at)
        ON CONFLICT DO NOTHING""")
        .param("conversation", conversationId).param("linked", linkedId).param("kind", kind).param("at", utc(at))
        .update();
  }

  /** The conversations linked to this one, both ways, oldest link first; kind as seen from this one. */
  List<ConversationLink> links(UUID conversationId) {
    return jdbc.sql("""
        SELECT c.id, c.number, c.subject, l.created_at, 'mentions' AS direction
          FROM conv_link l JOIN conv_conversation c ON c.id = l.linked_id
         WHERE l.conversation_id = :id AND l.kind = 'MENTIONS'
        UNION ALL
        SELECT c.id, c.number, c.subject, l.created_at, 'mentioned-by' AS direction
          FROM conv_link l JOIN conv_conversation c ON c.id = l.conversation_id
         WHERE l.linked_id = :id AND l.kind = 'MENTIONS'
        ORDER BY created_at, number""")
        .param("id", conversationId)
        .query((rs, n) -> new ConversationLink(rs.getObject("id", UUID.class), rs.getLong("number"),
            rs.getString("subject"), rs.getString("direction"), instant(rs, "created_at")))
        .list();
  }

  /** Whether the contact is the conversation's requester or sent any of its inbound messages. */
  boolean isRequesterOrSender(UUID conversationId, UUID contactId) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM conv_conversation c
         WHERE c.id = :id AND (c.contact_id = :contact OR EXISTS (SELECT 1 FROM conv_message m
           WHERE m.conversation_id = c.id AND m.direction = 'INBOUND' AND m.contact_id = :contact))""")
        .param("id", conversationId).param("contact", contactId).query(Long.class).single() > 0;
  }

  boolean addTag(UUID conversationId, String tag) {
    boolean added = jdbc.sql("INSERT INTO conv_tag (conversation_id, tag) VALUES (:id, :tag) ON CONFLICT DO NOTHING")
        .param("id", conversationId).param("tag", tag).update() > 0;
    changed(conversationId);
    return added;
  }

  boolean removeTag(UUID conversationId, String tag) {
    boolean removed = jdbc.sql("DELETE FROM conv_tag WHERE conversation_id = :id AND tag = :tag")
        .param("id", conversationId).param("tag", tag).update() > 0;
    changed(conversationId);
    return removed;
  }

  Optional<ConversationSummary> find(UUID id) {
    return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM conv_conversation c WHERE c.id = :id").param("id", id)
        .query(this::summaryWithoutTags).optional().map(this::withTags);
  }

  Optional<ConversationSummary> findByNumber(long number) {
    return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM conv_conversation c WHERE c.number = :n").param("n", number)
        .query(this::summaryWithoutTags).optional().map(this::withTags);
  }

  /**
   * What a channel's thread leads to, in one query: its newest conversation that is not closed, else the conversation
   * its newest merged conversation was merged into (empty: neither).
   */
  ThreadEnd threadEnd(Channel channel, String externalThreadId) {
    return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", c.merged_into_id" + """
         FROM conv_conversation c
        WHERE c.channel = :channel AND c.external_thread_id = :thread
          AND (c.status <> 'CLOSED' OR c.merged_into_id IS NOT NULL)
        ORDER BY CASE WHEN c.status <> 'CLOSED' THEN 0 ELSE 1 END, c.created_at DESC LIMIT 1""")
        .param("channel", channel.name()).param("thread", externalThreadId)
        .query((rs, n) -> rs.getString("status").equals(Status.CLOSED.name())
            ? new ThreadEnd(Optional.empty(), Optional.of(rs.getObject("merged_into_id", UUID.class)))
            : new ThreadEnd(Optional.of(summaryWithoutTags(rs, n)), Optional.empty()))
        .optional().map(end -> new ThreadEnd(end.open().map(this::withTags), end.mergedInto()))
        .orElse(new ThreadEnd(Optional.empty(), Optional.empty()));
  }

  /** See {@link #threadEnd}: at most one of the two is present. */
  record ThreadEnd(Optional<ConversationSummary> open, Optional<UUID> mergedInto) {}

  Optional<Message> findMessageByExternalId(Channel channel, String externalId) {
    return jdbc.sql("SELECT * FROM conv_message WHERE channel = :channel AND external_id = :external")
        .param("channel", channel.name()).param("external", externalId).query(ConversationStore::message).optional();
  }

  /**
   * The conversations holding messages with these external ids on this channel, in the order of
   * the ids given (the nearest reference first); each conversation once.
   */
  List<ConversationSummary> conversationsWithMessages(Channel channel, List<String> externalIds) {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    Map<String, UUID> byExternalId = new HashMap<>();
    // (channel, id) pairs, not "channel = :channel AND external_id IN (:ids)": H2 takes only the channel from the
    // unique index for that and tests every message of the channel against the list
    jdbc.sql("""
        SELECT external_id, conversation_id FROM conv_message
        WHERE (channel, external_id) IN (:pairs)""")
        .param("pairs", externalIds.stream().map(id -> new Object[] {channel.name(), id}).toList())
        .query(rs -> {
          byExternalId.put(rs.getString("external_id"), rs.getObject("conversation_id", UUID.class));
        });
    return externalIds.stream().map(byExternalId::get).filter(java.util.Objects::nonNull).distinct()
        .map(this::find).flatMap(Optional::stream).toList();
  }

  /** The external ids of a conversation's messages, oldest first: an email reply's References. */
  List<String> externalIdsOf(UUID conversationId) {
    return jdbc.sql("""
        SELECT external_id FROM conv_message WHERE conversation_id = :id AND external_id IS NOT NULL
        ORDER BY created_at, id""").param("id", conversationId).query(String.class).list();
  }

  Map<UUID, Long> openLoad(java.util.Collection<UUID> agentIds) {
    Map<UUID, Long> load = new HashMap<>();
    jdbc.sql("""
        SELECT assignee_id, COUNT(*) AS n FROM conv_conversation
        WHERE assignee_id IN (:ids) AND status NOT IN ('SOLVED', 'CLOSED') GROUP BY assignee_id""")
        .param("ids", agentIds)
        .query(rs -> {
          load.put(rs.getObject("assignee_id", UUID.class), rs.getLong("n"));
        });
    return load;
  }

  UUID conversationOfMessage(UUID messageId) {
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE id = :id").param("id", messageId)
        .query(UUID.class).single();
  }

  PageResult<ConversationSummary> list(ConversationFilter filter, PageRequest page) {
    return list(filter, ConversationSort.ACTIVITY, page);
  }

  /** How many conversations the filter selects: one query. */
  long count(ConversationFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    return jdbc.sql("SELECT COUNT(*) FROM conv_conversation c" + where).params(params).query(Long.class).single();
  }

  PageResult<ConversationSummary> list(ConversationFilter filter, ConversationSort sort, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    long total = jdbc.sql("SELECT COUNT(*) FROM conv_conversation c" + where).params(params).query(Long.class).single();
    params.put("limit", page.size());
    params.put("offset", page.offset());
    List<ConversationSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM conv_conversation c" + where
            + " ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset")
        .params(params).query(this::summaryWithoutTags).list();
    return new PageResult<>(withTags(items), page.page(), page.size(), total);
  }

  private static String where(ConversationFilter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!filter.statuses().isEmpty()) {
      where.append(" AND c.status IN (:statuses)");
      params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
    }
    if (filter.teamId() != null) {
      where.append(" AND c.team_id = :team");
      params.put("team", filter.teamId());
    }
    if (filter.unassigned()) {
      where.append(" AND c.assignee_id IS NULL");
    } else if (filter.assigneeId() != null) {
      where.append(" AND c.assignee_id = :assignee");
      params.put("assignee", filter.assigneeId());
    }
    if (filter.tag() != null && !filter.tag().isBlank()) {
      where.append(" AND EXISTS (SELECT 1 FROM conv_tag t WHERE t.conversation_id = c.id AND t.tag = :tag)");
      params.put("tag", filter.tag().strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (filter.contactId() != null) {
      where.append(" AND c.contact_id = :contact");
      params.put("contact", filter.contactId());
    }
    if (filter.onlyIds() != null && filter.onlyIds().isEmpty()) {
      where.append(" AND 1 = 0");
    } else if (filter.onlyIds() != null) {
      // One array parameter, not one per id: the set may be larger than a driver's limit on bind parameters.
      where.append(" AND c.id = ANY(:ids)");
      params.put("ids", filter.onlyIds().toArray(UUID[]::new));
    }
    if (filter.channel() != null) {
      where.append(" AND c.channel = :channel");
      params.put("channel", filter.channel().name());
    }
    if (filter.priority() != null) {
      where.append(" AND c.priority = :priority");
      params.put("priority", filter.priority().name());
    }
    return where.toString();
  }

  List<Message> messages(UUID conversationId) {
    return jdbc.sql("SELECT * FROM conv_message WHERE conversation_id = :id ORDER BY created_at, id")
        .param("id", conversationId).query(ConversationStore::message).list();
  }

  /** A conversation's number and version. */
  record Version(long number, long version) {}

  Optional<Version> version(UUID conversationId) {
    return jdbc.sql("SELECT number, version FROM conv_conversation WHERE id = :id").param("id", conversationId)
        .query((rs, n) -> new Version(rs.getLong("number"), rs.getLong("version"))).optional();
  }

  /** The highest version these history entries made (0 when none made one). */
  long versionOf(java.util.Collection<UUID> historyIds) {
    return historyIds.isEmpty() ? 0 : jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM conv_event WHERE id IN (:ids)")
        .param("ids", historyIds).query(Long.class).single();
  }

  /**
   * Counts the version up, only from {@code seen} when given (else from any), and answers the number and the version
   * it made in the same statement; empty when it was not {@code seen}. With {@code touchedAt} the conversation is
   * also marked updated then (as {@link #touch}), and its last message then when {@code messageArrived}.
   */
  Optional<Version> countUpVersion(UUID conversationId, Long seen, Instant touchedAt, boolean messageArrived) {
    String touched = touchedAt == null ? "" : messageArrived ? ", updated_at = :at, last_message_at = :at"
        : ", updated_at = :at";
    org.springframework.jdbc.support.GeneratedKeyHolder made = new org.springframework.jdbc.support.GeneratedKeyHolder();
    int updated = jdbc.sql("UPDATE conv_conversation SET version = version + 1" + touched + " WHERE id = :id"
            + (seen == null ? "" : " AND version = :seen"))
        .param("id", conversationId).param("seen", seen).param("at", utc(touchedAt))
        .update(made, "number", "version");
    if (updated != 1) {
      return Optional.empty();
    }
    if (touchedAt != null) {
      changed(conversationId);
    }
    Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(made.getKeys());
    return Optional.of(new Version(((Number) row.get("number")).longValue(), ((Number) row.get("version")).longValue()));
  }

  /** The history entries that made versions after {@code version}, oldest first, each with its version. */
  List<Map.Entry<Long, HistoryEntry>> historySince(UUID conversationId, long version) {
    return jdbc.sql("""
        SELECT * FROM conv_event WHERE conversation_id = :id AND version > :version
        ORDER BY version, occurred_at, id""")
        .param("id", conversationId).param("version", version)
        .query((rs, n) -> Map.entry(rs.getLong("version"), historyEntry(rs)))
        .list();
  }

  List<HistoryEntry> history(UUID conversationId) {
    return jdbc.sql("SELECT * FROM conv_event WHERE conversation_id = :id ORDER BY occurred_at, id")
        .param("id", conversationId)
        .query((rs, n) -> historyEntry(rs))
        .list();
  }

  private static HistoryEntry historyEntry(ResultSet rs) throws SQLException {
    return new HistoryEntry(rs.getObject("id", UUID.class), instant(rs, "occurred_at"),
        new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getObject("actor_id", UUID.class),
            rs.getString("actor_name")),
        rs.getString("kind"), rs.getString("detail"));
  }

  /** When the contact's earliest conversation was opened; empty when it has none. */
  Optional<Instant> firstConversationAt(UUID contactId) {
    return jdbc.sql("SELECT MIN(created_at) AS first FROM conv_conversation WHERE contact_id = :contact")
        .param("contact", contactId).query((rs, n) -> Optional.ofNullable(instant(rs, "first"))).single();
  }

  Map<UUID, Instant> firstConversationsAt(java.util.Collection<UUID> contactIds) {
    Map<UUID, Instant> first = new HashMap<>();
    InLists.forEachSlice(contactIds, ids ->
        jdbc.sql("SELECT contact_id, MIN(created_at) AS first FROM conv_conversation WHERE contact_id IN (:ids) "
                + "GROUP BY contact_id")
            .param("ids", ids)
            .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                first.put(rs.getObject("contact_id", UUID.class), instant(rs, "first"))));
    return first;
  }

  List<UUID> conversationsOfContact(UUID contactId) {
    return jdbc.sql("SELECT id FROM conv_conversation WHERE contact_id = :contact").param("contact", contactId)
        .query(UUID.class).list();
  }

  int moveContact(UUID fromContact, UUID toContact) {
    conversationsOfContact(fromContact).forEach(this::changed);
    jdbc.sql("UPDATE conv_message SET contact_id = :to WHERE contact_id = :from")
        .param("to", toContact).param("from", fromContact).update();
    return jdbc.sql("UPDATE conv_conversation SET contact_id = :to WHERE contact_id = :from")
        .param("to", toContact).param("from", fromContact).update();
  }

  /** One row per conversation of these contacts: status, last update and whether it is a complaint (tagged by an agent, or by the front door). */
  void activityRows(java.util.Collection<UUID> contactIds, ActivityRowHandler handler) {
    jdbc.sql("""
        SELECT c.contact_id, c.status, c.updated_at,
          EXISTS (SELECT 1 FROM conv_tag t WHERE t.conversation_id = c.id AND t.tag IN ('complaint', 'intent:complaint')) AS complaint
        FROM conv_conversation c WHERE c.contact_id IN (:ids)""")
        .param("ids", contactIds)
        .query(rs -> {
          handler.row(rs.getObject("contact_id", UUID.class), Status.valueOf(rs.getString("status")),
              instant(rs, "updated_at"), rs.getBoolean("complaint"));
        });
  }

  /** The channel and time of each contact's newest inbound message that a person (not a machine) sent. */
  Map<UUID, Channel> lastInboundChannels(java.util.Collection<UUID> contactIds) {
    Map<UUID, Channel> channels = new HashMap<>();
    Map<UUID, Instant> newest = new HashMap<>();
    jdbc.sql("""
        SELECT c.contact_id, m.channel, MAX(m.created_at) AS newest
        FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id
        WHERE c.contact_id IN (:ids) AND m.direction = 'INBOUND' AND m.automatic = FALSE
        GROUP BY c.contact_id, m.channel""")
        .param("ids", contactIds)
        .query(rs -> {
          UUID contact = rs.getObject("contact_id", UUID.class);
          Instant at = instant(rs, "newest");
          if (!newest.containsKey(contact) || at.isAfter(newest.get(contact))) {
            newest.put(contact, at);
            channels.put(contact, Channel.valueOf(rs.getString("channel")));
          }
        });
    return channels;
  }

  /** The conversation this one was merged into, when it was. */
  Optional<UUID> mergedInto(UUID conversationId) {
    return jdbc.sql("SELECT merged_into_id FROM conv_conversation WHERE id = :id").param("id", conversationId)
        .query((rs, n) -> Optional.ofNullable(rs.getObject("merged_into_id", UUID.class))).optional()
        .flatMap(found -> found);
  }

  /** The numbers of the conversations merged into this one, in the order they were merged. */
  List<Long> mergedFrom(UUID conversationId) {
    return jdbc.sql("""
        SELECT c.number FROM conv_merge m JOIN conv_conversation c ON c.id = m.source_id
        WHERE m.target_id = :id ORDER BY m.merged_at, c.number""").param("id", conversationId)
        .query(Long.class).list();
  }

  /** The newest conversation on this channel's thread that was merged into another (the thread follows it). */
  /** Moves every message of one conversation to another; answers the ids moved. */
  List<UUID> moveMessages(UUID fromConversation, UUID toConversation) {
    List<UUID> ids = jdbc.sql("SELECT id FROM conv_message WHERE conversation_id = :from ORDER BY created_at, id")
        .param("from", fromConversation).query(UUID.class).list();
    jdbc.sql("UPDATE conv_message SET conversation_id = :to WHERE conversation_id = :from")
        .param("to", toConversation).param("from", fromConversation).update();
    return ids;
  }

  /**
   * Copies history entries into another conversation, keeping who and when, each detail prefixed; they carry the
   * other conversation's version as it stands (copies are no change of their own, the merge's entry is).
   */
  void copyHistory(List<HistoryEntry> entries, UUID toConversation, String prefix) {
    long version = version(toConversation).map(Version::version).orElse(0L);
    for (HistoryEntry entry : entries) {
      insertHistory(toConversation, entry.actor(), entry.kind(),
          entry.detail() == null ? prefix : prefix + " " + entry.detail(), entry.occurredAt(), version);
    }
  }

  /** The MENTIONS links of one conversation given to another too (both directions), never to itself. */
  void copyLinks(UUID fromConversation, UUID toConversation, Instant at) {
    List<UUID> mentions = jdbc.sql("SELECT linked_id FROM conv_link WHERE conversation_id = :id")
        .param("id", fromConversation).query(UUID.class).list();
    List<UUID> mentionedBy = jdbc.sql("SELECT conversation_id FROM conv_link WHERE linked_id = :id")
        .param("id", fromConversation).query(UUID.class).list();
    mentions.stream().filter(id -> !id.equals(toConversation))
        .forEach(id -> insertLink(toConversation, id, "MENTIONS", at));
    mentionedBy.stream().filter(id -> !id.equals(toConversation))
        .forEach(id -> insertLink(id, toConversation, "MENTIONS", at));
  }

  List<String> tagsOf(UUID conversationId) {
    return jdbc.sql("SELECT tag FROM conv_tag WHERE conversation_id = :id ORDER BY tag").param("id", conversationId)
        .query(String.class).list();
  }

  void recordMerge(UUID sourceId, UUID targetId, Actor actor, Instant at, List<UUID> messageIds) {
    UUID mergeId = Ids.newId();
    jdbc.sql("""
        INSERT INTO conv_merge (id, source_id, target_id, merged_at, actor_kind, actor_id, actor_name)
        VALUES (:id, :source, :target, :at, :kind, :actorId, :actorName)""")
        .param("id", mergeId).param("source", sourceId).param("target", targetId).param("at", utc(at))
        .param("kind", actor.kind().name()).param("actorId", actor.id()).param("actorName", actor.name()).update();
    for (UUID messageId : messageIds) {
      jdbc.sql("INSERT INTO conv_merge_message (merge_id, message_id) VALUES (:merge, :message)")
          .param("merge", mergeId).param("message", messageId).update();
    }
    jdbc.sql("UPDATE conv_conversation SET merged_into_id = :target, updated_at = :at WHERE id = :id")
        .param("target", targetId).param("at", utc(at)).param("id", sourceId).update();
    changed(sourceId);
  }

  /** The id of the row locked for the rest of the transaction (two merges of one pair wait for each other). */
  void lock(UUID conversationId) {
    jdbc.sql("SELECT id FROM conv_conversation WHERE id = :id FOR UPDATE").param("id", conversationId)
        .query(UUID.class).optional();
  }

  /** As {@link #lock}, but failing at once when another transaction holds the row. */
  void lockWithoutWaiting(UUID conversationId) {
    jdbc.sql("SELECT id FROM conv_conversation WHERE id = :id FOR UPDATE NOWAIT").param("id", conversationId)
        .query(UUID.class).optional();
  }

  Optional<Message> findMessage(UUID messageId) {
    return jdbc.sql("SELECT * FROM conv_message WHERE id = :id").param("id", messageId)
        .query(ConversationStore::message).optional();
  }

  interface ActivityRowHandler {
    void row(UUID contactId, Status status, Instant updatedAt, boolean complaint);
  }

  private ConversationSummary summaryWithoutTags(ResultSet rs, int row) throws SQLException {
    return new ConversationSummary(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("subject"),
        Status.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
        Channel.valueOf(rs.getString("channel")), rs.getObject("contact_id", UUID.class),
        rs.getObject("team_id", UUID.class), rs.getObject("assignee_id", UUID.class), List.of(),
        instant(rs, "created_at"), instant(rs, "last_message_at"), Tier.valueOf(rs.getString("tier")));
  }

  private ConversationSummary withTags(ConversationSummary s) {
    return withTags(List.of(s)).getFirst();
  }

  private List<ConversationSummary> withTags(List<ConversationSummary> summaries) {
    if (summaries.isEmpty()) {
      return summaries;
    }
    Map<UUID, List<String>> tags = new HashMap<>();
    jdbc.sql("SELECT conversation_id, tag FROM conv_tag WHERE conversation_id IN (:ids) ORDER BY tag")
        .param("ids", summaries.stream().map(ConversationSummary::id).toList())
        .query(rs -> {
          tags.computeIfAbsent(rs.getObject("conversation_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("tag"));
        });
    return summaries.stream()
        .map(s -> new ConversationSummary(s.id(), s.number(), s.subject(), s.status(), s.priority(), s.channel(),
            s.contactId(), s.teamId(), s.assigneeId(), List.copyOf(tags.getOrDefault(s.id(), List.of())),
            s.createdAt(), s.lastMessageAt(), s.tier()))
        .toList();
  }

  private static Message message(ResultSet rs, int row) throws SQLException {
    return new Message(rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")),
        Channel.valueOf(rs.getString("channel")), rs.getObject("contact_id", UUID.class),
        rs.getObject("author_agent_id", UUID.class), rs.getString("author_name"), rs.getString("body"),
        rs.getString("full_body"), rs.getBoolean("automatic"), rs.getString("external_id"), instant(rs, "created_at"));
  }
}
