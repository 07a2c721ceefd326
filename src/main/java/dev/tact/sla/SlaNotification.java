package dev.tact.sla;

import java.time.Instant;
import java.util.UUID;

/** An in-app notice of a warning or breach, to an agent (the assignee) or, unassigned, to a team. */
public record SlaNotification(UUID id, UUID agentId, UUID teamId, UUID conversationId, String kind, String text,
    Instant createdAt, Instant readAt) {}
