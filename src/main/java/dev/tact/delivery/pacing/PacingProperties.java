package dev.tact.delivery.pacing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast outbound mail may leave, per recipient domain and in total (see ADR 0015). Rates are
 * for the whole installation: each node paces at {@code rate / nodes}.
 *
 * @param enabled false: every send may happen at once
 * @param nodes how many Tact nodes send mail; each gets this share of every rate and daily limit
 * @param defaultRate sends per second to one recipient domain without an entry in {@code domains}
 * @param defaultBurst sends to such a domain that may leave at once after a quiet spell
 * @param globalRate sends per second over all domains together (counted per tenth of a second)
 * @param domains per-domain limits, e.g. {@code tact.delivery.pacing.domains[gmail.com].rate=20}
 * @param warmup the daily ramp of a new sending setup
 */
@ConfigurationProperties("tact.delivery.pacing")
public record PacingProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1") int nodes,
    @DefaultValue("10") double defaultRate,
    @DefaultValue("20") int defaultBurst,
    @DefaultValue("100") double globalRate,
    Map<String, Limit> domains,
    @DefaultValue Warmup warmup) {

  public PacingProperties {
    if (nodes < 1) {
      throw new IllegalArgumentException("tact.delivery.pacing.nodes must be at least 1");
    }
    new Limit(defaultRate, defaultBurst);
    new Limit(globalRate, 1);
    Map<String, Limit> normalised = new TreeMap<>();
    if (domains != null) {
      domains.forEach((domain, limit) -> normalised.put(normaliseDomain(domain), limit));
    }
    domains = Map.copyOf(normalised);
    warmup = warmup == null ? Warmup.OFF : warmup;
  }

  /** Pacing with these limits for one node, without warm-up or per-domain entries. */
  public static PacingProperties of(double defaultRate, int defaultBurst, double globalRate) {
    return new PacingProperties(true, 1, defaultRate, defaultBurst, globalRate, Map.of(), Warmup.OFF);
  }

  /** The limit for one recipient domain (an entry in {@code domains}, else the default). */
  public Limit limitFor(String domain) {
    Limit limit = domains.get(domain);
    return limit != null ? limit : new Limit(defaultRate, defaultBurst);
  }

  static String normaliseDomain(String domain) {
    String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

  /**
   * @param rate sends per second
   * @param burst sends that may leave at once after a quiet spell (at least 1)
   */
  public record Limit(double rate, @DefaultValue("1") int burst) {
    public Limit {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("A pacing rate must be a positive number of sends per second, was " + rate);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("A pacing burst must be at least 1, was " + burst);
      }
    }
  }

  /**
   * The ramp of a new sending setup: at most {@code dailyLimits[d-1]} sends per recipient domain on
   * its d-th day (UTC), no daily limit after the last entry.
   *
   * @param startedOn the first day; unset: the first day Tact sent with warm-up on (stored in
   *     {@code delivery_warmup}, so every node and every restart counts from the same day)
   */
  public record Warmup(
      @DefaultValue("false") boolean enabled,
      LocalDate startedOn,
      @DefaultValue({"50", "100", "200", "400", "800", "1600", "3200", "6400", "12800", "25000", "50000", "100000"})
      List<Integer> dailyLimits) {

    public static final Warmup OFF = new Warmup(false, null, List.of());

    public Warmup {
      dailyLimits = dailyLimits == null ? List.of() : List.copyOf(dailyLimits);
      if (dailyLimits.stream().anyMatch(limit -> limit < 1)) {
        throw new IllegalArgumentException("Warm-up daily limits must be at least 1");
      }
      if (enabled && dailyLimits.isEmpty()) {
        throw new IllegalArgumentException("Warm-up is on but has no daily limits");
      }
    }

    /** The daily limit per domain on day {@code day} (1 = the first), or empty after the ramp. */
    java.util.OptionalLong limitOnDay(long day) {
      if (!enabled || day > dailyLimits.size()) {
        return java.util.OptionalLong.empty();
      }
      return java.util.OptionalLong.of(dailyLimits.get((int) Math.max(0, day - 1)));
    }
  }
}
