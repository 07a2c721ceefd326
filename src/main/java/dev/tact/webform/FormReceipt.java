package dev.tact.webform;

import java.util.UUID;

/**
 * A sent form, committed to the inbound log: it becomes a conversation (or joins one) shortly after.
 *
 * @param itemId the inbound log's entry
 * @param messageId the id the message has in its conversation once filed
 * @param repeated the same ticket was sent before: this is that message again, nothing new was stored
 * @param emailGiven whether a confirmation goes to the customer by email
 */
public record FormReceipt(String slug, UUID itemId, UUID messageId, boolean repeated, boolean emailGiven) {}
