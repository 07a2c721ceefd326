package dev.tact.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  public record Day(LocalDate date, int level, String label) {}

  public record ComponentView(UUID id, String name, String description, String state, int level, List<Day> days,
      int incidents) {}

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
      List<Day> days = new ArrayList<>(HISTORY_DAYS);
      for (int back = HISTORY_DAYS - 1; back >= 0; back--) {
        LocalDate date = today.minusDays(back);
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int worstThatDay = its.stream().filter(i -> i.startedAt().isBefore(dayEnd)
            && (i.resolvedAt() == null || i.resolvedAt().isAfter(dayStart))).mapToInt(StatusContent::level).max()
            .orElse(0);
        days.add(new Day(date, worstThatDay, DAY.format(date) + ": " + label(worstThatDay)));
      }
      byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(new ComponentView(c.id(), c.name(),
          c.description(), label(level), level, days, its.size()));
    }
    this.worstLevel = worst;
    this.groups = byGroup.entrySet().stream().map(e -> new GroupView(e.getKey(), e.getValue())).toList();
    List<IncidentView> views = incidents.stream().sorted(Comparator.comparing(Incident::startedAt).reversed())
        .map(i -> view(i, names, updates.getOrDefault(i.id(), List.of()))).toList();
    this.open = views.stream().filter(IncidentView::open).toList();
    this.past = views.stream().filter(v -> !v.open()).toList();
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
