package dev.tact.chat;

import java.time.Instant;
import java.util.UUID;

/** A chat as stored: who the visitor said they are, where it stands, its conversation once filed. */
public record ChatSession(UUID id, State state, String endReason, String visitorName, String visitorEmail,
    String origin, UUID conversationId, UUID agentId, String agentName, Instant startedAt, Instant acceptedAt,
    Instant endedAt, long lastSeq, boolean transcriptQueued, Instant visitorSeenAt, Instant agentSeenAt) {

  public enum State {
    WAITING,
    ACTIVE,
    ENDED
  }

  /** How the visitor is called on the agents' pages. */
  public String visitorLabel() {
    if (visitorName != null && !visitorName.isBlank()) {
      return visitorEmail == null ? visitorName : visitorName + " <" + visitorEmail + ">";
    }
    return visitorEmail != null ? visitorEmail : "Visitor";
  }
}
