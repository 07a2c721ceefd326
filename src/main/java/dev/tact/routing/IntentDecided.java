package dev.tact.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * The front door decided what a new conversation is about (service targets may depend on the intent).
 *
 * @param triage whether the intent is only the model's unsure guess (the conversation waits in triage for an
 *     agent to say). A conversation whose intent is sure but taken by no team waits in triage too, with
 *     {@code triage} false: its intent is decided
 */
public record IntentDecided(UUID conversationId, String intent, double confidence, boolean triage, Instant at) {

  /** The intent is decided: named, and not only the model's unsure guess. */
  public boolean settled() {
    return intent != null && !triage;
  }

  /** The intent is decided and is {@code wanted}. */
  public boolean settledAs(String wanted) {
    return settled() && intent.equals(wanted);
  }
}
