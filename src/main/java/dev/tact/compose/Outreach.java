package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.delivery.ReplyDelivery;
import dev.tact.delivery.ReplyRoute;
import dev.tact.delivery.ReplyVia;
import dev.tact.policy.AuditedDecision;
import dev.tact.shared.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A conversation an agent starts with a contact (issue 16, item 7): by email or text to one of the contact's
 * identities, asked of the contact policy first. A refusal (policy, or no way out on that channel) answers 409 and
 * creates nothing; otherwise the conversation, its first (outbound) message and the message's outbox row commit
 * together.
 */
@Service
public class Outreach {

  private final ConversationManagement conversations;
  private final ReplyDelivery delivery;
  private final Replies replies;

  Outreach(ConversationManagement conversations, ReplyDelivery delivery, Replies replies) {
    this.conversations = conversations;
    this.delivery = delivery;
    this.replies = replies;
  }

  /** A conversation started, and where its first message went. */
  public record Started(ConversationDetails conversation, Message message, ReplyRoute route) {}

  /** Where a first message along {@code via} would go, and the contact policy's answer now; nothing is written. */
  @Transactional
  public Replies.Checked check(UUID contactId, ReplyVia via, Actor author) {
    ReplyRoute route = delivery.routeNew(contactId, via);
    return new Replies.Checked(route, route.deliverable() ? replies.ask(route, author) : null);
  }

  @Transactional
  public Started start(UUID contactId, ReplyVia via, String subject, String text, Actor author) {
    ReplyRoute route = delivery.routeNew(contactId, via);
    if (!route.deliverable()) {
      throw ProblemException.conflict("not-deliverable", "Not sent: " + route.whyNot().replaceFirst("^not delivered: ",
          "") + ". Nothing was created.");
    }
    AuditedDecision decided = replies.ask(route, author);
    Replies.requireAllowed(decided);
    ConversationDetails opened = conversations.openOutbound(contactId, route.channel(), subject, author, text, true);
    Message first = opened.messages().getLast();
    delivery.queue(opened.conversation().id(), first, route, decided);
    return new Started(opened, first, route);
  }
}
