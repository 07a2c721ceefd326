package dev.tact.noise;

import java.util.UUID;

/**
 * The sender of a vendor pitch is due the standard answer (once per sender ever, already recorded):
 * whoever writes replies sends {@code text} into the conversation.
 */
public record VendorPitchAnswerDue(UUID conversationId, String text) {}
