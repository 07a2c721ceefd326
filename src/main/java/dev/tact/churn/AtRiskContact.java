package dev.tact.churn;

import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact who went quiet after a poor experience: their rhythm, since when they are overdue, and the poor
 * experiences of their latest episode (newest first). {@code usualInterval} and {@code overdueSince} are null for a
 * contact shown without enough history.
 */
public record AtRiskContact(UUID contactId, String name, Instant lastActivityAt, Duration usualInterval,
    Instant overdueSince, int episodes, int purchases, long valueCents, Channel lastChannel, UUID lastTeamId,
    UUID lastConversationId, List<Experience> experiences) {

  /** One poor experience; {@code conversationId} null for an incident. */
  public record Experience(PoorExperience kind, String detail, Instant at, UUID conversationId) {

    public String label() {
      return kind.label();
    }
  }

  public AtRiskContact {
    experiences = List.copyOf(experiences);
  }

  /** The reason the list leads with: the newest poor experience; null when the latest episode was not poor. */
  public Experience reason() {
    return experiences.isEmpty() ? null : experiences.getFirst();
  }

  /** The usual interval in whole days (at least 1); 0 while there is not enough history. */
  public long usualDays() {
    return usualInterval == null ? 0 : Math.max(1, Math.round(usualInterval.toHours() / 24.0));
  }
}
