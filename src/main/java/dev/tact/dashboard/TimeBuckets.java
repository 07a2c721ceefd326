package dev.tact.dashboard;

import dev.tact.shared.SqlTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope's period cut into days (up to 35 days), weeks (up to 120) or months, counted in the scope's zone, for the
 * panels that draw a line over time. {@link #caseOf} numbers a timestamp column's bucket in SQL with bind
 * parameters (the same on H2 and PostgreSQL, and exact across daylight saving changes).
 */
public final class TimeBuckets {

  /** How long each bucket is. */
  public enum Unit { DAY, WEEK, MONTH }

  private final Unit unit;
  private final List<LocalDate> days;
  private final List<Instant> starts;

  private TimeBuckets(Unit unit, List<LocalDate> days, List<Instant> starts) {
    this.unit = unit;
    this.days = List.copyOf(days);
    this.starts = List.copyOf(starts);
  }

  public static TimeBuckets of(ReportScope scope) {
    ZoneId zone = scope.zone();
    LocalDate first = scope.from().atZone(zone).toLocalDate();
    LocalDate last = scope.to().minusNanos(1).atZone(zone).toLocalDate();
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    Unit unit = days <= 35 ? Unit.DAY : days <= 120 ? Unit.WEEK : Unit.MONTH;
    List<LocalDate> dates = new ArrayList<>();
    List<Instant> starts = new ArrayList<>();
    LocalDate day = first;
    while (!day.isAfter(last)) {
      dates.add(day);
      starts.add(dates.size() == 1 ? scope.from() : day.atStartOfDay(zone).toInstant());
      day = switch (unit) {
        case DAY -> day.plusDays(1);
        case WEEK -> day.plusWeeks(1);
        case MONTH -> day.withDayOfMonth(1).plusMonths(1);
      };
    }
    return new TimeBuckets(unit, dates, starts);
  }

  public Unit unit() {
    return unit;
  }

  public int size() {
    return days.size();
  }

  /** The first local date of each bucket, as the table's first column shows it. */
  public String label(int index) {
    return days.get(index).toString();
  }

  /**
   * A SQL expression giving the 0-based bucket of {@code column}, for rows already limited to the scope's period;
   * bind {@link #parameters()} with it.
   */
  public String caseOf(String column) {
    if (size() == 1) {
      return "0";
    }
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 1; i < size(); i++) {
      sql.append(" WHEN ").append(column).append(" < :bucket").append(i).append(" THEN ").append(i - 1);
    }
    return sql.append(" ELSE ").append(size() - 1).append(" END").toString();
  }

  /** The 0-based bucket of an instant already within the scope's period (as {@link #caseOf} numbers it in SQL). */
  public int indexOf(Instant at) {
    int index = 0;
    while (index + 1 < starts.size() && !at.isBefore(starts.get(index + 1))) {
      index++;
    }
    return index;
  }

  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 1; i < size(); i++) {
      parameters.put("bucket" + i, SqlTime.utc(starts.get(i)));
    }
    return parameters;
  }
}
