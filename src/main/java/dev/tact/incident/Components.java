package dev.tact.incident;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The components customers use, kept by admins; every change is audited and shows on the status page. */
@Service
public class Components {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_KEYWORDS = 2000;

  /** A component as an admin types it; {@code keywords} comma-separated. */
  public record ComponentInput(String name, String group, String description, String keywords, Integer position) {}

  private final IncidentStore store;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Components(IncidentStore store, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public List<Component> all() {
    return store.components();
  }

  public Component require(UUID id) {
    return store.findComponent(id).orElseThrow(() -> ProblemException.notFound("component", id));
  }

  @Transactional
  public Component add(ComponentInput input) {
    Component component = valid(Ids.newId(), input);
    store.insertComponent(component, clock.instant());
    audit.record(AuditRecord.of("incident.component.created", "component", component.id(),
        "Added component " + component.name()).change(null, component));
    changed();
    return component;
  }

  @Transactional
  public Component change(UUID id, ComponentInput input) {
    Component before = require(id);
    Component after = valid(id, input);
    store.updateComponent(after);
    audit.record(AuditRecord.of("incident.component.updated", "component", id, "Changed component " + after.name())
        .change(before, after));
    changed();
    return after;
  }

  @Transactional
  public void remove(UUID id) {
    Component before = require(id);
    if (store.componentInUse(id)) {
      throw ProblemException.conflict("component-in-use", "Component " + before.name()
          + " is named by incidents: its history stays on the status page, so it cannot be removed.");
    }
    store.deleteComponent(id);
    audit.record(AuditRecord.of("incident.component.deleted", "component", id, "Removed component " + before.name())
        .change(before, null));
    changed();
  }

  private void changed() {
    store.bumpRevision();
    events.publishEvent(new StatusPageChanged());
  }

  private Component valid(UUID id, ComponentInput input) {
    if (input == null || input.name() == null || input.name().isBlank()) {
      throw ProblemException.invalid("missing-component-name", "A component needs a name.");
    }
    String name = input.name().strip();
    if (name.length() > MAX_NAME) {
      throw ProblemException.invalid("component-name-too-long", "A component's name has at most " + MAX_NAME
          + " characters.");
    }
    if (store.nameTaken(name, id)) {
      throw ProblemException.conflict("component-name-taken", "There is already a component named " + name + ".");
    }
    String description = blankToNull(input.description());
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw ProblemException.invalid("component-description-too-long", "A description has at most "
          + MAX_DESCRIPTION + " characters.");
    }
    String keywords = input.keywords() == null ? "" : input.keywords();
    if (keywords.length() > MAX_KEYWORDS) {
      throw ProblemException.invalid("component-keywords-too-long", "Keywords have at most " + MAX_KEYWORDS
          + " characters.");
    }
    return new Component(id, name, blankToNull(input.group()), description, keywords(keywords),
        input.position() == null ? 0 : input.position());
  }

  static List<String> keywords(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
