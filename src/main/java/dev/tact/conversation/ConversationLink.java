package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * Another conversation linked to this one, for an agent to look at together.
 *
 * @param kind {@code mentions}: this conversation's first message named the other one's number in its subject,
 *     from a sender who takes no part in it; {@code mentioned-by}: the other way round
 */
public record ConversationLink(UUID conversationId, long number, String subject, String kind, Instant createdAt) {

  static final String MENTIONS = "mentions";
  static final String MENTIONED_BY = "mentioned-by";
}
