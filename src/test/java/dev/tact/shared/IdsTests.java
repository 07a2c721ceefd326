package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

  @Test
  void shouldMakeVersion7IdsWithTheRfcVariant() {
    UUID id = Ids.newId();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void shouldCarryTheCreationMillisecond() {
    Instant at = Instant.parse("2011-10-10T13:00:00.123Z");
    Ids ids = new Ids(Clock.fixed(at, ZoneOffset.UTC), new SecureRandom());
    assertThat(Ids.timestampOf(ids.next())).isEqualTo(at.toEpochMilli());
  }

  @Test
  void shouldStayOrderedAndDistinctWhenManyAreMadeInOneMillisecond() {
    Ids ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SecureRandom());
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      made.add(ids.next());
    }
    assertThat(new HashSet<>(made)).hasSize(made.size());
    for (int i = 1; i < made.size(); i++) {
      // version-7 ids sort as unsigned 64-bit halves; the first half alone must increase
      assertThat(Long.compareUnsigned(made.get(i - 1).getMostSignificantBits(), made.get(i).getMostSignificantBits()))
          .as("id %d after id %d", i, i - 1).isNegative();
    }
  }

  @Test
  void shouldTakeItsRandomBitsFromTheCsprngInBlocksAndNeverReuseThem() {
    CountingRandom random = new CountingRandom();
    Ids ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), random);
    List<Long> randomHalves = new ArrayList<>();
    for (int i = 0; i < 3 * Ids.POOL; i++) {
      randomHalves.add(ids.next().getLeastSignificantBits());
    }
    // one block for the counter's start and the first ids, then one more block every POOL ids
    assertThat(random.blocks).isEqualTo(4);
    assertThat(new HashSet<>(randomHalves)).hasSize(randomHalves.size());
  }

  /** A CSPRNG that counts how often it is asked. */
  private static final class CountingRandom extends SecureRandom {
    int blocks;

    @Override
    public void nextBytes(byte[] bytes) {
      blocks++;
      super.nextBytes(bytes);
    }
  }

  @Test
  void shouldRejectTimestampOfOtherVersions() {
    assertThatThrownBy(() -> Ids.timestampOf(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
  }
}
