package dev.tact.conversation;

import java.util.UUID;

/**
 * A record another module keeps of an inbound message: a linked report (also of the message that opened a
 * conversation), or a held message.
 *
 * @param conversationId the conversation it was linked to, or null (a held message)
 * @param reportId the report it became, or null
 * @param heldGroupId the held group it waits in, or null
 * @param note why it counts as a redelivery, in words
 */
public record EarlierCopy(UUID conversationId, UUID reportId, UUID heldGroupId, String note) {}
