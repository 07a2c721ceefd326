package dev.tact.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.PolicySettings.Cap;
import dev.tact.policy.PolicySettings.QuietHours;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the policy over random facts and requests, from a seeded {@link Random} (seed printed on failure;
 * rerun one with {@code -Dtact.seed=N}). The expectations (quiet windows, candidate zones, the legal window) are
 * computed here, independently of the code under test.
 */
class PolicyPropertyTests {

  private static final long SEED = Long.getLong("tact.seed", 20111010L);
  private static final int TRIES = 2_000;

  private static final List<ZoneId> ZONES = zones("America/New_York", "America/Chicago", "America/Denver",
      "America/Phoenix", "America/Los_Angeles", "America/Boise", "America/Winnipeg", "America/Toronto",
      "America/Halifax", "America/St_Johns", "Europe/Berlin", "Europe/London", "Asia/Kolkata", "Australia/Sydney",
      "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Auckland");
  /** Regions used without a zone, with the zones the policy must check there (hand-written here). */
  private static final Map<String, List<ZoneId>> REGIONS = Map.of(
      "US-id", zones("America/Boise", "America/Los_Angeles"),
      "US-fl", zones("America/New_York", "America/Chicago"),
      "CA-mb", zones("America/Winnipeg"),
      "DE-", zones("Europe/Berlin"),
      "GB-", zones("Europe/London"));
  private static final List<String> REGION_KEYS = List.copyOf(REGIONS.keySet()).stream().sorted().toList();
  private static final String[] SUBJECTS = {"ssl-cert", "hosting", null};
  private static final LocalTime[][] QUIET = {
      {LocalTime.of(21, 0), LocalTime.of(8, 0)}, {LocalTime.of(20, 0), LocalTime.of(9, 0)},
      {LocalTime.of(22, 30), LocalTime.of(7, 15)}, {LocalTime.of(0, 0), LocalTime.of(6, 0)},
      {LocalTime.of(12, 0), LocalTime.of(13, 30)}, {LocalTime.of(1, 30), LocalTime.of(3, 30)}};

  private final Map<PolicySettings, ContactPolicy> policies = new java.util.concurrent.ConcurrentHashMap<>();

  /** One generated case: settings, facts, the request, and the zones the recipient may be in. */
  record Sample(PolicySettings settings, PolicyFacts facts, DecisionRequest request, List<ZoneId> zones) {}

  // ---------------------------------------------------------------- properties

  @Test
  void shouldAllowTheDeferInstantWhenItIsProposed() {
    int[] deferred = {0};
    forAll("DEFER instant allowed", random -> {
      Sample sample = sample(random, randomInstant(random, 2011, 2030));
      Decision decision = decide(sample, sample.request().proposedAt());
      if (decision.outcome() == Outcome.DEFER) {
        deferred[0]++;
        assertThat(decision.notBefore()).isAfter(sample.request().proposedAt());
        Decision then = decide(sample, decision.notBefore());
        assertThat(then.outcome()).as(then.summary()).isEqualTo(Outcome.ALLOW);
        Instant justBefore = decision.notBefore().minusSeconds(1);
        if (!justBefore.isBefore(sample.request().proposedAt())) {
          assertThat(decide(sample, justBefore).outcome()).as("earliest").isNotEqualTo(Outcome.ALLOW);
        }
      }
    });
    assertThat(deferred[0]).as("deferrals generated").isGreaterThan(TRIES / 10);
  }

  @Test
  void shouldNeverAllowInsideQuietHoursWhenInAnyCandidateZone() {
    int[] checked = {0};
    forAll("no ALLOW in quiet hours", random -> {
      Sample sample = sample(random, randomInstant(random, 2011, 2030));
      Decision decision = decide(sample, sample.request().proposedAt());
      Instant permitted = permittedInstant(sample, decision);
      if (permitted != null && quietHoursHold(sample)) {
        checked[0]++;
        assertOutsideQuietHours(sample, permitted);
      }
    });
    assertThat(checked[0]).as("permitted marketing with quiet hours").isGreaterThan(TRIES / 10);
  }

  @Test
  void shouldNeitherThrowNorAllowInQuietHoursWhenTheClocksChange() {
    Instant[] transitions = {Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
        Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
        Instant.parse("2026-04-05T15:00:00Z"), Instant.parse("2026-09-27T14:00:00Z")};
    int[] checked = {0};
    forAll("DST", random -> {
      Instant transition = transitions[random.nextInt(transitions.length)];
      Instant at = transition.plusSeconds(random.nextLong(-36 * 3600, 36 * 3600));
      Sample sample = sample(random, at);
      Decision decision = decide(sample, at);
      Instant permitted = permittedInstant(sample, decision);
      if (permitted != null && quietHoursHold(sample)) {
        checked[0]++;
        assertOutsideQuietHours(sample, permitted);
      }
      if (decision.outcome() == Outcome.DEFER) {
        assertThat(decide(sample, decision.notBefore()).outcome()).isEqualTo(Outcome.ALLOW);
      }
    });
    assertThat(checked[0]).isGreaterThan(TRIES / 10);
  }

  @Test
  void shouldHoldTheWindowInBothZonesWhenThePhoneNumberIsInBoiseAndLosAngeles() {
    List<ZoneId> both = zones("America/Boise", "America/Los_Angeles");
    int[] permittedCount = {0};
    forAll("+1-208", random -> {
      Channel channel = random.nextBoolean() ? Channel.PHONE : Channel.SMS;
      Instant at = randomInstant(random, 2024, 2028);
      PolicyFacts facts = new PolicyFacts(UUID.randomUUID(), null, Set.copyOf(both), "US", "id",
          Channel.PHONE, List.of(express(channel)), List.of(), false, false, false, null);
      DecisionRequest request = new DecisionRequest(facts.contactId(), channel, Purpose.MARKETING, "ssl-cert", at);
      Sample sample = new Sample(PolicySettings.defaults(), facts, request, both);
      Decision decision = decide(sample, at);
      assertThat(decision.outcome()).as(decision.summary()).isNotEqualTo(Outcome.DENY);
      Instant permitted = permittedInstant(sample, decision);
      permittedCount[0]++;
      for (ZoneId zone : both) {
        LocalDateTime local = LocalDateTime.ofInstant(permitted, zone);
        assertThat(local.toLocalTime()).as("%s in %s", permitted, zone)
            .isAfterOrEqualTo(LocalTime.of(8, 0)).isBefore(LocalTime.of(21, 0));
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
    });
    assertThat(permittedCount[0]).isEqualTo(TRIES);
  }

  // ---------------------------------------------------------------- checks

  private Decision decide(Sample sample, Instant at) {
    DecisionRequest request = new DecisionRequest(sample.request().contactId(), sample.request().channel(),
        sample.request().purpose(), sample.request().subject(), at);
    ContactPolicy policy = policies.computeIfAbsent(sample.settings(),
        s -> new RuleBasedContactPolicy(RuleBook.standard(s)));
    return policy.decide(request, sample.facts());
  }

  private static Instant permittedInstant(Sample sample, Decision decision) {
    return switch (decision.outcome()) {
      case ALLOW -> sample.request().proposedAt();
      case DEFER -> decision.notBefore();
      case DENY -> null;
    };
  }

  private static boolean quietHoursHold(Sample sample) {
    return sample.settings().quietHours().containsKey(sample.request().channel())
        && (sample.request().purpose() == Purpose.MARKETING || sample.settings().quietHoursForTransactional());
  }

  private static void assertOutsideQuietHours(Sample sample, Instant permitted) {
    QuietHours quiet = sample.settings().quietHours().get(sample.request().channel());
    assertThat(sample.zones()).as("a permitted marketing contact has candidate zones").isNotEmpty();
    for (ZoneId zone : sample.zones()) {
      LocalTime local = ZonedDateTime.ofInstant(permitted, zone).toLocalTime();
      boolean inside = quiet.start().isAfter(quiet.end())
          ? !local.isBefore(quiet.start()) || local.isBefore(quiet.end())
          : !local.isBefore(quiet.start()) && local.isBefore(quiet.end());
      assertThat(inside).as("%s is %s in %s, quiet %s", permitted, local, zone, quiet).isFalse();
    }
  }

  private static void forAll(String property, Consumer<java.util.Random> check) {
    for (int i = 0; i < TRIES; i++) {
      long seed = SEED + i;
      try {
        check.accept(new java.util.Random(seed));
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError("property '" + property + "' failed at try " + i + " with -Dtact.seed=" + seed
            + " (rerun with it: the failing case is then the first try): " + failure.getMessage(), failure);
      }
    }
  }

  // ---------------------------------------------------------------- generators

  private static Sample sample(java.util.Random random, Instant at) {
    PolicySettings settings = settings(random);
    ZoneId zone = null;
    Set<ZoneId> phoneZones = new LinkedHashSet<>();
    String country = null;
    String subdivision = null;
    List<ZoneId> candidates = List.of();
    int where = random.nextInt(10);
    String region = pick(random, REGION_KEYS);
    if (where < 5) {
      zone = pick(random, ZONES);
      candidates = List.of(zone);
    } else if (where < 8) {
      int count = 1 + random.nextInt(3);
      while (phoneZones.size() < count) {
        phoneZones.add(pick(random, ZONES));
      }
      candidates = List.copyOf(phoneZones);
    } else if (where < 9) {
      candidates = REGIONS.get(region);
    }
    if (where < 9) {
      country = region.substring(0, 2);
      subdivision = region.length() > 3 ? region.substring(3) : null;
    }
    Channel channel = pick(random, PolicyChannels.ALL);
    Purpose purpose = random.nextInt(4) == 0 ? Purpose.TRANSACTIONAL : Purpose.MARKETING;
    String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
    boolean clean = random.nextInt(10) < 7;
    List<ConsentEntry> consents = new ArrayList<>();
    List<ContactAttempt> history = new ArrayList<>();
    Channel lastInbound = clean ? Channel.PHONE : pickOrNull(random);
    if (clean) {
      consents.add(express(channel));
    } else {
      for (int i = random.nextInt(4); i > 0; i--) {
        consents.add(new ConsentEntry(pick(random, List.of(ConsentEntry.Kind.values())), pickOrNull(random),
            random.nextBoolean() ? Purpose.MARKETING : null, SUBJECTS[random.nextInt(SUBJECTS.length)], "test", null,
            at.minus(Duration.ofDays(random.nextInt(900))), at.plus(Duration.ofHours(random.nextInt(-200, 200)))));
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        history.add(new ContactAttempt(pick(random, PolicyChannels.ALL),
            random.nextBoolean() ? Purpose.MARKETING : Purpose.TRANSACTIONAL, SUBJECTS[random.nextInt(3)],
            at.plus(Duration.ofHours(random.nextInt(-240, 48)))));
      }
    }
    Instant lastSupport = random.nextInt(5) == 0 ? at.minus(Duration.ofHours(random.nextInt(0, 400))) : null;
    boolean open = !clean && random.nextInt(8) == 0;
    PolicyFacts facts = new PolicyFacts(UUID.randomUUID(), zone, phoneZones, country, subdivision, lastInbound,
        consents, history, open, open && random.nextBoolean(), !clean && random.nextInt(10) == 0, lastSupport);
    DecisionRequest request = new DecisionRequest(facts.contactId(), channel, purpose, subject, at);
    return new Sample(settings, facts, request, candidates);
  }

  private static PolicySettings settings(java.util.Random random) {
    Map<Channel, QuietHours> quiet = new EnumMap<>(Channel.class);
    for (Channel channel : PolicyChannels.ALL) {
      if (random.nextInt(3) > 0) {
        LocalTime[] window = QUIET[random.nextInt(QUIET.length)];
        quiet.put(channel, new QuietHours(window[0], window[1]));
      }
    }
    Set<Channel> weekends = random.nextBoolean() ? Set.of(Channel.PHONE) : Set.of();
    Set<Channel> holidays = random.nextBoolean() ? Set.of(Channel.PHONE, Channel.SMS)
        : Set.of();
    // a few fixed variants keep the number of policies (and holiday caches) small
    return new PolicySettings(quiet, random.nextInt(4) == 0, weekends, holidays,
        new Cap(random.nextInt(3), Duration.ofDays(7)), new Cap(3, Duration.ofHours(24)), Duration.ofDays(7),
        random.nextInt(4) > 0, Duration.ofDays(60), java.util.Set.of());
  }

  private static ConsentEntry express(Channel channel) {
    return new ConsentEntry(ConsentEntry.Kind.EXPRESS, channel, Purpose.MARKETING, null, "web form", "form 1",
        Instant.parse("2010-01-01T00:00:00Z"), null);
  }

  private static Instant randomInstant(java.util.Random random, int fromYear, int toYear) {
    long from = ZonedDateTime.of(fromYear, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")).toEpochSecond();
    long to = ZonedDateTime.of(toYear, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")).toEpochSecond();
    return Instant.ofEpochSecond(random.nextLong(from, to));
  }

  private static <T> T pick(java.util.Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static Channel pickOrNull(java.util.Random random) {
    int i = random.nextInt(PolicyChannels.ALL.size() + 1);
    return i == PolicyChannels.ALL.size() ? null : PolicyChannels.ALL.get(i);
  }

  private static List<ZoneId> zones(String... ids) {
    return java.util.Arrays.stream(ids).map(ZoneId::of).toList();
  }
}
