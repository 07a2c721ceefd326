package dev.tact.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the status page once per change and keeps it in memory: after a change on this node commits, and when
 * the revision another node bumped is seen (checked every {@code tact.incident.status-refresh}), or the day turns
 * (the history moves). Serving it never touches the database.
 */
@Service
public class StatusPages implements SmartLifecycle, OpenIncidentsHint {

  private static final Logger log = LoggerFactory.getLogger(StatusPages.class);

  private final IncidentStore store;
  private final ITemplateEngine templates;
  private final JsonMapper json;
  private final IncidentProperties properties;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final AtomicReference<StatusSnapshot> current = new AtomicReference<>();
  private final ReentrantLock building = new ReentrantLock();
  private volatile ScheduledFuture<?> refreshing;

  StatusPages(IncidentStore store, ITemplateEngine templates, JsonMapper json, IncidentProperties properties,
      TaskScheduler scheduler, Clock clock) {
    this.store = store;
    this.templates = templates;
    this.json = json;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** The page as last rendered (rendered now if it never was). */
  public StatusSnapshot current() {
    StatusSnapshot snapshot = current.get();
    return snapshot != null ? snapshot : rebuild();
  }

  @Override
  public boolean anyOpen() {
    return current().openIncidents() > 0;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(StatusPageChanged changed) {
    rebuild();
  }

  /** Renders the page from the database now. */
  public StatusSnapshot rebuild() {
    building.lock();
    try {
      long revision = store.revision();
      Instant now = clock.instant();
      List<Incident> incidents = store.since(now.minus(java.time.Duration.ofDays(StatusContent.HISTORY_DAYS)));
      StatusContent content = new StatusContent(properties.statusTitle(), now, store.components(), incidents,
          store.updates(incidents.stream().map(Incident::id).toList()));
      StatusSnapshot snapshot = new StatusSnapshot(revision, now,
          StatusSnapshot.Representation.of(html(content), "text/html;charset=UTF-8"),
          StatusSnapshot.Representation.of(json(content), "application/json"),
          StatusSnapshot.Representation.of(atom(content), "application/atom+xml;charset=UTF-8"),
          content.open.size());
      current.set(snapshot);
      return snapshot;
    } finally {
      building.unlock();
    }
  }

  void refreshIfChanged() {
    try {
      StatusSnapshot snapshot = current.get();
      LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
      if (snapshot == null || snapshot.revision() != store.revision()
          || !snapshot.builtAt().atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
        rebuild();
      }
    } catch (RuntimeException e) {
      log.warn("Could not refresh the status page (it keeps serving the last one): {}", e.toString());
    }
  }

  private String html(StatusContent content) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("level", content.worstLevel);
    context.setVariable("title", content.title);
    context.setVariable("overall", content.overall());
    context.setVariable("indicator", content.indicator());
    context.setVariable("groups", content.groups);
    context.setVariable("open", content.open);
    context.setVariable("past", content.past);
    context.setVariable("components", content.components);
    context.setVariable("updated", StatusContent.time(content.builtAt));
    return templates.process("incident/status", context);
  }

  private String json(StatusContent content) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", content.title);
    page.put("updatedAt", content.builtAt.toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("page", page);
    body.put("status", Map.of("indicator", content.indicator(), "description", content.overall()));
    List<Map<String, Object>> components = new ArrayList<>();
    for (StatusContent.GroupView group : content.groups) {
      for (StatusContent.ComponentView c : group.components()) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("id", c.id().toString());
        component.put("name", c.name());
        component.put("group", group.name());
        component.put("status", c.state());
        component.put("incidentsIn90Days", c.incidents());
        components.add(component);
      }
    }
    body.put("components", components);
    List<Map<String, Object>> incidents = new ArrayList<>();
    for (StatusContent.IncidentView i : concat(content.open, content.past)) {
      Map<String, Object> incident = new LinkedHashMap<>();
      incident.put("reference", i.reference());
      incident.put("title", i.title());
      incident.put("impact", i.impact());
      incident.put("state", i.state().toLowerCase(Locale.ROOT));
      incident.put("startedAt", i.startedAt().toString());
      incident.put("resolvedAt", i.resolvedAt() == null ? null : i.resolvedAt().toString());
      incident.put("components", i.components());
      incident.put("postmortemUrl", i.postmortemUrl());
      incident.put("updates", i.updates().stream().map(u -> Map.of("state", u.state().toLowerCase(Locale.ROOT),
          "message", u.message(), "at", u.at().toString())).toList());
      incidents.add(incident);
    }
    body.put("incidents", incidents);
    return json.writeValueAsString(body);
  }

  private String atom(StatusContent content) {
    String base = properties.baseUrl();
    StringBuilder feed = new StringBuilder();
    feed.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <title>").append(xml(content.title)).append("</title>\n")
        .append("  <id>").append(xml(base)).append("/status</id>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base)).append("/status\"/>\n")
        .append("  <link rel=\"self\" href=\"").append(xml(base)).append("/status/feed.atom\"/>\n")
        .append("  <updated>").append(content.builtAt).append("</updated>\n");
    int entries = 0;
    for (StatusContent.IncidentView i : concat(content.open, content.past)) {
      for (StatusContent.UpdateView u : i.updates()) {
        if (entries++ >= 50) {
          break;
        }
        feed.append("  <entry>\n")
            .append("    <id>").append(xml(base)).append("/status#").append(i.reference()).append('-')
            .append(u.at().toEpochMilli()).append("</id>\n")
            .append("    <title>").append(xml(i.reference() + " " + u.state() + ": " + i.title())).append("</title>\n")
            .append("    <updated>").append(u.at()).append("</updated>\n")
            .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base)).append("/status#")
            .append(i.reference()).append("\"/>\n")
            .append("    <content type=\"text\">").append(xml(u.message())).append("</content>\n")
            .append("  </entry>\n");
      }
    }
    return feed.append("</feed>\n").toString();
  }

  private static List<StatusContent.IncidentView> concat(List<StatusContent.IncidentView> a,
      List<StatusContent.IncidentView> b) {
    List<StatusContent.IncidentView> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void start() {
    refreshing = scheduler.scheduleWithFixedDelay(this::refreshIfChanged, properties.statusRefresh());
  }

  @Override
  public void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
      refreshing = null;
    }
  }

  @Override
  public boolean isRunning() {
    return refreshing != null;
  }
}
