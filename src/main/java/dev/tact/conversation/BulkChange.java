package dev.tact.conversation;

import java.util.Set;
import java.util.UUID;

/** One change made to every conversation selected in the inbox, through the same methods as a single change. */
public sealed interface BulkChange {

  /** Assign to an agent (null: unassign) and, when given, a team. */
  record Assign(UUID assigneeId, UUID teamId) implements BulkChange {}

  record SetStatus(Status status) implements BulkChange {}

  record AddTags(Set<String> tags) implements BulkChange {}

  record RemoveTags(Set<String> tags) implements BulkChange {}

  /** Merge every selected conversation but the target into the target. */
  record MergeInto(UUID targetId) implements BulkChange {}
}
