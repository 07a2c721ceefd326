package dev.tact.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the front door read in a new conversation, and whether it sent it to triage.
 *
 * @param suggestions the model's most probable intents, best first (empty for conversations routed before they
 *     were kept)
 * @param language the language routing went by (ISO 639-1), null when neither the text nor the contact told
 * @param triageReason why it went to triage, in words ("no team takes outage", "the model was unsure: 41 %
 *     billing"); null when it did not, or for conversations routed before reasons were kept
 */
public record ConversationIntent(UUID conversationId, String intent, double confidence, boolean triage,
    Instant decidedAt, List<Scored> suggestions, String language, String triageReason) {

  public ConversationIntent {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }
}
