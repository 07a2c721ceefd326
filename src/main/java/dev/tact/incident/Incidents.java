package dev.tact.incident;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declares incidents and posts their updates; links the conversations that report them. Leads and admins do this
 * (the callers check); every change is audited, bumps the status page's revision and publishes
 * {@link IncidentUpdated} for the notices.
 */
@Service
public class Incidents {

  static final int MAX_TITLE = 300;
  static final int MAX_MESSAGE = 5000;
  /** How far ahead a start may lie: a clock a little off, not a planned incident. */
  private static final Duration START_SKEW = Duration.ofMinutes(5);

  /**
   * A new incident.
   *
   * @param startedAt when customers began to be affected; null: now
   * @param keywords comma-separated words that name it in messages, besides its components' names and keywords
   * @param sendNotices whether the contacts it affects get the declaration as a notice
   */
  public record Declaration(String title, Impact impact, List<UUID> componentIds, String message, Instant startedAt,
      String keywords, boolean sendNotices, boolean acknowledgeReporters) {}

  /**
   * A public update. {@code impact} and {@code componentIds} change the incident when given.
   *
   * @param seenVersion the incident's version the author saw; null: whatever it is now
   */
  public record Update(IncidentState state, String message, boolean sendNotices, Impact impact, List<UUID> componentIds,
      Long seenVersion) {}

  /** What is not a public update: the title, keywords, the post-mortem's address, acknowledgements. */
  public record Details(String title, String keywords, String postmortemUrl, boolean acknowledgeReporters) {}

  private final IncidentStore store;
  private final Components components;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LinkFilings filings;

  Incidents(IncidentStore store, Components components, AuditLog audit, ApplicationEventPublisher events,
      Clock clock, LinkFilings filings) {
    this.filings = filings;
    this.store = store;
    this.components = components;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public List<Incident> open() {
    return store.open();
  }

  public List<Incident> recent(int limit) {
    return store.recent(Math.max(1, Math.min(limit, 500)));
  }

  public Incident require(long number) {
    return store.findByNumber(number).orElseThrow(() -> ProblemException.notFound("incident", "INC-" + number));
  }

  public Incident require(UUID id) {
    return store.find(id).orElseThrow(() -> ProblemException.notFound("incident", id));
  }

  public List<IncidentUpdate> updates(UUID incidentId) {
    return store.updates(List.of(incidentId)).getOrDefault(incidentId, List.of());
  }

  public List<LinkedConversation> links(UUID incidentId) {
    return store.links(incidentId);
  }

  /** The incidents a conversation is linked to (or was, before an agent unlinked it). */
  public List<LinkedConversation> linksOf(UUID conversationId) {
    return store.linksOfConversation(conversationId);
  }

  public IncidentFigures figures(Incident incident) {
    return store.figures(incident);
  }

  @Transactional
  public Incident declare(Declaration d, String by) {
    if (d == null) {
      throw ProblemException.invalid("missing-incident", "The incident is missing.");
    }
    Instant now = now();
    String title = required(d.title(), "title", MAX_TITLE);
    String message = required(d.message(), "message", MAX_MESSAGE);
    if (d.impact() == null) {
      throw ProblemException.invalid("missing-impact", "An incident needs an impact: minor, major or critical.");
    }
    List<UUID> affected = existing(d.componentIds());
    Instant started = d.startedAt() == null ? now : d.startedAt();
    if (started.isAfter(now.plus(START_SKEW))) {
      throw ProblemException.invalid("incident-starts-in-future", "An incident's start cannot lie in the future.");
    }
    UUID id = Ids.newId();
    Incident incident = new Incident(id, store.nextNumber(), title, d.impact(), IncidentState.INVESTIGATING, message,
        Components.keywords(d.keywords()), started, now, by, now, null, null, d.acknowledgeReporters(), affected, 0);
    store.insert(incident);
    IncidentUpdate first = new IncidentUpdate(Ids.newId(), id, IncidentState.INVESTIGATING, message, d.sendNotices(), now,
        by, 0);
    store.insertUpdate(first);
    audit.record(AuditRecord.of("incident.declared", "incident", incident.reference(), "Declared " + incident.reference()
        + " " + title + " (" + d.impact().id() + ")").change(null, incident));
    changed(incident, first);
    return incident;
  }

  @Transactional
  public Incident post(UUID incidentId, Update u, String by) {
    if (u == null || u.state() == null) {
      throw ProblemException.invalid("missing-incident-state", "An update needs a state: investigating, identified, "
          + "monitoring or resolved.");
    }
    Incident before = require(incidentId);
    if (!before.open()) {
      throw ProblemException.conflict("incident-resolved", before.reference() + " is resolved; declare a new incident "
          + "if it is back.");
    }
    if (u.seenVersion() != null && u.seenVersion() != before.version()) {
      throw stale(before);
    }
    String message = required(u.message(), "message", MAX_MESSAGE);
    Instant now = now();
    List<UUID> affected = u.componentIds() == null || u.componentIds().isEmpty() ? before.componentIds()
        : existing(u.componentIds());
    Incident after = new Incident(before.id(), before.number(), before.title(),
        u.impact() == null ? before.impact() : u.impact(), u.state(), message, before.keywords(), before.startedAt(),
        before.declaredAt(), before.declaredBy(), before.firstPublicUpdateAt(),
        u.state() == IncidentState.RESOLVED ? now : null, before.postmortemUrl(), before.acknowledgeReporters(),
        affected, before.version() + 1);
    if (!store.update(after, before.version())) {
      throw stale(require(incidentId));
    }
    IncidentUpdate update = new IncidentUpdate(Ids.newId(), incidentId, u.state(), message, u.sendNotices(), now, by, 0);
    store.insertUpdate(update);
    audit.record(AuditRecord.of(u.state() == IncidentState.RESOLVED ? "incident.resolved" : "incident.updated",
        "incident", before.reference(), before.reference() + " " + u.state().label().toLowerCase(java.util.Locale.ROOT)
            + ": " + abbreviate(message)).change(before, after));
    changed(after, update);
    return after;
  }

  @Transactional
  public Incident amend(UUID incidentId, Details d, Long seenVersion, String by) {
    Incident before = require(incidentId);
    if (seenVersion != null && seenVersion != before.version()) {
      throw stale(before);
    }
    String postmortem = d.postmortemUrl() == null || d.postmortemUrl().isBlank() ? null : d.postmortemUrl().strip();
    if (postmortem != null && !postmortem.matches("(?i)https?://\\S+")) {
      throw ProblemException.invalid("invalid-postmortem-url", "The post-mortem's address must be an http(s) URL.");
    }
    if (postmortem != null) {
      try {
        URI.create(postmortem);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("invalid-postmortem-url", "'" + postmortem + "' is not a valid address.");
      }
    }
    Incident after = new Incident(before.id(), before.number(), required(d.title(), "title", MAX_TITLE),
        before.impact(), before.state(), before.message(), Components.keywords(d.keywords()), before.startedAt(),
        before.declaredAt(), before.declaredBy(), before.firstPublicUpdateAt(), before.resolvedAt(), postmortem,
        d.acknowledgeReporters(), before.componentIds(), before.version() + 1);
    if (!store.update(after, before.version())) {
      throw stale(require(incidentId));
    }
    audit.record(AuditRecord.of("incident.amended", "incident", before.reference(), "Changed the details of "
        + before.reference()).change(before, after));
    changed(after, null);
    return after;
  }

  /** An agent links a conversation to the incident by hand (or links again one unlinked before). */
  @Transactional
  public void link(UUID incidentId, UUID conversationId, UUID contactId, String excerpt, String by) {
    Incident incident = require(incidentId);
    Instant now = now();
    boolean done = store.link(new LinkedConversation(incidentId, conversationId, contactId, excerpt,
        "linked by an agent", now, by, null, null), filings.current(conversationId))
        || store.relink(incidentId, conversationId, by, now);
    if (done) {
      audit.record(AuditRecord.of("incident.conversation.linked", "incident", incident.reference(),
          "Linked a conversation to " + incident.reference()).change(null, conversationId));
      changed(incident, null);
    }
  }

  /** The matcher links a conversation it found reporting the incident; false when it was linked (or unlinked). */
  @Transactional
  public boolean linkMatched(UUID incidentId, UUID conversationId, UUID contactId, String excerpt, String reason) {
    boolean linked = store.link(new LinkedConversation(incidentId, conversationId, contactId, excerpt, reason,
        now(), null, null, null), filings.current(conversationId));
    if (linked) {
      changed(require(incidentId), null);
    }
    return linked;
  }

  /** An agent says the conversation does not report the incident: it stays unlinked, the matcher won't link it. */
  @Transactional
  public void unlink(UUID incidentId, UUID conversationId, String by) {
    Incident incident = require(incidentId);
    if (!store.unlink(incidentId, conversationId, by, now())) {
      throw ProblemException.notFound("linked conversation", conversationId);
    }
    audit.record(AuditRecord.of("incident.conversation.unlinked", "incident", incident.reference(),
        "Unlinked a conversation from " + incident.reference() + " (not a report of it)").change(conversationId,
        null));
    changed(incident, null);
  }

  /** A lead names contacts the incident affects (notices reach them; sales contact is denied them). */
  @Transactional
  public int select(UUID incidentId, Collection<UUID> contactIds, String description, String by) {
    Incident incident = require(incidentId);
    int added = store.select(incidentId, new LinkedHashSet<>(contactIds), now());
    audit.record(AuditRecord.of("incident.contacts.selected", "incident", incident.reference(), "Selected " + added
        + " contacts as affected by " + incident.reference() + " (" + description + ")"));
    return added;
  }

  /** The contacts the incident affects: reporters, selected contacts and subscribers of its components. */
  public List<UUID> affectedContacts(UUID incidentId) {
    return store.affectedContacts(incidentId);
  }

  /** For the contact policy: the incidents affecting these contacts, open or resolved after {@code resolvedAfter}. */
  Map<UUID, List<Incident>> affecting(Collection<UUID> contactIds, Instant resolvedAfter) {
    return store.affecting(contactIds, resolvedAfter);
  }

  /** Now, to the microsecond the database keeps, so what a change answers equals what is read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private void changed(Incident incident, IncidentUpdate update) {
    store.bumpRevision();
    events.publishEvent(new StatusPageChanged());
    if (update != null) {
      events.publishEvent(new IncidentUpdated(incident.id(), incident.number(), update.id(), update.state(),
          update.sendNotices()));
    }
  }

  private ProblemException stale(Incident now) {
    List<IncidentUpdate> updates = updates(now.id());
    String last = updates.isEmpty() ? "" : " The latest update (" + updates.getFirst().state().label() + ", by "
        + updates.getFirst().postedBy() + "): " + abbreviate(updates.getFirst().message());
    return ProblemException.conflict("incident-changed", now.reference() + " changed since you loaded it (now "
        + now.state().label().toLowerCase(java.util.Locale.ROOT) + ")." + last + " Reload and post again.");
  }

  private List<UUID> existing(List<UUID> ids) {
    if (ids == null || ids.isEmpty()) {
      throw ProblemException.invalid("missing-components", "Name the components the incident affects.");
    }
    List<UUID> found = new ArrayList<>();
    for (UUID id : new LinkedHashSet<>(ids)) {
      found.add(components.require(id).id());
    }
    return found;
  }

  private static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-" + field, "An incident needs a " + field + ".");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw ProblemException.invalid(field + "-too-long", "The " + field + " has at most " + max + " characters.");
    }
    return v;
  }

  static String abbreviate(String s) {
    return s.length() <= 140 ? s : s.substring(0, 139) + "…";
  }
}
