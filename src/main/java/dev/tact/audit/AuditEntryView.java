package dev.tact.audit;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An audit entry as the API and the JSON export give it: before and after as JSON, not as text. */
public record AuditEntryView(UUID id, Instant at, AuditActor.Kind actorKind, String actor, String source,
    String action, String targetType, String targetId, String summary, JsonNode before, JsonNode after) {}
