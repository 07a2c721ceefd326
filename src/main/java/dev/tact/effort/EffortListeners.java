package dev.tact.effort;

import dev.tact.conversation.ConversationEscalated;
import dev.tact.conversation.ConversationOpened;
import dev.tact.conversation.ConversationPlaced;
import dev.tact.conversation.ConversationsMerged;
import dev.tact.conversation.Direction;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.routing.IntentDecided;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hears what changes a conversation's effort, after the change committed (the measure never holds up a reply or a
 * message). Each event becomes one step keyed by what it is about, so that a redelivered event is heard once. The
 * listeners take no transaction: {@link EffortMeasurements} commits the step before it measures, in two.
 */
@Component
class EffortListeners {

  private final EffortMeasurements measurements;

  EffortListeners(EffortMeasurements measurements) {
    this.measurements = measurements;
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(ConversationOpened opened) {
    measurements.heard(opened.conversationId(), new EffortStep("opened", EffortStep.Kind.OPENED, opened.openedAt(),
        opened.channel(), opened.contactId(), null, null));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(MessageAdded added) {
    if (added.direction() == Direction.INBOUND && !added.automatic()) {
      measurements.heard(added.conversationId(), new EffortStep("message:" + added.messageId(),
          EffortStep.Kind.CUSTOMER, added.at(), added.channel(), added.contactId(), null, null));
    } else if (added.direction() == Direction.OUTBOUND && !added.undelivered()) {
      measurements.heard(added.conversationId(), new EffortStep("message:" + added.messageId(),
          EffortStep.Kind.REPLY, added.at(), added.channel(), null, null, null));
    }
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(ConversationPlaced placed) {
    if (placed.teamId() != null) {
      measurements.heard(placed.conversationId(), new EffortStep(key("team", placed.at()), EffortStep.Kind.TEAM,
          placed.at(), null, null, placed.teamId(), null));
    }
    if (placed.assigneeId() != null) {
      measurements.heard(placed.conversationId(), new EffortStep(key("agent", placed.at()), EffortStep.Kind.AGENT,
          placed.at(), null, null, placed.assigneeId(), null));
    }
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(ConversationEscalated escalated) {
    measurements.heard(escalated.conversationId(), new EffortStep(key("tier:" + escalated.tier().name(),
        escalated.at()), EffortStep.Kind.TIER, escalated.at(), null, null, null, escalated.tier().name()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(StatusChanged changed) {
    if (finished(changed.from()) && !finished(changed.to())) {
      measurements.heard(changed.conversationId(), new EffortStep(key("reopen", changed.at()),
          EffortStep.Kind.REOPEN, changed.at(), null, null, null, null));
    }
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(IntentDecided decided) {
    measurements.heard(decided.conversationId(), new EffortStep(key("intent", decided.at()),
        EffortStep.Kind.INTENT, decided.at(), null, null, null, decided.intent()));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(ConversationsMerged merged) {
    measurements.merged(merged.sourceId(), merged.targetId());
  }

  private static boolean finished(Status status) {
    return status == Status.SOLVED || status == Status.CLOSED;
  }

  private static String key(String what, Instant at) {
    return what + ":" + at;
  }
}
