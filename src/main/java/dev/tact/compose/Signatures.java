package dev.tact.compose;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.ControlCharacters;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures appended to replies as they leave: the agent's own (they edit it on their "Replies" settings page), then
 * the mailbox's the conversation came through (an admin's, per mailbox). Either may be absent.
 */
@Service
public class Signatures {

  public static final int MAX_LENGTH = 4000;

  /** Whose signature: an agent's or a mailbox's. */
  public enum Owner {
    AGENT,
    MAILBOX
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Signatures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<String> of(Owner owner, UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT body FROM compose_signature WHERE owner_kind = :kind AND owner_id = :id")
        .param("kind", owner.name()).param("id", id).query(String.class).optional();
  }

  /** Saves a signature; blank removes it. Too long or with control characters other than line breaks: 422. */
  @Transactional
  public void save(Owner owner, UUID id, String text) {
    String body = text == null ? "" : text.replace("\r\n", "\n").strip();
    if (body.length() > MAX_LENGTH) {
      throw ProblemException.invalid("signature-too-long", "A signature is at most " + MAX_LENGTH + " characters.");
    }
    if (ControlCharacters.firstIn(body.replace("\n", " ").replace("\t", " ")) >= 0) {
      throw ProblemException.invalid("control-characters", "A signature is text: line breaks and tabs only.");
    }
    jdbc.sql("DELETE FROM compose_signature WHERE owner_kind = :kind AND owner_id = :id")
        .param("kind", owner.name()).param("id", id).update();
    if (!body.isEmpty()) {
      jdbc.sql("""
          INSERT INTO compose_signature (owner_kind, owner_id, body, updated_at) VALUES (:kind, :id, :body, :now)""")
          .param("kind", owner.name()).param("id", id).param("body", body).param("now", utc(clock.instant()))
          .update();
    }
  }

  /** What a reply by this agent through this mailbox ends with: the agent's signature, then the mailbox's. */
  public Optional<String> forReply(UUID agentId, UUID mailboxId) {
    List<String> parts = new ArrayList<>(2);
    of(Owner.AGENT, agentId).ifPresent(parts::add);
    of(Owner.MAILBOX, mailboxId).ifPresent(parts::add);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
  }
}
