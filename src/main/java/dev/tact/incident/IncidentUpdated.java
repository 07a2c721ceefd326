package dev.tact.incident;

import java.util.UUID;

/**
 * An incident was declared or got a public update (published in the transaction that wrote it).
 *
 * @param sendNotices whether the update asks for notices to the contacts the incident affects
 */
public record IncidentUpdated(UUID incidentId, long number, UUID updateId, IncidentState state, boolean sendNotices) {}
