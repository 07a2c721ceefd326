package dev.tact.survey;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One survey decision about a solved conversation: sent on {@code channel} (email for conversations on other
 * channels than text and chat), or not sent with the {@code reason}; and the customer's answer once given (score on
 * 1..scale, poor or not, comment). Team, assignee, channel and intent are the conversation's when it was decided.
 */
public record Survey(UUID id, UUID conversationId, UUID contactId, Channel channel, Channel conversationChannel,
    UUID teamId, UUID agentId,
    String intent, Instant decidedAt, boolean sent, String reason, UUID decisionId, int scale, Instant openUntil,
    Integer score, Boolean poor, String comment, Instant answeredAt, Instant changedAt) {

  public boolean answered() {
    return score != null;
  }

  /** Whether the answer may still be given or changed at {@code now}. */
  public boolean openAt(Instant now) {
    return sent && openUntil != null && now.isBefore(openUntil);
  }

  public String scoreLabel() {
    return score == null ? null : SurveyScale.label(score, scale);
  }
}
