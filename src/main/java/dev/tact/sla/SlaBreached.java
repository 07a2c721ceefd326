package dev.tact.sla;

import java.time.Instant;
import java.util.UUID;

/** A conversation missed a target that was due at {@code dueAt}; published once per clock. */
public record SlaBreached(UUID conversationId, SlaMetric metric, int cycle, Instant dueAt, Instant at) {}
