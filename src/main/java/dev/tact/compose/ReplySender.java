package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.delivery.ReplyDelivery;
import dev.tact.intake.Mailboxes;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.tone.ToneCheck;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send of the reply box and the API: the agent's signature (and the mailbox's) appended, then the reply held for
 * the agent's undo window plus the cool-off when the tone check flagged it ({@link HeldReplies}), or, when that adds
 * up to nothing, written and queued at once by {@link Replies}. The agent's draft of it is deleted either way.
 */
@Service
public class ReplySender {

  /** What became of a send: held until {@code held.sendAt()}, or replied at once. */
  public record Sent(HeldReply held, Replies.Replied replied) {

    public boolean isHeld() {
      return held != null;
    }
  }

  private final Replies replies;
  private final HeldReplies held;
  private final ConversationManagement conversations;
  private final Signatures signatures;
  private final Preferences preferences;
  private final Drafts drafts;
  private final Mailboxes mailboxes;
  private final ComposeProperties properties;
  private final ReplyDelivery delivery;
  private final AttachmentLimits attachments;
  private final ToneCheck tone;

  ReplySender(Replies replies, HeldReplies held, ConversationManagement conversations, Signatures signatures,
      Preferences preferences, Drafts drafts, Mailboxes mailboxes, ComposeProperties properties,
      ReplyDelivery delivery, AttachmentLimits attachments, ToneCheck tone) {
    this.tone = tone;
    this.attachments = attachments;
    this.delivery = delivery;
    this.replies = replies;
    this.held = held;
    this.conversations = conversations;
    this.signatures = signatures;
    this.preferences = preferences;
    this.drafts = drafts;
    this.mailboxes = mailboxes;
    this.properties = properties;
  }

  /** Sends with the author's own undo window (or {@code tact.compose.undo-window}). */
  @Transactional
  public Sent send(UUID conversationId, Actor author, String text, Replies.Options options) {
    return send(conversationId, author, text, options, preferences.undoWindow(author.id()));
  }

  /**
   * Sends with this undo window (0 to 60 s). Empty text 422, a closed conversation 409, CC or BCC on a reply that is
   * no email 422, a chosen way the contact policy denies 409: nothing is held, written or sent.
   */
  @Transactional
  public Sent send(UUID conversationId, Actor author, String text, Replies.Options options, Duration undoWindow) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("empty-text", "The text must not be empty.");
    }
    if (text.length() > Drafts.MAX_TEXT) {
      throw ProblemException.invalid("text-too-long", "A reply is at most " + Drafts.MAX_TEXT + " characters.");
    }
    if (undoWindow.isNegative() || undoWindow.compareTo(ComposeProperties.MAX_UNDO_WINDOW) > 0) {
      throw ProblemException.invalid("invalid-undo-window", "The undo window is 0 to "
          + ComposeProperties.MAX_UNDO_WINDOW.toSeconds() + " seconds.");
    }
    if (options.thenStatus() == Status.NEW) {
      throw ProblemException.invalid("invalid-status", "A reply cannot make its conversation new again.");
    }
    ConversationSummary conversation = conversations.requireByReference(conversationId.toString());
    if (conversation.status() == Status.CLOSED) {
      throw ProblemException.conflict("conversation-closed", "Conversation #" + conversation.number()
          + " is closed; a new message opens a new conversation.");
    }
    if (options.hasExtras()) {
      Channel channel = delivery.route(conversationId, options.via()).channel();
      if (channel != Channel.EMAIL) {
        throw ProblemException.invalid("extras-need-email", "Copies and attachments go with an email; this reply "
            + "goes by " + channel.id() + ".");
      }
    }
    attachments.check(options.attachments());
    boolean flagged = options.coolOff() || (!properties.coolOff().isZero() && tone.check(text).flagged());
    Duration coolOff = flagged ? properties.coolOff() : Duration.ZERO;
    Duration hold = undoWindow.plus(coolOff);
    if (!hold.isZero() && options.via().chosen()) {
      // asked now so that a denial answers the agent at once, not when the hold ends (Replies asks again then)
      Replies.Checked checked = replies.check(conversationId, options.via(), author);
      if (checked.decision() != null) {
        Replies.requireAllowed(checked.decision());
      }
    }
    String signature = signatures.forReply(author.id(), mailboxOf(conversationId)).orElse(null);
    if (author.id() != null) {
      drafts.delete(author.id(), conversationId);
    }
    if (hold.isZero()) {
      HeldReply now = new HeldReply(null, conversationId, author, text, signature, options.via(), options.cc(),
          options.bcc(), options.thenStatus(), HeldReply.State.RELEASED, null, 0, null, null, null, null);
      Replies.Replied replied = replies.reply(conversationId, author, now.finalText(), options);
      if (options.thenStatus() != null) {
        conversations.changeStatus(conversationId, author, options.thenStatus());
      }
      return new Sent(null, replied);
    }
    return new Sent(held.hold(conversation, author, text, signature, options, hold, coolOff), null);
  }

  /** The signature a reply by this agent in this conversation would end with, for the reply box's preview. */
  public String signatureFor(UUID agentId, UUID conversationId) {
    return signatures.forReply(agentId, mailboxOf(conversationId)).orElse(null);
  }

  private UUID mailboxOf(UUID conversationId) {
    return mailboxes.replyAddressOf(conversationId).flatMap(mailboxes::findByAddress).map(m -> m.id()).orElse(null);
  }

}
