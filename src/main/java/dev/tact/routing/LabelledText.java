package dev.tact.routing;

import java.util.Objects;

/**
 * A training example: a customer's text and the intent a person gave it (a corpus label, or the team an agent
 * re-routed the conversation to).
 *
 * @param text the text (may be empty; then it teaches only the intents' base rates)
 * @param intent the intent's name, not blank
 */
public record LabelledText(String text, String intent) {

  /** Checks the intent. */
  public LabelledText {
    text = Objects.requireNonNullElse(text, "");
    if (intent == null || intent.isBlank()) {
      throw new IllegalArgumentException("a labelled text needs an intent");
    }
  }
}
