package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Applies one change to many conversations, each through {@link ConversationManagement}'s own method in its own
 * transaction, so each is recorded in its history exactly as a single change is, and one refused change (a closed
 * conversation, an inactive agent) leaves the others done and is reported by number with the reason.
 */
@Service
public class BulkActions {

  /** More than this in one request is a 422: a page of the inbox holds 25. */
  public static final int MAX_SELECTED = 200;

  private final ConversationManagement conversations;

  BulkActions(ConversationManagement conversations) {
    this.conversations = conversations;
  }

  /**
   * Changes every conversation selected. A request that is wrong as a whole (nothing selected, too many, a merge
   * without a target or with the target alone) is a 422 before anything changes.
   */
  public BulkOutcome apply(List<String> references, BulkChange change, Actor actor) {
    List<String> selected = references == null ? List.of()
        : List.copyOf(new LinkedHashSet<>(references.stream().filter(r -> r != null && !r.isBlank()).toList()));
    if (selected.isEmpty()) {
      throw ProblemException.invalid("nothing-selected", "Select at least one conversation.");
    }
    if (selected.size() > MAX_SELECTED) {
      throw ProblemException.invalid("too-many-selected", "Select at most " + MAX_SELECTED + " conversations.");
    }
    if (change == null) {
      throw ProblemException.invalid("unknown-action", "Say what to do: assign, status, add-tags, remove-tags "
          + "or merge.");
    }
    UUID target = null;
    if (change instanceof BulkChange.MergeInto merge) {
      if (merge.targetId() == null) {
        throw ProblemException.invalid("missing-target", "Choose the conversation to merge into.");
      }
      target = merge.targetId();
      UUID targetId = target;
      selected = selected.stream().filter(r -> conversations.findByReference(r)
          .map(c -> !c.id().equals(targetId)).orElse(true)).toList();
      if (selected.isEmpty()) {
        throw ProblemException.invalid("nothing-to-merge", "Select at least one conversation besides the target.");
      }
    }
    List<Long> changed = new ArrayList<>();
    List<BulkOutcome.Failure> failed = new ArrayList<>();
    for (String reference : selected) {
      var found = conversations.findByReference(reference);
      if (found.isEmpty()) {
        failed.add(new BulkOutcome.Failure(0, reference, "conversation-not-found", "not found"));
        continue;
      }
      ConversationSummary c = found.get();
      try {
        applyOne(c.id(), change, actor);
        changed.add(c.number());
      } catch (ProblemException e) {
        failed.add(new BulkOutcome.Failure(c.number(), reference, e.code(), e.getMessage()));
      }
    }
    return new BulkOutcome(changed, failed);
  }

  private void applyOne(UUID id, BulkChange change, Actor actor) {
    switch (change) {
      case BulkChange.Assign assign -> conversations.assign(id, actor, assign.assigneeId(), assign.teamId());
      case BulkChange.SetStatus status -> conversations.changeStatus(id, actor, status.status());
      case BulkChange.AddTags tags -> conversations.addTags(id, actor, tags.tags());
      case BulkChange.RemoveTags tags -> tags.tags().forEach(tag -> conversations.removeTag(id, actor, tag));
      case BulkChange.MergeInto merge -> conversations.merge(id, merge.targetId(), actor);
    }
  }
}
