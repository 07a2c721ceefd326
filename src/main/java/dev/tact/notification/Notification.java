package dev.tact.notification;

import java.time.Instant;
import java.util.UUID;

/** One notification in an agent's list; {@code readAt} null while unread. */
public record Notification(UUID id, NotificationKind kind, UUID conversationId, Long conversationNumber, String text,
    Instant createdAt, Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
