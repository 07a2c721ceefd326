package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One conversation (the source) was merged into another (the target): its messages are the target's now, and the
 * source is closed. Modules keeping something per conversation (reports, SLA clocks, chats) may move it to the target.
 */
public record ConversationsMerged(UUID sourceId, long sourceNumber, UUID targetId, long targetNumber, Actor mergedBy,
    Instant at) {}
