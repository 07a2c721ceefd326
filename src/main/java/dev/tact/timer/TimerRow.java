package dev.tact.timer;

import java.time.Instant;
import java.util.UUID;

/** A stored timer, with the bookkeeping that {@link ScheduledTimer} leaves out. */
record TimerRow(String kind, String key, Instant dueAt, String payload, boolean parked, int attempts,
    Instant nextAttemptAt, String lastError, UUID scheduleId) {

  ScheduledTimer scheduled() {
    return new ScheduledTimer(kind, key, dueAt, payload);
  }

  FiredTimer firing(Instant firedAt) {
    return new FiredTimer(kind, key, dueAt, payload, firedAt, attempts + 1);
  }
}
