package dev.tact.churn;

import dev.tact.contact.ContactsMerged;
import dev.tact.conversation.ConversationPlaced;
import dev.tact.conversation.FiledMessage;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.MessagesFiled;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.effort.EffortMeasured;
import dev.tact.effort.EffortsMeasured;
import dev.tact.incident.Incident;
import dev.tact.incident.IncidentUpdated;
import dev.tact.incident.Incidents;
import dev.tact.routing.IntentDecided;
import dev.tact.routing.IntentsDecided;
import dev.tact.sla.SlaBreached;
import dev.tact.survey.SurveyAnswered;
import dev.tact.timer.SavepointBatch;
import java.util.Comparator;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;

/** The events silent churn learns from, each turned into one {@link ChurnLedger} change after its commit. */
@Component
class ChurnSignals {

  private static final Set<Status> SETTLED = Set.of(Status.SOLVED, Status.CLOSED);

  private final ChurnLedger ledger;
  private final ChurnProperties settings;
  private final Incidents incidents;
  private final PlatformTransactionManager transactionManager;

  ChurnSignals(ChurnLedger ledger, ChurnProperties settings, Incidents incidents,
      PlatformTransactionManager transactionManager) {
    this.transactionManager = transactionManager;
    this.ledger = ledger;
    this.settings = settings;
    this.incidents = incidents;
  }

  @ApplicationModuleListener(condition = "#message.fromCustomer() and !@filedTogether.takes(#message)")
  void on(MessageAdded message) {
    if (message.fromCustomer()) {
      ledger.inbound(message.contactId(), message.conversationId(), message.channel(), message.at());
    }
  }

  /**
   * Customers' messages filed together: one transaction, each in a savepoint, by contact (the order their rows are
   * locked in) and time; one that fails is heard again when the publication is run again (a message heard twice
   * changes nothing: a contact's latest conversation is not a new episode).
   */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(MessagesFiled filed) {
    SavepointBatch.workAll(transactionManager, filed.messages().stream().filter(FiledMessage::fromCustomer)
            .sorted(Comparator.comparing(FiledMessage::contactId).thenComparing(FiledMessage::at)).toList(),
        m -> ledger.inbound(m.contactId(), m.conversationId(), m.channel(), m.at()));
  }

  @ApplicationModuleListener
  void on(StatusChanged change) {
    ledger.conversationOpen(change.conversationId(), !SETTLED.contains(change.to()));
    if (change.to() == Status.CLOSED && change.from() != Status.SOLVED) {
      ledger.poor(change.conversationId(), PoorExperience.CLOSED_UNSOLVED,
          "Closed from " + change.from().label().toLowerCase(java.util.Locale.ROOT) + " without being solved",
          change.at());
    } else if (SETTLED.contains(change.from()) && !SETTLED.contains(change.to())) {
      ledger.poor(change.conversationId(), PoorExperience.REOPENED, "Reopened after it was "
          + change.from().label().toLowerCase(java.util.Locale.ROOT), change.at());
    }
  }

  @ApplicationModuleListener
  void on(ContactsMerged merge) {
    ledger.merged(merge.survivorId(), merge.mergedId());
  }

  @ApplicationModuleListener
  void on(SlaBreached breach) {
    ledger.poor(breach.conversationId(), PoorExperience.SLA_BREACHED,
        "Missed the " + breach.metric().label() + " target due " + breach.dueAt(), breach.at());
  }

  @ApplicationModuleListener
  void on(SurveyAnswered answer) {
    if (answer.poor()) {
      String comment = answer.comment() == null || answer.comment().isBlank() ? "" : ": “" + answer.comment() + "”";
      ledger.poor(answer.conversationId(), PoorExperience.POOR_SURVEY,
          "Answered " + answer.score() + " of " + answer.scale() + comment, answer.answeredAt());
    } else if (answer.changed()) {
      ledger.notPoor(answer.conversationId(), PoorExperience.POOR_SURVEY, answer.answeredAt());
    }
  }

  @ApplicationModuleListener
  void on(EffortMeasured effort) {
    measured(effort);
  }

  /** Measures taken together: one transaction, each in a savepoint, by contact (as messages filed together). */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(EffortsMeasured efforts) {
    SavepointBatch.workAll(transactionManager, efforts.measures().stream().sorted(Comparator.comparing(
        EffortMeasured::contactId, Comparator.nullsFirst(Comparator.naturalOrder()))).toList(), this::measured);
  }

  private void measured(EffortMeasured effort) {
    if (effort.handoffs() >= settings.manyHandoffs()) {
      ledger.poor(effort.conversationId(), PoorExperience.MANY_HANDOFFS,
          effort.handoffs() + " hand-offs (effort " + effort.score() + " of 100)", effort.at());
    } else {
      ledger.notPoor(effort.conversationId(), PoorExperience.MANY_HANDOFFS, effort.at());
    }
    if (effort.reopens() > 0) {
      ledger.poor(effort.conversationId(), PoorExperience.REOPENED,
          "Reopened " + effort.reopens() + (effort.reopens() == 1 ? " time" : " times"), effort.at());
    }
  }

  @ApplicationModuleListener
  void on(ConversationPlaced placed) {
    ledger.placed(placed.conversationId(), placed.teamId(), placed.assigneeId());
  }

  @ApplicationModuleListener(condition = "#decided.settled() and !@frontDoor.routedTogether(#decided)")
  void on(IntentDecided decided) {
    if (decided.settled()) {
      ledger.intent(decided.conversationId(), decided.intent());
    }
  }

  /** Decisions of conversations routed together: one transaction, each in a savepoint. */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(IntentsDecided decided) {
    SavepointBatch.workAll(transactionManager, decided.decisions().stream().filter(IntentDecided::settled).toList(),
        d -> ledger.intent(d.conversationId(), d.intent()));
  }

  @ApplicationModuleListener
  void on(IncidentUpdated update) {
    Incident incident = incidents.require(update.incidentId());
    String description = incident.reference() + " " + incident.title();
    for (var contactId : incidents.affectedContacts(incident.id())) {
      ledger.incident(contactId, description, incident.startedAt(), incident.resolvedAt());
    }
  }
}
