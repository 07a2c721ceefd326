package dev.tact.delivery.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DomainPacerTests {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void shouldLetABurstGoAtOnceAndSpaceTheRestByTheRate() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(10, 5, 1000));

    List<Instant> slots = reserveMany(pacer, "example.com", T0, 8);

    assertThat(slots.subList(0, 5)).containsOnly(T0);
    assertThat(slots.subList(5, 8)).containsExactly(T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(300));
  }

  @Test
  void shouldRefillTheBurstAfterAQuietSpell() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(10, 5, 1000));
    reserveMany(pacer, "example.com", T0, 5);

    Instant later = T0.plusSeconds(10);
    assertThat(reserveMany(pacer, "example.com", later, 5)).containsOnly(later);
    assertThat(pacer.reserve("example.com", later)).isEqualTo(later.plusMillis(100));
  }

  @Test
  void shouldPaceWithNewLimitsFromTheNextReservationWhenTheyChange() {
    java.util.concurrent.atomic.AtomicReference<PacingProperties> limits =
        new java.util.concurrent.atomic.AtomicReference<>(PacingProperties.of(1, 1, 1000));
    DomainPacer pacer = new DomainPacer(limits::get, WarmupStart.on(null));
    assertThat(reserveMany(pacer, "example.com", T0, 2)).containsExactly(T0, T0.plusSeconds(1));

    limits.set(PacingProperties.of(10, 3, 1000));

    assertThat(reserveMany(pacer, "example.com", T0, 4)).as("a full bucket of the new size, then the new rate")
        .containsExactly(T0, T0, T0, T0.plusMillis(100));
  }

  @Test
  void shouldKeepTheBucketsWhenTheSameLimitsAreReadAgain() {
    java.util.concurrent.atomic.AtomicReference<PacingProperties> limits =
        new java.util.concurrent.atomic.AtomicReference<>(PacingProperties.of(1, 1, 1000));
    DomainPacer pacer = new DomainPacer(limits::get, WarmupStart.on(null));
    pacer.reserve("example.com", T0);

    limits.set(PacingProperties.of(1, 1, 1000)); // equal, another instance (read again from the database)

    assertThat(pacer.reserve("example.com", T0)).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void shouldPaceDomainsIndependently() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(1, 1, 1000));

    assertThat(pacer.reserve("a.example", T0)).isEqualTo(T0);
    assertThat(pacer.reserve("b.example", T0)).isEqualTo(T0);
    assertThat(pacer.reserve("a.example", T0)).isEqualTo(T0.plusSeconds(1));
    assertThat(pacer.reserve("B.Example.", T0)).as("domain names are case-insensitive").isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void shouldCapAllDomainsTogetherAtTheGlobalRate() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(100, 100, 4));

    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slots.add(pacer.reserve("d" + i + ".example", T0));
    }

    assertThat(slots).containsExactly(T0, T0.plusMillis(250), T0.plusMillis(500), T0.plusMillis(750),
        T0.plusMillis(1000), T0.plusMillis(1250));
  }

  @Test
  void shouldHoldTheGlobalRateOverManyDomainsInEverySecond() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(1000, 1000, 200));

    int[] perSecond = new int[10];
    for (int i = 0; i < 2000; i++) {
      Instant at = pacer.reserve("d" + (i % 37) + ".example", T0);
      perSecond[(int) Duration.between(T0, at).toSeconds()]++;
    }

    assertThat(perSecond).containsOnly(200);
  }

  @Test
  void shouldNotHoldUpOtherDomainsWhenASlowDomainHasABacklog() {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(1, 1, 10));
    reserveMany(pacer, "slow.example", T0, 2000); // booked over the next 2,000 seconds, past the housekeeping

    assertThat(pacer.reserve("fast.example", T0)).isEqualTo(T0.plusMillis(100));
  }

  @Test
  void shouldUseTheOverrideOfADomainAndTheDefaultForOthers() {
    var settings = new PacingProperties(true, 1, 1, 1, 1000,
        Map.of("Gmail.com", new PacingProperties.Limit(20, 1)), PacingProperties.Warmup.OFF);
    DomainPacer pacer = new DomainPacer(settings);

    assertThat(reserveMany(pacer, "gmail.com", T0, 3)).containsExactly(T0, T0.plusMillis(50), T0.plusMillis(100));
    assertThat(reserveMany(pacer, "other.example", T0, 2)).containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  void shouldDivideRatesByTheNumberOfNodes() {
    var settings = new PacingProperties(true, 4, 20, 1, 1000, Map.of(), PacingProperties.Warmup.OFF);
    DomainPacer pacer = new DomainPacer(settings);

    assertThat(reserveMany(pacer, "example.com", T0, 2)).containsExactly(T0, T0.plusMillis(200));
  }

  @Test
  void shouldAnswerNowForEverySendWhenPacingIsOff() {
    var settings = new PacingProperties(false, 1, 1, 1, 1, Map.of(), PacingProperties.Warmup.OFF);
    DomainPacer pacer = new DomainPacer(settings);

    assertThat(reserveMany(pacer, "example.com", T0, 1000)).containsOnly(T0);
  }

  @Test
  void shouldHoldEachDomainToTheWarmUpLimitOfItsDayAndRampUpDayByDay() {
    var warmup = new PacingProperties.Warmup(true, LocalDate.parse("2026-11-23"), List.of(3, 5));
    var settings = new PacingProperties(true, 1, 1000, 1000, 1000, Map.of(), warmup);
    DomainPacer pacer = new DomainPacer(settings);
    Instant day2 = Instant.parse("2026-11-24T00:00:00Z");
    Instant day3 = Instant.parse("2026-11-25T00:00:00Z");

    List<Instant> slots = reserveMany(pacer, "example.com", T0, 9);

    assertThat(slots.subList(0, 3)).as("day 1: 3 per domain").containsOnly(T0);
    assertThat(slots.subList(3, 8)).as("day 2: 5 per domain, from midnight UTC").allSatisfy(
        at -> assertThat(at).isBetween(day2, day2.plusSeconds(1)));
    assertThat(slots.get(8)).as("after the ramp: no daily limit").isBetween(day3, day3.plusSeconds(1));
    assertThat(pacer.reserve("other.example", T0)).as("each domain has its own daily limit").isEqualTo(T0);
  }

  @Test
  void shouldCountWarmUpDaysFromTheStoredFirstDay() {
    var warmup = new PacingProperties.Warmup(true, null, List.of(1, 2, 4));
    var settings = new PacingProperties(true, 1, 1000, 1000, 1000, Map.of(), warmup);
    Instant thirdDay = Instant.parse("2026-11-25T09:00:00Z");
    DomainPacer pacer = new DomainPacer(settings, today -> LocalDate.parse("2026-11-23"));

    List<Instant> slots = reserveMany(pacer, "example.com", thirdDay, 5);

    assertThat(slots.subList(0, 4)).containsOnly(thirdDay);
    assertThat(slots.get(4)).isAfterOrEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
  }

  @Test
  void shouldRejectSettingsThatCannotPace() {
    assertThatThrownBy(() -> new PacingProperties.Limit(0, 1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new PacingProperties.Limit(5, 0)).hasMessageContaining("burst");
    assertThatThrownBy(() -> new PacingProperties(true, 0, 1, 1, 1, Map.of(), null)).hasMessageContaining("nodes");
    assertThatThrownBy(() -> new PacingProperties.Warmup(true, null, List.of(10, 0))).hasMessageContaining("at least 1");
  }

  @Test
  void shouldNeverHandOutMoreSlotsThanTheRateAllowsWhenThreadsRace() throws Exception {
    DomainPacer pacer = new DomainPacer(PacingProperties.of(100, 1, 10_000));
    ConcurrentLinkedQueue<Instant> slots = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      threads.submit(() -> {
        start.await();
        for (int i = 0; i < 250; i++) {
          slots.add(pacer.reserve("example.com", T0));
        }
        return null;
      });
    }
    start.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<Instant> sorted = slots.stream().sorted().toList();
    assertThat(sorted).hasSize(2000).doesNotHaveDuplicates();
    assertThat(sorted.getLast()).isEqualTo(T0.plus(Duration.ofMillis(10).multipliedBy(1999)));
  }

  static List<Instant> reserveMany(DomainPacer pacer, String domain, Instant now, int count) {
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.add(pacer.reserve(domain, now));
    }
    return slots;
  }
}
