package dev.tact.effort;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation's effort as the conversation page and the API show it: the score, its parts and the sentence. */
public record ConversationEffort(UUID conversationId, int score, String explanation, List<EffortScore.Part> parts,
    String intent, boolean repeatContact, Instant measuredAt) {

  static ConversationEffort of(UUID conversationId, EffortScore score, String intent, Instant measuredAt) {
    return new ConversationEffort(conversationId, score.score(), score.explanation(), score.parts(), intent,
        score.repeatContact(), measuredAt);
  }
}
