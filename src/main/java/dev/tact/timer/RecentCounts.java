package dev.tact.timer;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the last minute in one-second slots, so a page can show what a worker does now rather than since the
 * node started. A slot is reused a minute later; a slot's second is kept beside it so a stale slot reads as zero.
 */
final class RecentCounts {

  static final int SECONDS = 60;

  private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
  private final AtomicLongArray slotSecond = new AtomicLongArray(SECONDS);

  void add(Instant at, long n) {
    if (n <= 0) {
      return;
    }
    long second = at.getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    long held = slotSecond.get(slot);
    if (held != second && slotSecond.compareAndSet(slot, held, second)) {
      counts.set(slot, 0);
    }
    counts.addAndGet(slot, n);
  }

  /** The sum over the minute before {@code now}, the current second included. */
  long lastMinute(Instant now) {
    long current = now.getEpochSecond();
    long sum = 0;
    for (int slot = 0; slot < SECONDS; slot++) {
      long second = slotSecond.get(slot);
      if (second > current - SECONDS && second <= current) {
        sum += counts.get(slot);
      }
    }
    return sum;
  }
}
