package dev.tact.notification;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationPlaced;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.MessagesFiled;
import dev.tact.notification.Notifications.Notice;
import dev.tact.sla.SlaBreached;
import dev.tact.sla.SlaMetric;
import dev.tact.sla.SlaWarned;
import dev.tact.staff.StaffDirectory;
import dev.tact.survey.SurveyAnswered;
import dev.tact.timer.SavepointBatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns other modules' events into notifications, after their transaction committed (each in a transaction of its
 * own, retried from the event publication log when a node stopped in between; the cause makes a retry harmless).
 */
@Component
class NotificationListeners {

  private static final int SNIPPET = 140;

  private final Notifications notifications;
  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final PlatformTransactionManager transactionManager;

  NotificationListeners(Notifications notifications, ConversationManagement conversations, StaffDirectory staff,
      PlatformTransactionManager transactionManager) {
    this.transactionManager = transactionManager;
    this.notifications = notifications;
    this.conversations = conversations;
    this.staff = staff;
  }

  /** Assigned to you, by someone else (an agent choosing themselves needs no telling). */
  @ApplicationModuleListener(condition = "#placed.assignedByAnother()")
  void on(ConversationPlaced placed) {
    if (!placed.assignedByAnother()) {
      return;
    }
    summary(placed.conversationId()).ifPresent(c -> {
      String by = placed.actor().kind() == Actor.Kind.SYSTEM ? "by routing" : "by " + placed.actor().name();
      notifications.notify(new Notice(placed.assigneeId(), NotificationKind.ASSIGNED,
          "assigned:" + c.id() + ":" + placed.at().toEpochMilli(), c.id(), c.number(),
          title(c) + " — assigned to you",
          title(c) + " was assigned to you " + by + "."));
    });
  }

  @ApplicationModuleListener(condition = "!@filedTogether.takes(#added)")
  void on(MessageAdded added) {
    if (added.direction() == Direction.INBOUND) {
      if (!added.automatic()) {
        customerAnswered(added.conversationId(), added.messageId(), added.at(), () -> added.text());
      }
    } else if (added.direction() == Direction.NOTE) {
      mentioned(added);
    }
  }

  /**
   * Customers' messages filed together, in one transaction, each in a savepoint: a message that opened its
   * conversation is new work, not an answer (the assignee comes later, from routing).
   */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(MessagesFiled filed) {
    SavepointBatch.workAll(transactionManager, filed.messages().stream()
            .filter(m -> !m.automatic() && !m.opened()).toList(),
        m -> customerAnswered(m.conversationId(), m.messageId(), m.at(),
            () -> conversations.findMessage(m.messageId()).map(Message::body).orElse("")));
  }

  /** The customer wrote again on a conversation assigned to an agent (not its first message: that is new work). */
  private void customerAnswered(UUID conversationId, UUID messageId, Instant at, Supplier<String> text) {
    // the summary, not the details: this runs for every message the customers write, the details read them all
    ConversationSummary c = summary(conversationId).orElse(null);
    if (c == null || c.assigneeId() == null || sameMillisecond(at, c.createdAt())) {
      return; // nobody's, or the message that opened it (the conversation starts when its first message arrived)
    }
    notifications.notify(new Notice(c.assigneeId(), NotificationKind.CUSTOMER_REPLIED, "message:" + messageId,
        c.id(), c.number(), title(c) + " — the customer answered",
        "The customer answered on " + title(c) + ": “" + snippet(text.get()) + "”"));
  }

  /** Everyone an internal note mentions, except its author. */
  private void mentioned(MessageAdded added) {
    Message note = conversations.findMessage(added.messageId()).orElse(null);
    if (note == null) {
      return;
    }
    String text = added.textComplete() ? added.text() : note.body();
    var mentioned = Mentions.in(text, staff.agents());
    if (mentioned.isEmpty()) {
      return;
    }
    ConversationSummary c = summary(added.conversationId()).orElse(null);
    if (c == null) {
      return;
    }
    String by = note.authorName() == null ? "Someone" : note.authorName();
    for (UUID agentId : mentioned) {
      if (agentId.equals(note.authorAgentId())) {
        continue;
      }
      notifications.notify(new Notice(agentId, NotificationKind.MENTIONED, "mention:" + added.messageId(), c.id(),
          c.number(), by + " mentioned you on " + title(c),
          by + " mentioned you in a note on " + title(c) + ": “" + snippet(text) + "”"));
    }
  }

  /**
   * A poor survey answer: the leads of the conversation's team hear of it with the comment (the assignee when the
   * team has no lead or there is no team). A changed answer that is still poor tells them again.
   */
  @ApplicationModuleListener
  void on(SurveyAnswered answered) {
    if (!answered.poor()) {
      return;
    }
    summary(answered.conversationId()).ifPresent(c -> {
      java.util.Set<UUID> told = new java.util.LinkedHashSet<>();
      if (c.teamId() != null) {
        staff.members(c.teamId(), dev.tact.staff.Tier.LEAD).forEach(lead -> told.add(lead.id()));
      }
      if (told.isEmpty() && c.assigneeId() != null) {
        told.add(c.assigneeId());
      }
      String comment = answered.comment() == null || answered.comment().isBlank() ? " (no comment)"
          : ": “" + snippet(answered.comment()) + "”";
      for (UUID agentId : told) {
        notifications.notify(new Notice(agentId, NotificationKind.POOR_SURVEY, "survey:" + answered.surveyId() + ":"
            + answered.answeredAt().toEpochMilli(), c.id(), c.number(), title(c) + " — a poor survey answer",
            "The customer answered the survey about " + title(c) + " poorly (" + answered.score() + " of "
                + answered.scale() + ")" + comment));
      }
    });
  }

  @ApplicationModuleListener
  void on(SlaWarned warned) {
    sla(warned.conversationId(), warned.metric(), warned.cycle(), "warning", "is due soon");
  }

  @ApplicationModuleListener
  void on(SlaBreached breached) {
    sla(breached.conversationId(), breached.metric(), breached.cycle(), "breach", "was missed");
  }

  /** The assignee hears of their conversation's SLA; the team's unassigned ones stay on the SLA queue's list. */
  private void sla(UUID conversationId, SlaMetric metric, int cycle, String what, String state) {
    summary(conversationId).filter(c -> c.assigneeId() != null).ifPresent(c -> notifications.notify(new Notice(
        c.assigneeId(), NotificationKind.SLA, "sla:" + c.id() + ":" + metric.name() + ":" + cycle + ":" + what,
        c.id(), c.number(), title(c) + " — " + metric.label() + " " + state,
        "The " + metric.label() + " target of " + title(c) + " " + state + ".")));
  }

  /** Compared to the millisecond: the database keeps fewer digits of a second than the clock gives. */
  private static boolean sameMillisecond(Instant a, Instant b) {
    return a != null && b != null && a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
  }

  private Optional<ConversationSummary> summary(UUID conversationId) {
    return conversations.findByReference(conversationId.toString());
  }

  private static String title(ConversationSummary c) {
    return "#" + c.number() + " " + Objects.requireNonNullElse(c.subject(), "(no subject)");
  }

  private static String snippet(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET - 1) + "…";
  }
}
