package dev.tact.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One public update of an incident (the declaration is the first).
 *
 * @param sendNotices whether the contacts it affects get this update as a notice
 * @param noticesQueued how many notices were queued for it
 */
public record IncidentUpdate(UUID id, UUID incidentId, IncidentState state, String message, boolean sendNotices,
    Instant postedAt, String postedBy, int noticesQueued) {}
