package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinuteBucketsTests {

  @Test
  void shouldPutMinutesIntoTheBucketWhoseBoundsHoldThem() {
    assertThat(MinuteBuckets.of(0)).isZero();
    assertThat(MinuteBuckets.of(59_000_000_000L)).isZero();
    assertThat(MinuteBuckets.of(60_000_000_000L)).isEqualTo(1);
    assertThat(MinuteBuckets.of(4 * 60_000_000_000L)).isEqualTo(3);
    assertThat(MinuteBuckets.of(20_000L * 60_000_000_000L)).isEqualTo(MinuteBuckets.COUNT - 1);
    for (int bucket = 0; bucket < MinuteBuckets.COUNT - 1; bucket++) {
      assertThat(MinuteBuckets.of((long) (MinuteBuckets.lower(bucket) * 6e10))).isEqualTo(bucket);
    }
  }

  @Test
  void shouldReadPercentilesWithinTheBucketOfTheExactNearestRankValue() {
    Random random = new Random(19);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(500);
      long[] nanos = new long[n];
      long[] counts = new long[MinuteBuckets.COUNT];
      for (int i = 0; i < n; i++) {
        nanos[i] = (long) (Math.pow(random.nextDouble(), 2) * 600 * 6e10);
        counts[MinuteBuckets.of(nanos[i])]++;
      }
      Arrays.sort(nanos);
      for (double fraction : new double[] {0.5, 0.9}) {
        long exact = nanos[(int) Math.ceil(fraction * n) - 1];
        int bucket = MinuteBuckets.of(exact);
        assertThat(MinuteBuckets.percentile(counts, fraction))
            .isBetween(MinuteBuckets.lower(bucket), MinuteBuckets.upper(bucket));
      }
    }
  }

  @Test
  void shouldHaveNoPercentileOfNothing() {
    assertThat(MinuteBuckets.percentile(new long[MinuteBuckets.COUNT], 0.5)).isNull();
  }
}
