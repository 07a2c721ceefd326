package dev.tact.delivery.pacing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Decides when a mail to a recipient domain may leave, and books that slot: a token bucket per
 * domain, one over all domains, and during warm-up a daily limit per domain. Never sleeps; the
 * caller waits or reschedules. Thread-safe (one lock: a reservation is a few arithmetic steps).
 * The limits are asked for on every reservation; when they change (an admin saved new ones) the
 * buckets start afresh with them.
 */
public class DomainPacer {

  private static final int FORGET_IDLE_ABOVE = 10_000;
  private static final int FORGET_IDLE_EVERY = 4096;

  private final Supplier<PacingProperties> limits;
  private final WarmupStart warmupStart;
  private PacingProperties settings;
  private final Map<String, DomainState> domains = new HashMap<>();
  private GlobalCap global;
  private int reservationsSinceForgetting;

  public DomainPacer(PacingProperties settings, WarmupStart warmupStart) {
    this(() -> settings, warmupStart);
  }

  /** Pacing with the limits in force at each reservation (the same instance while they are unchanged). */
  public DomainPacer(Supplier<PacingProperties> limits, WarmupStart warmupStart) {
    this.limits = limits;
    this.warmupStart = warmupStart;
    this.settings = limits.get();
  }

  /** Pacing without warm-up state, or with a configured first day. */
  public DomainPacer(PacingProperties settings) {
    this(settings, WarmupStart.on(settings.warmup().startedOn()));
  }

  /**
   * The instant at which one send to {@code recipientDomain} may happen, at or after {@code now};
   * the slot is booked, so call this once per send. Pacing off: {@code now}.
   */
  public Instant reserve(String recipientDomain, Instant now) {
    PacingProperties inForce = limits.get();
    if (!inForce.enabled()) {
      return now;
    }
    String domain = PacingProperties.normaliseDomain(recipientDomain);
    LocalDate firstDay = inForce.warmup().enabled() ? warmupStart.firstDay(day(now)) : null;
    synchronized (this) {
      if (inForce != settings) {
        if (!inForce.equals(settings)) {
          // new limits: every domain starts with a full bucket of its new size, the global cap afresh
          domains.clear();
          global = null;
        }
        settings = inForce; // the same limits read again: the buckets go on
      }
      DomainState state = domains.computeIfAbsent(domain, d -> new DomainState(bucketFor(d, now)));
      if (global == null) {
        global = new GlobalCap(settings.globalRate() / settings.nodes());
      }
      Instant at = state.bucket.earliest(now);
      if (firstDay != null) {
        state.sentPerDay.headMap(day(now)).clear();
        at = state.firstDayWithRoom(at, firstDay);
      }
      at = global.book(at, now);
      state.bucket.take(at);
      if (firstDay != null) {
        state.count(day(at));
      }
      forgetIdle(now);
      return at;
    }
  }

  private TokenBucket bucketFor(String domain, Instant now) {
    PacingProperties.Limit limit = settings.limitFor(domain);
    return new TokenBucket(limit.rate() / settings.nodes(), limit.burst(), now);
  }

  private void forgetIdle(Instant now) {
    if (domains.size() > FORGET_IDLE_ABOVE && ++reservationsSinceForgetting >= FORGET_IDLE_EVERY) {
      reservationsSinceForgetting = 0;
      LocalDate today = day(now);
      domains.values().removeIf(state -> state.bucket.idle(now) && state.sentPerDay.tailMap(today).isEmpty());
    }
  }

  private long dailyLimitOn(LocalDate day, LocalDate firstDay) {
    long dayNumber = Math.max(1, ChronoUnit.DAYS.between(firstDay, day) + 1);
    OptionalLong limit = settings.warmup().limitOnDay(dayNumber);
    return limit.isPresent() ? Math.max(1, limit.getAsLong() / settings.nodes()) : Long.MAX_VALUE;
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private final class DomainState {
    final TokenBucket bucket;
    final TreeMap<LocalDate, Long> sentPerDay = new TreeMap<>();

    DomainState(TokenBucket bucket) {
      this.bucket = bucket;
    }

    /** {@code at}, or the start of the first later day on which this domain's warm-up limit has room. */
    Instant firstDayWithRoom(Instant at, LocalDate firstDay) {
      LocalDate day = day(at);
      while (sentPerDay.getOrDefault(day, 0L) >= dailyLimitOn(day, firstDay)) {
        day = day.plusDays(1);
        at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return at;
    }

    void count(LocalDate day) {
      sentPerDay.merge(day, 1L, Long::sum);
    }
  }
}
