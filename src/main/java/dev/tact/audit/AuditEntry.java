package dev.tact.audit;

import java.time.Instant;
import java.util.UUID;

/** A stored audit entry; {@code before} and {@code after} are JSON text or null. */
public record AuditEntry(UUID id, Instant at, AuditActor actor, String source, String action, String targetType,
    String targetId, String summary, String before, String after) {}
