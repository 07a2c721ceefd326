package dev.tact.incident;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationsMerged;
import dev.tact.conversation.FilingChanged;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each link's copy of what its conversation is filed under (team, assignee, channel, intent tags): read when
 * it is linked, then kept from {@link FilingChanged} in the transaction of the change, so the incidents panel
 * filters its own rows. A merged conversation's links stay its own (reporters, acknowledgements and notices are
 * unchanged) but follow the filing of the conversation it was merged into.
 */
@Component
class LinkFilings {

  private final IncidentStore store;
  private final ConversationManagement conversations;

  LinkFilings(IncidentStore store, ConversationManagement conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  /** The conversation's filing now, for a new link. */
  LinkFiling current(UUID conversationId) {
    return conversations.findByReference(conversationId.toString())
        .map(c -> LinkFiling.of(c.teamId(), c.assigneeId(), c.channel(), c.tags())).orElse(LinkFiling.NONE);
  }

  @EventListener
  void on(FilingChanged changed) {
    store.refile(changed.conversationId(), LinkFiling.of(changed.teamId(), changed.assigneeId(), changed.channel(),
        changed.tags()));
  }

  /** Published before the target's {@link FilingChanged}, which then files the links that follow it now. */
  @EventListener
  void on(ConversationsMerged merged) {
    store.fileAs(merged.sourceId(), merged.targetId());
  }
}
