package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.Status;
import dev.tact.delivery.ReplyVia;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reply its agent sent that waits out the undo window (and any cool-off) before it is written to the conversation
 * and the outbox (ADR 0036).
 *
 * @param body the agent's text, without the signature
 * @param signature what is appended when it is released (null: none)
 * @param thenStatus the status the conversation takes when it is released ("send and set status"), or null
 * @param sendAt when it is released
 * @param messageId the conversation's message it became, once released
 * @param reason why it was not sent, when it FAILED on release
 */
public record HeldReply(UUID id, UUID conversationId, Actor author, String body, String signature, ReplyVia via,
    List<String> cc, List<String> bcc, Status thenStatus, State state, Instant sendAt, int coolOffSeconds,
    UUID messageId, String reason, Instant createdAt, Instant decidedAt) {

  /** HELD until released (RELEASED) or undone (UNDONE); FAILED when it could not be written on release. */
  public enum State {
    HELD,
    RELEASED,
    UNDONE,
    FAILED
  }

  /** The text as it leaves: the agent's, then the signature. */
  public String finalText() {
    return signature == null || signature.isBlank() ? body : body.stripTrailing() + "\n\n-- \n" + signature;
  }
}
