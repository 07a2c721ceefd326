package dev.tact.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One recorded change of a conversation as people read it ("Lena assigned this to Priya"), with the version it made.
 */
public record ConversationChange(long version, Instant at, UUID actorId, String actorName, String kind,
    String summary) {

  static ConversationChange of(long version, HistoryEntry entry) {
    return new ConversationChange(version, entry.occurredAt(), entry.actor().id(), entry.actor().name(),
        entry.kind(), summary(entry));
  }

  /** The summary and how long ago it happened: "Lena assigned this to Priya 2 min ago". */
  public String told(Instant now) {
    return summary + " " + ago(at, now);
  }

  static String ago(Instant at, Instant now) {
    long seconds = Math.max(0, Duration.between(at, now).toSeconds());
    if (seconds < 10) {
      return "just now";
    }
    if (seconds < 60) {
      return seconds + " s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }

  private static String summary(HistoryEntry entry) {
    String who = entry.actor().name() == null ? "Someone" : entry.actor().name();
    String detail = entry.detail() == null ? "" : entry.detail();
    return who + " " + switch (entry.kind()) {
      case "ASSIGNED" -> detail.startsWith("unassigned") ? "unassigned this" + detail.substring(10)
          : "assigned this " + detail;
      case "TEAM_CHANGED" -> "moved this " + detail.replaceFirst("^to ", "to team ");
      case "STATUS_CHANGED" -> "changed the status: " + detail;
      case "PRIORITY_CHANGED" -> "changed the priority: " + detail;
      case "TAGGED" -> "tagged this " + detail;
      case "UNTAGGED" -> "removed the tag " + detail;
      case "MESSAGE_RECEIVED" -> "wrote a new message";
      case "REPLIED" -> "replied";
      case "NOTE_ADDED" -> "added a note";
      case "ESCALATED" -> "escalated this: " + detail;
      default -> entry.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + (detail.isEmpty() ? "" : ": " + detail);
    };
  }
}
