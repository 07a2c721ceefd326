package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.ClaimDatabase;
import dev.tact.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Housekeeping claims unused noise lock rows a batch at a time: a claim locks its batch only, so a second
 * housekeeping transaction (another node) gets the next batch, and decisions on keys past the batch never wait for
 * housekeeping. On H2 a claim used to lock every unused row (FOR UPDATE before the LIMIT).
 */
class NoiseLockClaimTests {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldGiveTwoConcurrentClaimersDisjointBatchesLeastRecentFirst(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      MutableClock clock = new MutableClock(T);
      NoiseLocks locks = new NoiseLocks(database.jdbc(), database.jdbcTemplate(), clock);
      int unused = NoiseLocks.PRUNE_BATCH * 2 + 10;
      List<String> keys = IntStream.range(0, unused).mapToObj(i -> {
        String key = "sender:s" + i + "@example.com";
        clock.set(T.plusSeconds(i));
        locks.lock(List.of(key));
        return key;
      }).toList();
      clock.set(T.plus(Duration.ofDays(1)));
      locks.lock(List.of("sender:recent@example.com"));

      var claims = database.twoClaimers(() -> locks.claimUnusedBefore(T.plus(Duration.ofHours(1))));

      assertThat(claims.first()).containsExactlyElementsOf(keys.subList(0, NoiseLocks.PRUNE_BATCH));
      assertThat(claims.second()).containsExactlyElementsOf(keys.subList(NoiseLocks.PRUNE_BATCH,
          NoiseLocks.PRUNE_BATCH * 2));
    }
  }

  /** Fails when the candidate read cannot stop at its LIMIT in index order (the single FOR UPDATE statement). */
  @Test
  void shouldReadOnlyTheBatchWhenClaimingOnH2() throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(ClaimDatabase.Kind.H2)) {
      MutableClock clock = new MutableClock(T);
      NoiseLocks locks = new NoiseLocks(database.jdbc(), database.jdbcTemplate(), clock);
      IntStream.range(0, NoiseLocks.PRUNE_BATCH + 100).forEach(i -> {
        clock.set(T.plusSeconds(i));
        locks.lock(List.of("sender:s" + i + "@example.com"));
      });

      assertThat(database.readsBeyond(NoiseLocks.PRUNE_BATCH + 1,
          sql -> sql.strip().startsWith("SELECT") && sql.contains("noise_lock"),
          () -> locks.claimUnusedBefore(T.plus(Duration.ofHours(1))))).isEmpty();
    }
  }
}
