package dev.tact.delivery.pacing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cap over all domains, kept as a calendar of short slices (about a tenth of a second, each
 * holding {@code rate × width} sends) rather than as one bucket: a send booked far ahead for a slow
 * domain then takes a place in its own slice only and does not hold up mail to other domains.
 * Not thread-safe: {@link DomainPacer} guards it.
 */
final class GlobalCap {

  private static final int PRUNE_EVERY = 1024;

  private final int perSlice;
  private final long sliceNanos;
  private final TreeMap<Long, Integer> booked = new TreeMap<>();
  /** For full slices: a later slice to look at next (path-compressed, so runs of full slices are skipped). */
  private final Map<Long, Long> nextToTry = new HashMap<>();
  private int bookingsSincePrune;

  GlobalCap(double ratePerSecond) {
    this.perSlice = (int) Math.max(1, Math.ceil(ratePerSecond / 10));
    this.sliceNanos = Math.round(perSlice * 1_000_000_000d / ratePerSecond);
  }

  /** Books a place at the earliest instant at or after {@code earliest} and returns it; {@code now} for housekeeping. */
  Instant book(Instant earliest, Instant now) {
    long wanted = sliceOf(earliest);
    long slice = firstWithRoom(wanted);
    int count = booked.merge(slice, 1, Integer::sum);
    if (count >= perSlice) {
      nextToTry.put(slice, slice + 1);
    }
    prunePast(sliceOf(now));
    return slice == wanted ? earliest : startOf(slice);
  }

  private long firstWithRoom(long slice) {
    long found = slice;
    while (nextToTry.containsKey(found)) {
      found = nextToTry.get(found);
    }
    for (long s = slice; s != found; ) { // path compression
      long next = nextToTry.get(s);
      nextToTry.put(s, found);
      s = next;
    }
    return found;
  }

  private void prunePast(long current) {
    if (++bookingsSincePrune < PRUNE_EVERY) {
      return;
    }
    bookingsSincePrune = 0;
    booked.headMap(current).clear();
    nextToTry.keySet().removeIf(slice -> slice < current);
  }

  private long sliceOf(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(), sliceNanos); // until 2262
  }

  private Instant startOf(long slice) {
    return Instant.ofEpochSecond(0, slice * sliceNanos);
  }
}
