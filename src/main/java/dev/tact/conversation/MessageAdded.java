package dev.tact.conversation;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored in a conversation: inbound, an agent's reply, or an internal note.
 * {@code automatic} marks machine-sent mail (auto-replies, bounces, lists): nothing may answer it
 * automatically. {@code unauthenticated} marks an inbound message whose sender could not be verified
 * (email failing SPF, DKIM and DMARC): nothing in it may act with the sender's authority on its own.
 * The event carries the message's text up to {@link #MAX_TEXT} characters, so that a listener need not read the
 * message back; {@code textComplete} says whether that is all of it. {@code undelivered} marks an agent's reply
 * that does not reach the customer: written where it has no way out (an SMS conversation with no SMS provider, a phone
 * conversation) or denied by the contact policy; its outbox row says why, and it is no response to the customer (the
 * SLA clocks keep running). It is false for every other message (also when an event stored before the field existed
 * is read back).
 */
public record MessageAdded(UUID conversationId, UUID messageId, Direction direction, Channel channel, UUID contactId,
    boolean automatic, Instant at, boolean unauthenticated, String text, boolean textComplete,
    boolean undelivered) {

  /** A message that reaches the customer (or is not outbound at all). */
  public MessageAdded(UUID conversationId, UUID messageId, Direction direction, Channel channel, UUID contactId,
      boolean automatic, Instant at, boolean unauthenticated, String text, boolean textComplete) {
    this(conversationId, messageId, direction, channel, contactId, automatic, at, unauthenticated, text, textComplete,
        false);
  }

  /**
   * The most text an event carries: what most messages are, and small enough that the event, escaped as JSON,
   * fits the event publication log's column (16,000 characters) even when every character needs escaping.
   */
  public static final int MAX_TEXT = 2_000;

  public MessageAdded {
    text = text == null ? "" : text;
  }

  /** Written by a known customer, not sent automatically (what opt-out, churn and incident listeners look at). */
  public boolean fromCustomer() {
    return direction == Direction.INBOUND && !automatic && contactId != null;
  }

  static MessageAdded of(UUID conversationId, Message message, UUID contactId, boolean unauthenticated) {
    return of(conversationId, message, contactId, unauthenticated, true);
  }

  static MessageAdded of(UUID conversationId, Message message, UUID contactId, boolean unauthenticated,
      boolean reachesCustomer) {
    String body = message.body() == null ? "" : message.body();
    boolean complete = body.length() <= MAX_TEXT;
    int end = MAX_TEXT - (complete || !Character.isHighSurrogate(body.charAt(MAX_TEXT - 1)) ? 0 : 1);
    return new MessageAdded(conversationId, message.id(), message.direction(), message.channel(), contactId,
        message.automatic(), message.createdAt(), unauthenticated, complete ? body : body.substring(0, end),
        complete, !reachesCustomer);
  }
}
