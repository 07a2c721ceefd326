package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A change asked for from an out-of-date page (or with an If-Match naming an older version): nothing was changed,
 * and the answer says what changed since, newest last. The Problem Details carry {@code version} (the current one)
 * and {@code changes}.
 */
public class ConversationChangedSince extends ProblemException {

  private final long version;
  private final List<ConversationChange> changes;

  ConversationChangedSince(int status, long number, long version, List<ConversationChange> changes, Instant now) {
    super(status, "conversation-changed", "Changed meanwhile", "Conversation #" + number
        + " changed since you opened it: " + changes.stream().map(c -> c.told(now)).collect(Collectors.joining("; "))
        + ". Nothing was changed: look again, then apply it anyway if it still makes sense.");
    this.version = version;
    this.changes = List.copyOf(changes);
    property("version", version);
    property("changes", changes.stream().map(c -> java.util.Map.of("version", c.version(), "at", c.at().toString(),
        "actor", c.actorName() == null ? "" : c.actorName(), "kind", c.kind(), "summary", c.summary(),
        "told", c.told(now))).toList());
  }

  public long version() {
    return version;
  }

  public List<ConversationChange> changes() {
    return changes;
  }
}
