package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.delivery.ReplyDelivery;
import dev.tact.delivery.ReplyRoute;
import dev.tact.delivery.ReplyExtras;
import dev.tact.delivery.ReplyVia;
import dev.tact.mail.MailArchive;
import dev.tact.mail.MailAttachment;
import dev.tact.mail.OutgoingMail;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.ProblemException;
import dev.tact.conversation.Status;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's (or the system's) reply to a customer: the message joins the conversation and its
 * outbox row is written in the same transaction, so a reply is either stored and queued or neither.
 * Where it goes is decided first ({@link ReplyDelivery#route}): the conversation's own way, or another identity of
 * the contact the agent chose, which the contact policy must allow (a denial answers 409 and writes nothing). The
 * policy is asked once, before the reply is written, and its row cites that decision. A reply with no way out is kept
 * with an UNDELIVERABLE outbox row saying why; one the policy denies on the conversation's own way is kept with a
 * DENIED row; neither is a response to the customer (the SLA clocks run on).
 */
@Service
public class Replies {

  private final ConversationManagement conversations;
  private final ReplyDelivery delivery;
  private final ContactPolicyService policy;
  private final MailArchive archive;
  private final ReplyCopies copies;

  Replies(ConversationManagement conversations, ReplyDelivery delivery, ContactPolicyService policy,
      MailArchive archive, ReplyCopies copies) {
    this.archive = archive;
    this.copies = copies;
    this.conversations = conversations;
    this.delivery = delivery;
    this.policy = policy;
  }

  /**
   * How a reply is sent besides its text: the way ({@code via}), copies (validated email addresses, only on email),
   * the status the conversation takes with it ("send and set status"), and whether the tone check flagged the draft
   * ({@code coolOff}: it is held {@code tact.compose.cool-off} longer before it leaves, see {@link ReplySender}).
   */
  public record Options(ReplyVia via, List<String> cc, List<String> bcc, Status thenStatus, boolean coolOff,
      List<OutgoingMail.Attachment> attachments) {

    public static final Options DEFAULT = new Options(ReplyVia.DEFAULT, List.of(), List.of(), null, false);

    public Options {
      via = via == null ? ReplyVia.DEFAULT : via;
      cc = cc == null ? List.of() : List.copyOf(cc);
      bcc = bcc == null ? List.of() : List.copyOf(bcc);
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Options(ReplyVia via, List<String> cc, List<String> bcc, Status thenStatus, boolean coolOff) {
      this(via, cc, bcc, thenStatus, coolOff, List.of());
    }

    public Options withCoolOff(boolean flagged) {
      return new Options(via, cc, bcc, thenStatus, flagged, attachments);
    }

    public Options withAttachments(List<OutgoingMail.Attachment> files) {
      return new Options(via, cc, bcc, thenStatus, coolOff, files);
    }

    /** Whether it carries what only an email can: copies or files. */
    public boolean hasExtras() {
      return !cc.isEmpty() || !bcc.isEmpty() || !attachments.isEmpty();
    }
  }

  /** A reply and where it went. */
  public record Replied(Message message, ReplyRoute route) {}

  /** A way for a reply, and the contact policy's answer for it (null when it cannot leave: nothing to ask). */
  public record Checked(ReplyRoute route, AuditedDecision decision) {

    public boolean allowed() {
      return route.deliverable() && decision != null && decision.decision().outcome() != Decision.Outcome.DENY;
    }
  }

  @Transactional
  public Message reply(UUID conversationId, Actor author, String text) {
    return reply(conversationId, author, text, ReplyVia.DEFAULT).message();
  }

  /** A reply along {@code via} (see the class comment). */
  @Transactional
  public Replied reply(UUID conversationId, Actor author, String text, ReplyVia via) {
    return reply(conversationId, author, text, new Options(via, List.of(), List.of(), null, false));
  }

  /** A reply as {@code options} say, written and queued now (the status and the cool-off are the caller's). */
  @Transactional
  public Replied reply(UUID conversationId, Actor author, String text, Options options) {
    ReplyVia via = options.via();
    ReplyRoute route = delivery.route(conversationId, via);
    AuditedDecision decided = route.deliverable() ? ask(route, author) : null;
    if (route.chosen() && decided != null) {
      requireAllowed(decided);
    }
    boolean reachesCustomer = decided != null && decided.decision().outcome() != Decision.Outcome.DENY;
    Message reply = conversations.reply(conversationId, author, text, route.channel(), reachesCustomer);
    delivery.queue(conversationId, reply, route, decided, new ReplyExtras(options.cc(), options.bcc(),
        options.attachments()));
    if (!options.attachments().isEmpty()) {
      archive.storeUploads(reply.id(), options.attachments().stream()
          .map(a -> new MailAttachment(a.filename(), a.contentType(), null, false, a.content())).toList());
    }
    if (!options.cc().isEmpty() || !options.bcc().isEmpty()) {
      copies.record(reply.id(), options.cc(), options.bcc());
    }
    return new Replied(reply, route);
  }

  /**
   * Where a reply along {@code via} would go, and the contact policy's answer for it now (the question is audited,
   * as on the contact page's "Before you contact them"); nothing is written.
   */
  @Transactional
  public Checked check(UUID conversationId, ReplyVia via, Actor author) {
    ReplyRoute route = delivery.route(conversationId, via);
    return new Checked(route, route.deliverable() ? ask(route, author) : null);
  }

  AuditedDecision ask(ReplyRoute route, Actor author) {
    return policy.decide(new DecisionRequest(route.contactId(), route.outboundChannel(), Purpose.TRANSACTIONAL,
        route.conversationNumber() > 0 ? "conversation #" + route.conversationNumber() : null, null),
        author.kind() == Actor.Kind.AGENT ? "agent " + author.name() : author.name());
  }

  static void requireAllowed(AuditedDecision decided) {
    if (decided.decision().outcome() == Decision.Outcome.DENY) {
      throw ProblemException.conflict("contact-policy-denied", "The contact policy does not allow "
          + channelWords(decided) + " to this contact now: " + decided.decision().summary()
          + " Nothing was sent.");
    }
  }

  private static String channelWords(AuditedDecision decided) {
    return switch (decided.request().channel()) {
      case EMAIL, WEB -> "an email";
      case SMS -> "a text";
      case SOCIAL -> "a social message";
      case CHAT -> "a chat message";
      case PHONE -> "a call";
    };
  }
}
