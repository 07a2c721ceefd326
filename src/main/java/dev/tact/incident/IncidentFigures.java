package dev.tact.incident;

import java.time.Duration;

/**
 * What an incident's handling measured, for its page and the dashboards.
 *
 * @param timeToFirstPublicUpdate from its start to the first update customers could read (the declaration); null
 *     before one
 * @param reporters distinct contacts whose messages are linked to it
 * @param conversationsLinked conversations linked to it (not unlinked)
 * @param noticesQueued notices queued over all its updates
 */
public record IncidentFigures(Duration timeToFirstPublicUpdate, long reporters, long conversationsLinked,
    long noticesQueued) {}
