package dev.tact.sla;

import java.util.Arrays;

/**
 * Fixed, roughly logarithmic buckets of business minutes for the first-response summary ({@code
 * sla_first_response_daily}): a median or 90th percentile read from summed bucket counts is approximate to its
 * bucket. The value is interpolated by rank inside the bucket, so it is off by at most the bucket's width (a third to
 * a half of its lower bound above 10 minutes, 1 minute below); in the last bucket (a week and more) it is its lower
 * bound. The same bounds are written out in V84 (the backfill) and bench/perception-size.d/sla.sql.
 */
final class MinuteBuckets {

  /** Lower bounds in minutes of buckets 1..n; bucket 0 is under a minute. */
  static final int[] LOWER_MINUTES = {1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960,
      1440, 2160, 2880, 4320, 5760, 10080};

  static final int COUNT = LOWER_MINUTES.length + 1;

  private MinuteBuckets() {
  }

  static int of(long consumedNanos) {
    double minutes = consumedNanos / 6e10;
    int found = Arrays.binarySearch(LOWER_MINUTES, (int) Math.floor(minutes));
    return found >= 0 ? found + 1 : -found - 1;
  }

  static double lower(int bucket) {
    return bucket == 0 ? 0 : LOWER_MINUTES[bucket - 1];
  }

  static double upper(int bucket) {
    return bucket == 0 ? 1 : bucket < LOWER_MINUTES.length ? LOWER_MINUTES[bucket] : LOWER_MINUTES[bucket - 1];
  }

  /**
   * The nearest-rank percentile (as PERCENTILE_DISC) of the counted minutes, interpolated inside its bucket; null
   * when nothing was counted.
   */
  static Double percentile(long[] counts, double fraction) {
    long total = Arrays.stream(counts).sum();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * total));
    long before = 0;
    for (int bucket = 0; bucket < counts.length; bucket++) {
      if (before + counts[bucket] >= rank) {
        double position = (rank - before - 0.5) / counts[bucket];
        double value = lower(bucket) + (upper(bucket) - lower(bucket)) * position;
        return Math.round(value * 10) / 10.0;
      }
      before += counts[bucket];
    }
    return null;
  }
}
