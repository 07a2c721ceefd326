package dev.tact.dashboard;

import dev.tact.staff.Agent;
import dev.tact.staff.AgentZones;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffMailRequested;
import dev.tact.timer.FiredTimer;
import dev.tact.timer.TimerHandler;
import dev.tact.timer.Timers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Monday at 07:00 (the site's zone) each active lead and admin who did not opt out gets the headline of every
 * panel for the week before, by staff mail through the outbox. A durable timer that schedules its next week when it
 * fires, so a restart or a second node neither skips nor doubles a week; the mail id comes from the person and the
 * week, so a retried firing queues no second copy.
 */
@Component
public class WeeklyDigest implements TimerHandler {

  static final String KIND = "dashboard.weekly-digest";
  static final String KEY = "weekly";
  static final LocalTime SEND_AT = LocalTime.of(7, 0);

  private final Timers timers;
  private final Dashboards dashboards;
  private final StaffDirectory staff;
  private final AgentZones zones;
  private final DigestOptOuts optOuts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WeeklyDigest(Timers timers, Dashboards dashboards, StaffDirectory staff, AgentZones zones, DigestOptOuts optOuts,
      ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
    this.timers = timers;
    this.dashboards = dashboards;
    this.staff = staff;
    this.zones = zones;
    this.optOuts = optOuts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @EventListener(ApplicationReadyEvent.class)
  void scheduleFirst() {
    transactions.executeWithoutResult(status -> {
      if (timers.find(KIND, KEY).isEmpty()) {
        timers.schedule(KIND, KEY, nextMonday(clock.instant()), null);
      }
    });
  }

  @Override
  public void fire(FiredTimer timer) {
    send(LocalDate.ofInstant(timer.dueAt(), zones.siteZone()));
    timers.schedule(KIND, KEY, nextMonday(timer.firedAt()), null);
  }

  /**
   * Queues the digest of the week (Monday to Sunday) before {@code monday} to every lead and admin who wants it, in
   * the caller's transaction; answers how many were queued.
   */
  public int send(LocalDate monday) {
    ZoneId zone = zones.siteZone();
    LocalDate weekStart = monday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    ReportScope scope = new ReportScope(weekStart.atStartOfDay(zone).toInstant(),
        weekStart.plusWeeks(1).atStartOfDay(zone).toInstant(), zone, null, null, null, null);
    Set<UUID> optedOut = optOuts.optedOut();
    List<Agent> readers = staff.agents().stream()
        .filter(a -> a.active() && a.role().compareTo(Role.LEAD) >= 0 && !optedOut.contains(a.id())).toList();
    if (readers.isEmpty()) {
      return 0;
    }
    String text = text(weekStart, dashboards.computeAll(scope));
    String subject = "Tact weekly digest: week of " + weekStart;
    for (Agent reader : readers) {
      UUID mailId = UUID.nameUUIDFromBytes((KIND + ":" + reader.id() + ":" + weekStart)
          .getBytes(StandardCharsets.UTF_8));
      events.publishEvent(new StaffMailRequested(mailId, reader.id(), reader.email(), reader.displayName(), subject,
          text));
    }
    return readers.size();
  }

  static String text(LocalDate weekStart, List<PanelResult> results) {
    StringBuilder text = new StringBuilder("The week from " + weekStart + " to " + weekStart.plusDays(6)
        + ", what customers felt first:\n");
    DashboardSection section = null;
    for (PanelResult r : results) {
      if (r.section() != section) {
        section = r.section();
        text.append('\n').append(DashboardSections.title(section)).append('\n');
      }
      text.append("- ").append(r.title()).append(": ")
          .append(r.failed() ? "not available (" + r.problem() + ")" : r.data().headline()).append('\n');
    }
    return text.append("\nThe dashboard has the charts, the tables and their CSV: /dashboard?from=").append(weekStart)
        .append("&to=").append(weekStart.plusDays(6))
        .append("\nYou get this mail as a lead or admin; stop it with the button at the foot of the dashboard.\n")
        .toString();
  }

  Instant nextMonday(Instant after) {
    ZoneId zone = zones.siteZone();
    LocalDate today = LocalDate.ofInstant(after, zone);
    LocalDate monday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    Instant candidate = monday.atTime(SEND_AT).atZone(zone).toInstant();
    return candidate.isAfter(after) ? candidate : monday.plusWeeks(1).atTime(SEND_AT).atZone(zone).toInstant();
  }
}
