package dev.tact.compose;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.ControlCharacters;
import dev.tact.shared.ProblemException;
import dev.tact.staff.Accounts;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures appended to replies as they leave: the agent's own (the signature of their profile, which they edit on
 * their account page), then the mailbox's the conversation came through (an admin's, on Admin → Reply signatures).
 * Either may be absent.
 */
@Service
public class Signatures {

  public static final int MAX_LENGTH = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final StaffDirectory staff;
  private final Accounts accounts;

  Signatures(JdbcClient jdbc, Clock clock, StaffDirectory staff, Accounts accounts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.staff = staff;
    this.accounts = accounts;
  }

  /** The mailbox's signature, if an admin gave it one. */
  public Optional<String> ofMailbox(UUID mailboxId) {
    if (mailboxId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT body FROM compose_signature WHERE owner_kind = 'MAILBOX' AND owner_id = :id")
        .param("id", mailboxId).query(String.class).optional();
  }

  /** The agent's own signature (their profile's), if they have one; none for an unknown id or an API token. */
  public Optional<String> ofAgent(UUID agentId) {
    if (agentId == null || staff.agent(agentId).isEmpty()) {
      return Optional.empty();
    }
    String signature = accounts.profile(agentId).signature();
    return signature == null || signature.isBlank() ? Optional.empty()
        : Optional.of(signature.replace("\r\n", "\n").strip());
  }

  /** Saves a mailbox's signature; blank removes it. Too long or with control characters besides line breaks: 422. */
  @Transactional
  public void saveForMailbox(UUID mailboxId, String text) {
    String body = text == null ? "" : text.replace("\r\n", "\n").strip();
    if (body.length() > MAX_LENGTH) {
      throw ProblemException.invalid("signature-too-long", "A signature is at most " + MAX_LENGTH + " characters.");
    }
    if (ControlCharacters.firstIn(body.replace("\n", " ").replace("\t", " ")) >= 0) {
      throw ProblemException.invalid("control-characters", "A signature is text: line breaks and tabs only.");
    }
    jdbc.sql("DELETE FROM compose_signature WHERE owner_kind = 'MAILBOX' AND owner_id = :id").param("id", mailboxId)
        .update();
    if (!body.isEmpty()) {
      jdbc.sql("""
          INSERT INTO compose_signature (owner_kind, owner_id, body, updated_at)
          VALUES ('MAILBOX', :id, :body, :now)""")
          .param("id", mailboxId).param("body", body).param("now", utc(clock.instant())).update();
    }
  }

  /** What a reply by this agent through this mailbox ends with: the agent's signature, then the mailbox's. */
  public Optional<String> forReply(UUID agentId, UUID mailboxId) {
    List<String> parts = new ArrayList<>(2);
    ofAgent(agentId).ifPresent(parts::add);
    ofMailbox(mailboxId).ifPresent(parts::add);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
  }
}
