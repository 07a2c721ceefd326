package dev.tact.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the status page shows, computed from the components and the incidents of the last 90 days: each
 * component's state now and per day, the open incidents and the past ones with their updates. Times are in UTC,
 * named, since the page is the same for everyone.
 */
public final class StatusContent {

  static final int HISTORY_DAYS = 90;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /**
   * Consecutive days of a component's history in the same state, shown as one element: the page stays small (a
   * quiet component is one run, not 90 days) while each day stays findable, since a run names its first and last
   * date.
   *
   * @param days how many days it spans (its width)
   * @param label what a reader and assistive technology are told: the dates and the state
   */
  public record Run(LocalDate from, LocalDate to, int days, int level, String label) {

    /** Whether the day is in this run. */
    public boolean covers(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  public record ComponentView(UUID id, String name, String description, String state, int level, List<Run> runs,
      int incidents) {

    /** The run the day belongs to, if the day is in the history. */
    public Optional<Run> on(LocalDate date) {
      return runs.stream().filter(r -> r.covers(date)).findFirst();
    }
  }

  public record GroupView(String name, List<ComponentView> components) {}

  public record UpdateView(String state, String message, Instant at, String time) {}

  public record IncidentView(String reference, String title, String impact, String impactLabel, String state,
      boolean open, Instant startedAt, String started, Instant resolvedAt, String resolved, List<String> components,
      List<UpdateView> updates, String postmortemUrl) {}

  final String title;
  final Instant builtAt;
  final List<GroupView> groups;
  final List<IncidentView> open;
  final List<IncidentView> past;
  final List<Component> components;
  final int worstLevel;

  StatusContent(String title, Instant now, List<Component> components, List<Incident> incidents,
      Map<UUID, List<IncidentUpdate>> updates) {
    this.title = title;
    this.builtAt = now;
    this.components = components;
    Map<UUID, String> names = new LinkedHashMap<>();
    components.forEach(c -> names.put(c.id(), c.name()));
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    Map<String, List<ComponentView>> byGroup = new LinkedHashMap<>();
    int worst = 0;
    for (Component c : components) {
      List<Incident> its = incidents.stream().filter(i -> i.componentIds().contains(c.id())).toList();
      int level = its.stream().filter(Incident::open).mapToInt(StatusContent::level).max().orElse(0);
      worst = Math.max(worst, level);
      byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(new ComponentView(c.id(), c.name(),
          c.description(), label(level), level, runs(its, today), its.size()));
    }
    this.worstLevel = worst;
    this.groups = byGroup.entrySet().stream().map(e -> new GroupView(e.getKey(), e.getValue())).toList();
    List<IncidentView> views = incidents.stream().sorted(Comparator.comparing(Incident::startedAt).reversed())
        .map(i -> view(i, names, updates.getOrDefault(i.id(), List.of()))).toList();
    this.open = views.stream().filter(IncidentView::open).toList();
    this.past = views.stream().filter(v -> !v.open()).toList();
  }

  /** The component's last {@value #HISTORY_DAYS} days (up to today), each day at its worst incident's level. */
  static List<Run> runs(List<Incident> its, LocalDate today) {
    List<Run> runs = new ArrayList<>();
    LocalDate from = null;
    int runLevel = -1;
    for (int back = HISTORY_DAYS - 1; back >= -1; back--) {
      LocalDate date = today.minusDays(back);
      int worstThatDay = back < 0 ? -1 : worstOn(its, date);
      if (worstThatDay != runLevel) {
        if (from != null) {
          runs.add(run(from, date.minusDays(1), runLevel));
        }
        from = date;
        runLevel = worstThatDay;
      }
    }
    return List.copyOf(runs);
  }

  private static int worstOn(List<Incident> its, LocalDate date) {
    Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return its.stream().filter(i -> i.startedAt().isBefore(dayEnd)
        && (i.resolvedAt() == null || i.resolvedAt().isAfter(dayStart))).mapToInt(StatusContent::level).max()
        .orElse(0);
  }

  private static Run run(LocalDate from, LocalDate to, int level) {
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    String dates = days == 1 ? DAY.format(from)
        : (from.getYear() == to.getYear() ? SHORT_DAY.format(from) : DAY.format(from)) + " – " + DAY.format(to);
    String count = days == 1 ? "" : " (" + days + " days)";
    return new Run(from, to, days, level, dates + ": " + label(level) + count);
  }

  /** The page's headline. */
  String overall() {
    return switch (worstLevel) {
      case 0 -> open.isEmpty() ? "All systems operational" : "Some systems have a problem";
      case 1 -> "Degraded performance";
      case 2 -> "Partial outage";
      default -> "Major outage";
    };
  }

  String indicator() {
    return switch (worstLevel) {
      case 0 -> "none";
      case 1 -> "minor";
      case 2 -> "major";
      default -> "critical";
    };
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  private static IncidentView view(Incident i, Map<UUID, String> names, List<IncidentUpdate> updates) {
    return new IncidentView(i.reference(), i.title(), i.impact().id(), i.impact().componentState(), i.state().label(),
        i.open(), i.startedAt(), time(i.startedAt()), i.resolvedAt(), time(i.resolvedAt()),
        i.componentIds().stream().map(id -> names.getOrDefault(id, "(removed)")).toList(),
        updates.stream().map(u -> new UpdateView(u.state().label(), u.message(), u.postedAt(), time(u.postedAt())))
            .toList(), i.postmortemUrl());
  }

  private static int level(Incident i) {
    return i.impact().ordinal() + 1;
  }

  private static String label(int level) {
    return level == 0 ? "Operational" : Impact.values()[level - 1].componentState();
  }
}
