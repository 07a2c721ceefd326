package dev.tact.effort;

import dev.tact.conversation.ConversationEscalated;
import dev.tact.conversation.ConversationOpened;
import dev.tact.conversation.ConversationPlaced;
import dev.tact.conversation.ConversationsMerged;
import dev.tact.conversation.Direction;
import dev.tact.conversation.FiledMessage;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.MessagesFiled;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.routing.IntentDecided;
import dev.tact.routing.IntentsDecided;
import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED, condition = "!@filedTogether.takes(#opened)")
  void on(ConversationOpened opened) {
    measurements.heard(opened.conversationId(), opening(opened));
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED, condition = "!@filedTogether.takes(#added)")
  void on(MessageAdded added) {
    if (added.direction() == Direction.INBOUND && !added.automatic()) {
      measurements.heard(added.conversationId(), customer(added.messageId(), added.at(), added.channel(),
          added.contactId()));
    } else if (added.direction() == Direction.OUTBOUND && !added.undelivered()) {
      measurements.heard(added.conversationId(), new EffortStep("message:" + added.messageId(),
          EffortStep.Kind.REPLY, added.at(), added.channel(), null, null, null));
    }
  }

  /** The steps the single events give, for messages filed together: each of their conversations measured once. */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(MessagesFiled filed) {
    List<EffortMeasurements.Heard> heard = new ArrayList<>();
    for (FiledMessage message : filed.messages()) {
      if (message.opened()) {
        heard.add(new EffortMeasurements.Heard(message.conversationId(), opening(message.opening())));
      }
      if (!message.automatic()) {
        heard.add(new EffortMeasurements.Heard(message.conversationId(), customer(message.messageId(), message.at(),
            message.channel(), message.contactId())));
      }
    }
    measurements.heardAll(heard);
  }

  private static EffortStep opening(ConversationOpened opened) {
    return new EffortStep("opened", EffortStep.Kind.OPENED, opened.openedAt(), opened.channel(), opened.contactId(),
        null, null);
  }

  private static EffortStep customer(UUID messageId, Instant at, Channel channel, UUID contactId) {
    return new EffortStep("message:" + messageId, EffortStep.Kind.CUSTOMER, at, channel, contactId, null, null);
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

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED,
      condition = "!@frontDoor.routedTogether(#decided)")
  void on(IntentDecided decided) {
    measurements.heard(decided.conversationId(), intent(decided));
  }

  /** Decisions of conversations routed together: each conversation measured once, all in one transaction. */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(IntentsDecided decided) {
    measurements.heardAll(decided.decisions().stream()
        .map(d -> new EffortMeasurements.Heard(d.conversationId(), intent(d))).toList());
  }

  private static EffortStep intent(IntentDecided decided) {
    return new EffortStep(key("intent", decided.at()), EffortStep.Kind.INTENT, decided.at(), null, null, null,
        decided.intent());
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
