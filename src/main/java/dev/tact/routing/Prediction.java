package dev.tact.routing;

import java.util.List;

/**
 * What a text is about, by an {@link IntentModel}.
 *
 * @param intent the most probable intent
 * @param confidence its probability in [0, 1] (the softmax of the model's scores). Routing compares it with a
 *     threshold: below it, the conversation goes to triage rather than to a team that may be wrong
 * @param top the most probable intents, most probable first ({@code top.get(0)} is {@code intent})
 */
public record Prediction(String intent, double confidence, List<Scored> top) {

  /** Copies {@code top}. */
  public Prediction {
    top = List.copyOf(top);
  }
}
