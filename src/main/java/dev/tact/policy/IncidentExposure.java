package dev.tact.policy;

import java.time.Instant;

/**
 * An incident that affects a contact, as the contact policy weighs it: while it is open no sales contact reaches
 * them, and after it is resolved not before {@code quietUntil}.
 *
 * @param reference how people name it, e.g. "INC-12"
 * @param resolvedAt null while it is open
 * @param quietUntil the end of the cool-down after the resolution; null while it is open
 */
public record IncidentExposure(String reference, String title, Instant resolvedAt, Instant quietUntil) {

  /** An open incident known only as open (facts given without the incidents module). */
  public static IncidentExposure unnamedOpen() {
    return new IncidentExposure("an open incident", "", null, null);
  }

  public boolean open() {
    return resolvedAt == null;
  }

  /** "INC-12 (Web hosting unreachable)". */
  public String describe() {
    return title == null || title.isBlank() ? reference : reference + " (" + title + ")";
  }
}
