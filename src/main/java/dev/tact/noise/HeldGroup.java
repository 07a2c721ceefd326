package dev.tact.noise;

import java.time.Instant;
import java.util.UUID;

/**
 * Messages from one sender or domain past its rate limit, held together with a summary.
 *
 * @param scope what was limited: {@code sender:<address>} or {@code domain:<domain>}
 * @param status HELD, RELEASED (each message then filed as usual) or DISCARDED (raw kept in the inbound log)
 */
public record HeldGroup(UUID id, String scope, UUID teamId, Status status, int count, Instant firstAt, Instant lastAt,
    String sampleSubject, String sampleText, Instant decidedAt, String decidedBy) {

  public enum Status {
    HELD,
    RELEASED,
    DISCARDED
  }
}
