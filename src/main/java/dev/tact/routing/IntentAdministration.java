package dev.tact.routing;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' changes to the intent list, each in one transaction with the retraining it needs: a bad request
 * (unknown team, taken name, too few phrases) changes nothing, and the model in use always knows exactly the
 * intents in the list.
 */
@Service
public class IntentAdministration {

  private final IntentCatalogue catalogue;
  private final IntentModels models;
  private final AuditLog audit;

  IntentAdministration(IntentCatalogue catalogue, IntentModels models, AuditLog audit) {
    this.catalogue = catalogue;
    this.models = models;
    this.audit = audit;
  }

  /** Adds an intent with its example phrases (one per line) and, when given, its teams; retrains. */
  @Transactional
  public List<IntentCatalogue.Intent> add(String name, String phrases, List<UUID> teamIds, String by) {
    catalogue.add(name, phrases);
    String intent = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (teamIds != null) {
      catalogue.setTeams(intent, teamIds);
    }
    TrainedModel model = models.train(by);
    List<IntentCatalogue.Intent> intents = catalogue.list();
    Optional<IntentCatalogue.Intent> added = find(intents, intent);
    audit.record(AuditRecord.of("routing.intent.created", "intent", intent, "Added intent " + intent + " with "
        + dev.tact.shared.Wording.count(added.map(IntentCatalogue.Intent::phrases).orElse(0), "example phrase", "example phrases")
        + "; retrained on " + dev.tact.shared.Wording.count(model.examples(), "example", "examples")).change(null, added.orElse(null)));
    return intents;
  }

  /** Sets an intent's teams (when given), then renames it (when asked; retrains then). */
  @Transactional
  public List<IntentCatalogue.Intent> change(String name, String renameTo, List<UUID> teamIds, String by) {
    String intent = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    Optional<IntentCatalogue.Intent> before = find(catalogue.list(), intent);
    if (teamIds != null) {
      catalogue.setTeams(name, teamIds);
    }
    String now = intent;
    if (renameTo != null && !renameTo.isBlank()) {
      catalogue.rename(name, renameTo);
      models.train(by);
      now = renameTo.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
    List<IntentCatalogue.Intent> intents = catalogue.list();
    audit.record(AuditRecord.of("routing.intent.changed", "intent", intent, "Changed intent " + intent
        + (now.equals(intent) ? "" : ", renamed to " + now) + (teamIds == null ? "" : ", teams set"))
        .change(before.orElse(null), find(intents, now).orElse(null)));
    return intents;
  }

  /** Removes an intent and retrains without it. */
  @Transactional
  public List<IntentCatalogue.Intent> remove(String name, String by) {
    String intent = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    Optional<IntentCatalogue.Intent> before = find(catalogue.list(), intent);
    catalogue.remove(name);
    models.train(by);
    audit.record(AuditRecord.of("routing.intent.removed", "intent", intent, "Removed intent " + intent + "; retrained")
        .change(before.orElse(null), null));
    return catalogue.list();
  }

  private static Optional<IntentCatalogue.Intent> find(List<IntentCatalogue.Intent> intents, String name) {
    return intents.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
