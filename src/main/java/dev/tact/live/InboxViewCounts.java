package dev.tact.live;

import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Status;
import dev.tact.shared.PageRequest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mine and Unassigned: conversations still to be handled (not solved or closed), the agent's own and nobody's. */
@Component
class InboxViewCounts implements InboxCounter {

  private static final Set<Status> TO_HANDLE = EnumSet.of(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD);

  private final ConversationManagement conversations;

  InboxViewCounts(ConversationManagement conversations) {
    this.conversations = conversations;
  }

  @Override
  public Map<String, Long> counts(UUID agentId) {
    return Map.of("mine", count(new ConversationFilter(TO_HANDLE, null, agentId, false, null, null)),
        "unassigned", count(new ConversationFilter(TO_HANDLE, null, null, true, null, null)));
  }

  private long count(ConversationFilter filter) {
    return conversations.list(filter, new PageRequest(0, 1)).total();
  }
}
