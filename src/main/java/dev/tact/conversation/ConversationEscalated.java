package dev.tact.conversation;

import dev.tact.staff.Tier;
import java.time.Instant;
import java.util.UUID;

/** A conversation moved up a tier, with the reason, so that the receiving agent starts where the last one stopped. */
public record ConversationEscalated(UUID conversationId, UUID teamId, Tier tier, String reason, Instant at) {}
