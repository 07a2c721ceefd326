package dev.tact.sla;

import java.time.Instant;
import java.util.UUID;

/** A conversation used {@code warnAtPercent} of a target; it falls due at {@code dueAt}. */
public record SlaWarned(UUID conversationId, SlaMetric metric, int cycle, Instant dueAt, Instant at) {}
