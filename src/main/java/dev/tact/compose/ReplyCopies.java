package dev.tact.compose;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CC and BCC each reply went to, shown with the message on the conversation page (to agents only). */
@Repository
public class ReplyCopies {

  /** A reply's copies. */
  public record Copies(List<String> cc, List<String> bcc) {}

  private final JdbcClient jdbc;

  ReplyCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(UUID messageId, List<String> cc, List<String> bcc) {
    jdbc.sql("INSERT INTO compose_reply_copies (message_id, cc, bcc) VALUES (:id, :cc, :bcc)")
        .param("id", messageId).param("cc", HeldReplyStore.join(cc)).param("bcc", HeldReplyStore.join(bcc)).update();
  }

  /** The copies of those of these messages that had any, in one query. */
  public Map<UUID, Copies> of(Collection<UUID> messageIds) {
    Map<UUID, Copies> result = new HashMap<>();
    if (messageIds.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT message_id, cc, bcc FROM compose_reply_copies WHERE message_id IN (:ids)")
        .param("ids", List.copyOf(messageIds))
        .query(rs -> {
          result.put(rs.getObject("message_id", UUID.class), new Copies(HeldReplyStore.split(rs.getString("cc")),
              HeldReplyStore.split(rs.getString("bcc"))));
        });
    return result;
  }
}
