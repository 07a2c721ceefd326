package dev.tact.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A custom closure of a team: a whole local date (a company day off) or an instant range (an outage window). */
public sealed interface Closure {

  /** No working interval starts on this local date (like a public holiday). */
  record Day(LocalDate date) implements Closure {
    public Day {
      Objects.requireNonNull(date, "date");
    }
  }

  /** Closed in {@code [from, to)}; a range not in whole seconds is widened to them. */
  record Range(Instant from, Instant to) implements Closure {
    public Range {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a closure ends before it starts: " + from + " – " + to);
      }
    }
  }

  static Closure day(LocalDate date) {
    return new Day(date);
  }

  static Closure between(Instant from, Instant to) {
    return new Range(from, to);
  }
}
