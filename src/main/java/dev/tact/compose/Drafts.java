package dev.tact.compose;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent is typing in a conversation's reply box, saved on the server as they type (one draft per agent and
 * conversation), so that it survives a reload; deleted when the reply is sent, written back when it is undone.
 */
@Service
public class Drafts {

  /** The longest draft kept (a reply's text is not limited further than this). */
  public static final int MAX_TEXT = 100_000;

  /** A saved draft. */
  public record Draft(UUID agentId, UUID conversationId, String text, List<String> cc, List<String> bcc,
      Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  Drafts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Saves the agent's draft (an empty one, without copies, is deleted). Too long: 422, nothing saved. */
  @Transactional
  public Draft save(UUID agentId, UUID conversationId, String text, List<String> cc, List<String> bcc) {
    String body = text == null ? "" : text;
    if (body.length() > MAX_TEXT) {
      throw ProblemException.invalid("draft-too-long", "A draft is at most " + MAX_TEXT + " characters.");
    }
    Instant now = clock.instant();
    if (body.isBlank() && (cc == null || cc.isEmpty()) && (bcc == null || bcc.isEmpty())) {
      delete(agentId, conversationId);
      return new Draft(agentId, conversationId, "", List.of(), List.of(), now);
    }
    int updated = jdbc.sql("""
        UPDATE compose_draft SET body = :body, cc = :cc, bcc = :bcc, updated_at = :now
         WHERE agent_id = :agent AND conversation_id = :conversation""")
        .param("body", body).param("cc", HeldReplyStore.join(cc)).param("bcc", HeldReplyStore.join(bcc))
        .param("now", utc(now)).param("agent", agentId).param("conversation", conversationId).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO compose_draft (agent_id, conversation_id, body, cc, bcc, updated_at)
          VALUES (:agent, :conversation, :body, :cc, :bcc, :now) ON CONFLICT DO NOTHING""")
          .param("body", body).param("cc", HeldReplyStore.join(cc)).param("bcc", HeldReplyStore.join(bcc))
          .param("now", utc(now)).param("agent", agentId).param("conversation", conversationId).update();
    }
    return new Draft(agentId, conversationId, body, cc == null ? List.of() : cc, bcc == null ? List.of() : bcc, now);
  }

  public Optional<Draft> find(UUID agentId, UUID conversationId) {
    return jdbc.sql("""
        SELECT body, cc, bcc, updated_at FROM compose_draft WHERE agent_id = :agent AND conversation_id = :c""")
        .param("agent", agentId).param("c", conversationId)
        .query((rs, n) -> new Draft(agentId, conversationId, rs.getString("body"),
            HeldReplyStore.split(rs.getString("cc")), HeldReplyStore.split(rs.getString("bcc")),
            instant(rs, "updated_at")))
        .optional();
  }

  @Transactional
  public void delete(UUID agentId, UUID conversationId) {
    jdbc.sql("DELETE FROM compose_draft WHERE agent_id = :agent AND conversation_id = :c").param("agent", agentId)
        .param("c", conversationId).update();
  }
}
