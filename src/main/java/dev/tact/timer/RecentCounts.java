package dev.tact.timer;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts of the last minute in one-second slots, so a page can show what a worker does now rather than since the
 * node started. A slot is reused a minute later; it holds its second beside its count, replaced together in one
 * atomic step, so two threads crossing into a new second never lose each other's counts and a stale slot reads as
 * zero.
 */
final class RecentCounts {

  static final int SECONDS = 60;

  private record Slot(long second, long count) {
  }

  private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SECONDS);

  void add(Instant at, long n) {
    if (n <= 0) {
      return;
    }
    long second = at.getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    slots.updateAndGet(slot, held -> {
      if (held == null || held.second() < second) {
        return new Slot(second, n);
      }
      // A count for a second this slot has already moved past belongs to a minute no longer shown.
      return held.second() == second ? new Slot(second, held.count() + n) : held;
    });
  }

  /** The sum over the minute before {@code now}, the current second included. */
  long lastMinute(Instant now) {
    long current = now.getEpochSecond();
    long sum = 0;
    for (int slot = 0; slot < SECONDS; slot++) {
      Slot held = slots.get(slot);
      if (held != null && held.second() > current - SECONDS && held.second() <= current) {
        sum += held.count();
      }
    }
    return sum;
  }
}
