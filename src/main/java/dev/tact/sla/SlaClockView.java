package dev.tact.sla;

import java.time.Instant;

/**
 * One clock as people read it. {@code state}: RUNNING, PAUSED (waiting on the customer), MET, BREACHED or ENDED
 * (stopped without the awaited reply, before any breach). {@code usedMinutes} and {@code leftMinutes} are business
 * minutes (left is negative once overdue, null without a target); {@code breached} is true from the due instant on.
 */
public record SlaClockView(SlaMetric metric, int cycle, String state, Instant startedAt, Integer targetMinutes,
    long usedMinutes, Long leftMinutes, Instant warnAt, Instant dueAt, Instant warnedAt, Instant breachedAt,
    Instant stoppedAt, boolean breached) {

  public boolean active() {
    return "RUNNING".equals(state) || "PAUSED".equals(state);
  }
}
