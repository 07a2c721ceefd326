package dev.tact.contact;

import java.time.Instant;
import java.util.UUID;

/** Two contacts became one: everything of {@code mergedId} now belongs to {@code survivorId}. */
public record ContactsMerged(UUID survivorId, UUID mergedId, String mergedBy, Instant mergedAt) {}
