package dev.tact.delivery;

import dev.tact.policy.Purpose;
import java.util.UUID;

/**
 * A message to one contact outside a conversation: a notice, a survey, a campaign step.
 *
 * @param idempotencyKey the caller's key: asking again with it answers the same row and sends nothing more
 */
public record OutboundRequest(UUID contactId, String subject, String text, Purpose purpose, String idempotencyKey) {}
