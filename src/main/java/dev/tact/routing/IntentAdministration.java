package dev.tact.routing;

import java.util.List;
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

  IntentAdministration(IntentCatalogue catalogue, IntentModels models) {
    this.catalogue = catalogue;
    this.models = models;
  }

  /** Adds an intent with its example phrases (one per line) and, when given, its teams; retrains. */
  @Transactional
  public List<IntentCatalogue.Intent> add(String name, String phrases, List<UUID> teamIds, String by) {
    catalogue.add(name, phrases);
    if (teamIds != null) {
      catalogue.setTeams(name.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_'), teamIds);
    }
    models.retrain(by);
    return catalogue.list();
  }

  /** Sets an intent's teams (when given), then renames it (when asked; retrains then). */
  @Transactional
  public List<IntentCatalogue.Intent> change(String name, String renameTo, List<UUID> teamIds, String by) {
    if (teamIds != null) {
      catalogue.setTeams(name, teamIds);
    }
    if (renameTo != null && !renameTo.isBlank()) {
      catalogue.rename(name, renameTo);
      models.retrain(by);
    }
    return catalogue.list();
  }

  /** Removes an intent and retrains without it. */
  @Transactional
  public List<IntentCatalogue.Intent> remove(String name, String by) {
    catalogue.remove(name);
    models.retrain(by);
    return catalogue.list();
  }
}
