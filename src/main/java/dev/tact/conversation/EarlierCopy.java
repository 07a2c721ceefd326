package dev.tact.conversation;

import java.util.UUID;

/**
 * A message another module kept instead of filing it.
 *
 * @param conversationId the conversation it was linked to, or null (a held message)
 * @param reportId the report it became, or null
 * @param heldGroupId the held group it waits in, or null
 * @param note why it counts as a redelivery, in words
 */
public record EarlierCopy(UUID conversationId, UUID reportId, UUID heldGroupId, String note) {}
