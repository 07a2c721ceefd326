package dev.tact.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An SLA clock that pauses: the business time a conversation consumed over the intervals in which its clock ran
 * (not while it waited on the customer), and when a target falls due or warns from the latest resumption.
 */
public record SlaClock(BusinessCalendar calendar) {

  /** One interval in which the clock ran, {@code [from, to)}. */
  public record Running(Instant from, Instant to) {
    public Running {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a running interval ends before it starts: " + from + " – " + to);
      }
    }
  }

  public SlaClock {
    Objects.requireNonNull(calendar, "calendar");
  }

  /** Business time consumed over the running intervals, in any order; time covered twice counts once. */
  public Duration consumed(List<Running> running) {
    List<Running> sorted = new ArrayList<>(running);
    sorted.sort(Comparator.comparing(Running::from));
    Duration total = Duration.ZERO;
    Instant covered = Instant.MIN;
    for (Running interval : sorted) {
      Instant from = interval.from().isAfter(covered) ? interval.from() : covered;
      if (interval.to().isAfter(from)) {
        total = total.plus(calendar.businessTimeBetween(from, interval.to()));
        covered = interval.to();
      }
    }
    return total;
  }

  /**
   * When the target falls due if the clock runs from {@code resumedAt} on, {@code consumed} having been used
   * already; {@code resumedAt} itself if nothing is left (the target was reached by then).
   */
  public Instant dueAt(Instant resumedAt, Duration target, Duration consumed) {
    return calendar.addBusinessTime(resumedAt, left(target, consumed));
  }

  /** When {@code fraction} of the target is reached, or {@code resumedAt} if it already was. */
  public Instant warningAt(Instant resumedAt, Duration target, Duration consumed, double fraction) {
    return calendar.addBusinessTime(resumedAt, left(BusinessCalendar.fractionOf(target, fraction), consumed));
  }

  /** Business time left before the target; zero or negative once reached (negative = overdue by that much). */
  public Duration remaining(Duration target, Duration consumed) {
    return target.minus(consumed);
  }

  private static Duration left(Duration target, Duration consumed) {
    Duration left = target.minus(consumed);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
