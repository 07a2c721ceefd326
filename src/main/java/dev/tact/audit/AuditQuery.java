package dev.tact.audit;

import java.time.Instant;

/**
 * Filters for reading the audit log; null means any. {@code action} matches a whole action or a prefix ending in
 * a dot ({@code staff.} finds every staff change); {@code actor} and {@code text} match parts, ignoring case.
 */
public record AuditQuery(String action, String actor, String targetId, String text, Instant from, Instant until) {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
