package dev.tact.conversation;

import dev.tact.shared.Channel;
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

  public SearchableConversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The conversations with these ids that exist (a missing id is a conversation that is gone). */
  public List<SearchableConversation> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, SearchableConversation> found = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT id, number, subject, status, channel, contact_id, team_id, assignee_id, created_at, last_message_at
          FROM conv_conversation WHERE id IN (:ids)""")
        .param("ids", ids)
        .query(rs -> {
          UUID id = rs.getObject("id", UUID.class);
          found.put(id, new SearchableConversation(id, rs.getLong("number"), rs.getString("subject"),
              Status.valueOf(rs.getString("status")), Channel.valueOf(rs.getString("channel")),
              rs.getObject("contact_id", UUID.class), rs.getObject("team_id", UUID.class),
              rs.getObject("assignee_id", UUID.class), instant(rs, "created_at"), instant(rs, "last_message_at"),
              new ArrayList<>(), new ArrayList<>()));
        });
    if (found.isEmpty()) {
      return List.of();
    }
    jdbc.sql("SELECT conversation_id, tag FROM conv_tag WHERE conversation_id IN (:ids) ORDER BY tag")
        .param("ids", found.keySet())
        .query(rs -> {
          found.get(rs.getObject("conversation_id", UUID.class)).tags().add(rs.getString("tag"));
        });
    jdbc.sql("""
        SELECT id, conversation_id, direction, author_name, body, full_body, created_at FROM conv_message
         WHERE conversation_id IN (:ids) ORDER BY conversation_id, created_at, id""")
        .param("ids", found.keySet())
        .query(rs -> {
          found.get(rs.getObject("conversation_id", UUID.class)).messages().add(new SearchableMessage(
              rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")),
              rs.getString("author_name"), rs.getString("body"), rs.getString("full_body"),
              instant(rs, "created_at")));
        });
    return List.copyOf(found.values());
  }

  /** Every conversation, in batches of about {@code batchSize}, in id order. */
  public void forEach(int batchSize, Consumer<List<SearchableConversation>> batch) {
    UUID after = null;
    while (true) {
      List<UUID> ids = (after == null
          ? jdbc.sql("SELECT id FROM conv_conversation ORDER BY id LIMIT :n")
          : jdbc.sql("SELECT id FROM conv_conversation WHERE id > :after ORDER BY id LIMIT :n").param("after", after))
          .param("n", batchSize).query(UUID.class).list();
      if (ids.isEmpty()) {
        return;
      }
      batch.accept(load(ids));
      after = ids.getLast();
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
