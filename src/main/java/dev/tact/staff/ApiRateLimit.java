package dev.tact.staff;

import dev.tact.shared.ProblemException;

/**
 * How many requests a token may make: {@code perSecond} on average with bursts of up to {@code burst}, or
 * {@code unlimited} (for load tests and trusted bulk imports).
 */
public record ApiRateLimit(boolean unlimited, int perSecond, int burst) {

  public static final int MAX = 1_000_000;

  public static final ApiRateLimit UNLIMITED = new ApiRateLimit(true, 0, 0);

  public ApiRateLimit {
    if (!unlimited && (perSecond < 1 || perSecond > MAX || burst < 1 || burst > MAX)) {
      throw ProblemException.invalid("invalid-rate-limit",
          "A rate limit needs perSecond and burst from 1 to " + MAX + " (or unlimited).");
    }
    if (unlimited) {
      perSecond = 0;
      burst = 0;
    }
  }

  /** A limit of {@code perSecond} with a burst of {@code burst} (null: twice the rate). */
  public static ApiRateLimit of(Integer perSecond, Integer burst) {
    if (perSecond == null) {
      throw ProblemException.invalid("invalid-rate-limit", "Give perSecond (and optionally burst), or unlimited.");
    }
    return new ApiRateLimit(false, perSecond, burst == null ? (int) Math.min(MAX, 2L * perSecond) : burst);
  }

  /** For people: "100/s, bursts of 200" or "unlimited". */
  public String describe() {
    return unlimited ? "unlimited" : perSecond + "/s, bursts of " + burst;
  }
}
