package dev.tact.sla.calendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a local date-time of a zone into the instant at which the wall clock first shows it (or a later time).
 *
 * <p>In a DST gap (a local time that never happens) that is the instant of the transition: a shift "from 02:30"
 * on a spring-forward night starts when the clocks jump to 03:00. In an overlap (a local time that happens twice)
 * it is the first occurrence, with the offset before the transition. The mapping never goes backwards, so
 * intervals that do not overlap on the wall clock do not overlap as instants either.
 */
final class LocalClock {

  private final ZoneRules rules;
  private final ZoneOffset fixed;

  LocalClock(ZoneId zone) {
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset() ? rules.getOffset(java.time.Instant.EPOCH) : null;
  }

  long epochSecond(LocalDateTime local) {
    if (fixed != null) {
      return local.toEpochSecond(fixed);
    }
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.toEpochSecond(offsets.get(0));
    }
    ZoneOffsetTransition transition = rules.getTransition(local);
    return offsets.isEmpty() ? transition.toEpochSecond() : local.toEpochSecond(transition.getOffsetBefore());
  }
}
