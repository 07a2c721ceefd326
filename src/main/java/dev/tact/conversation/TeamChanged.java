package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation moved to another team; {@code byAgent} when a person did it (routing learns from those). */
public record TeamChanged(UUID conversationId, UUID teamId, boolean byAgent, Instant at) {}
