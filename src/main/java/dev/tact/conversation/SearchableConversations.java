package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import static dev.tact.shared.SqlTime.instant;

/**
 * Conversations as the search index reads them: every field a search looks at, with all messages and notes, read in
 * batches (a few statements per batch, whatever its size) so that a rebuild of millions of messages is quick.
 */
@Component
public class SearchableConversations {

  /** One message or note: {@code body} the new text, {@code fullBody} the whole text (null when the same). */
  public record SearchableMessage(UUID id, Direction direction, String authorName, String body, String fullBody,
      Instant at) {}

  public record SearchableConversation(UUID id, long number, String subject, Status status, Channel channel,
      UUID contactId, UUID teamId, UUID assigneeId, Instant createdAt, Instant lastMessageAt, List<String> tags,
      List<SearchableMessage> messages) {}

  private final JdbcClient jdbc;

  private static final String CONVERSATION_COLUMNS = """
      SELECT id, number, subject, status, channel, contact_id, team_id, assignee_id, created_at, last_message_at
        FROM conv_conversation""";

  private static final String MESSAGE_COLUMNS = """
      SELECT id, conversation_id, direction, author_name, body, full_body, created_at FROM conv_message""";

  public SearchableConversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The conversations with these ids that exist (a missing id is a conversation that is gone). */
  public List<SearchableConversation> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, SearchableConversation> found = new LinkedHashMap<>();
    jdbc.sql(CONVERSATION_COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(rs -> {
      addConversation(found, rs);
    });
    if (found.isEmpty()) {
      return List.of();
    }
    jdbc.sql("SELECT conversation_id, tag FROM conv_tag WHERE conversation_id IN (:ids) ORDER BY tag")
        .param("ids", found.keySet())
        .query(rs -> {
          addTag(found, rs);
        });
    jdbc.sql(MESSAGE_COLUMNS + " WHERE conversation_id IN (:ids) ORDER BY conversation_id, created_at, id")
        .param("ids", found.keySet())
        .query(rs -> {
          addMessage(found, rs);
        });
    return List.copyOf(found.values());
  }

  /**
   * Every conversation, in batches of {@code batchSize}, in id order. Each batch is a range of ids read with three
   * range scans (conversations, tags, messages): a list of hundreds of ids in {@code IN (...)} is checked row by row
   * on H2 and made the rebuild slow.
   */
  public void forEach(int batchSize, Consumer<List<SearchableConversation>> batch) {
    UUID after = null;
    while (true) {
      LinkedHashMap<UUID, SearchableConversation> found = new LinkedHashMap<>();
      (after == null
          ? jdbc.sql(CONVERSATION_COLUMNS + " ORDER BY id LIMIT :n")
          : jdbc.sql(CONVERSATION_COLUMNS + " WHERE id > :after ORDER BY id LIMIT :n").param("after", after))
          .param("n", batchSize).query(rs -> {
            addConversation(found, rs);
          });
      if (found.isEmpty()) {
        return;
      }
      UUID last = found.sequencedKeySet().getLast();
      String range = after == null ? " WHERE conversation_id <= :last" : " WHERE conversation_id > :after AND "
          + "conversation_id <= :last";
      inRange(jdbc.sql("SELECT conversation_id, tag FROM conv_tag" + range + " ORDER BY conversation_id, tag"),
          after, last).query(rs -> {
            addTag(found, rs);
          });
      inRange(jdbc.sql(MESSAGE_COLUMNS + range + " ORDER BY conversation_id, created_at, id"), after, last)
          .query(rs -> {
            addMessage(found, rs);
          });
      batch.accept(List.copyOf(found.values()));
      after = last;
    }
  }

  private static JdbcClient.StatementSpec inRange(JdbcClient.StatementSpec sql, UUID after, UUID last) {
    return after == null ? sql.param("last", last) : sql.param("after", after).param("last", last);
  }

  private static void addConversation(Map<UUID, SearchableConversation> found, ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    found.put(id, new SearchableConversation(id, rs.getLong("number"), rs.getString("subject"),
        Status.valueOf(rs.getString("status")), Channel.valueOf(rs.getString("channel")),
        rs.getObject("contact_id", UUID.class), rs.getObject("team_id", UUID.class),
        rs.getObject("assignee_id", UUID.class), instant(rs, "created_at"), instant(rs, "last_message_at"),
        new ArrayList<>(), new ArrayList<>()));
  }

  private static void addTag(Map<UUID, SearchableConversation> found, ResultSet rs) throws SQLException {
    SearchableConversation c = found.get(rs.getObject("conversation_id", UUID.class));
    if (c != null) {
      c.tags().add(rs.getString("tag"));
    }
  }

  private static void addMessage(Map<UUID, SearchableConversation> found, ResultSet rs) throws SQLException {
    SearchableConversation c = found.get(rs.getObject("conversation_id", UUID.class));
    if (c != null) {
      c.messages().add(new SearchableMessage(rs.getObject("id", UUID.class),
          Direction.valueOf(rs.getString("direction")), rs.getString("author_name"), rs.getString("body"),
          rs.getString("full_body"), instant(rs, "created_at")));
    }
  }

  /** The conversations of these contacts (their documents carry the contact's name and identities). */
  public List<UUID> ofContacts(Collection<UUID> contactIds) {
    if (contactIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT id FROM conv_conversation WHERE contact_id IN (:ids)").param("ids", contactIds)
        .query(UUID.class).list();
  }
}
