package dev.tact.sla;

import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** SLA figures per team over a range of dates. */
@Service
public class SlaReports {

  private static final int MAX_DAYS = 366;

  private final ClockStore store;
  private final TeamCalendars calendars;
  private final StaffDirectory staff;
  private final Clock clock;

  SlaReports(ClockStore store, TeamCalendars calendars, StaffDirectory staff, Clock clock) {
    this.store = store;
    this.calendars = calendars;
    this.staff = staff;
    this.clock = clock;
  }

  /** The report of the team over the local dates {@code from..to}, both included (at most a year). */
  public SlaReport report(UUID teamId, LocalDate from, LocalDate to) {
    staff.requireTeam(teamId);
    if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ProblemException.invalid("invalid-range",
          "Give from and to as dates (YYYY-MM-DD), to on or after from, at most " + MAX_DAYS + " days apart.");
    }
    BusinessCalendar calendar = calendars.calendar(teamId);
    ZoneId zone = calendar.zone();
    List<ClockRow> clocks = store.startedBetween(teamId, from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant());
    Instant now = clock.instant();
    List<SlaReport.MetricLine> lines = new ArrayList<>();
    for (SlaMetric metric : SlaMetric.values()) {
      int withTarget = 0;
      int met = 0;
      int breached = 0;
      int running = 0;
      for (ClockRow c : clocks) {
        if (c.metric() != metric || c.target() == null || ClockRow.ENDED.equals(c.outcome())) {
          continue;
        }
        withTarget++;
        boolean late = c.breachedAt() != null
            || (c.active() && c.used(calendars.calendar(c.teamId()), now).compareTo(c.target()) > 0);
        if (late) {
          breached++;
        } else if (ClockRow.MET.equals(c.outcome())) {
          met++;
        } else {
          running++;
        }
      }
      Double percent = met + breached == 0 ? null : Math.round(1000.0 * met / (met + breached)) / 10.0;
      lines.add(new SlaReport.MetricLine(metric, withTarget, met, breached, running, percent));
    }
    double[] minutes = clocks.stream()
        .filter(c -> c.metric() == SlaMetric.FIRST_RESPONSE && "REPLY".equals(c.endedBy()))
        .mapToDouble(c -> c.consumedNanos() / 60e9).sorted().toArray();
    return new SlaReport(teamId, zone.getId(), from, to, lines, new SlaReport.FirstResponseTimes(minutes.length,
        percentile(minutes, 50), percentile(minutes, 90)));
  }

  /** The nearest-rank percentile of sorted values, in minutes rounded to a tenth; null for none. */
  static Double percentile(double[] sorted, int percent) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return Math.round(sorted[Math.max(rank, 1) - 1] * 10) / 10.0;
  }
}
