package dev.tact.policy.ledger;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.OptOutReviews;
import dev.tact.policy.PolicyChannels;
import dev.tact.shared.Channel;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Scans every message a person sends us for opt-out wording: a clear opt-out is recorded at once
 * with the message as evidence; an unclear one, or a clear one from a sender whose mail failed
 * authentication, waits for an agent in the opt-out reviews.
 */
@Component
class OptOutDetector {

  static final String SOURCE = "inbound message";
  static final String RECORDED_BY = "opt-out detection";

  private final ConversationManagement conversations;
  private final ConsentLedger ledger;
  private final OptOutReviews reviews;
  private final OptOutClassifier classifier = new OptOutClassifier();

  OptOutDetector(ConversationManagement conversations, ConsentLedger ledger, OptOutReviews reviews) {
    this.conversations = conversations;
    this.ledger = ledger;
    this.reviews = reviews;
  }

  @ApplicationModuleListener(condition = "@optOutDetector.mayOptOut(#added)")
  void on(MessageAdded added) {
    if (!added.fromCustomer()) {
      return;
    }
    // the event carries the text unless it is long; messages are never deleted or rewritten, so it is the body
    Optional<String> body = added.textComplete() ? Optional.of(added.text())
        : conversations.findMessage(added.messageId()).map(Message::body);
    if (body.isEmpty()) {
      return;
    }
    String text = body.get();
    // how we would answer them: a web form is answered by email
    Channel cameOn = PolicyChannels.answering(added.channel());
    OptOutClassifier.Signal signal = classifier.classify(text, cameOn);
    switch (signal.verdict()) {
      // A sender that could not be verified may be someone else: an agent decides, as for unclear wording.
      case CLEAR -> {
        if (added.unauthenticated()) {
          reviews.flag(added.messageId(), added.conversationId(), added.contactId(), signal.channel(), text,
              signal.phrase() + " (sender not authenticated)");
        } else {
          ledger.record(added.contactId(), ConsentRequest.optOut(signal.channel(), SOURCE,
              evidence(added, text, signal.phrase())), RECORDED_BY);
        }
      }
      case UNCLEAR -> reviews.flag(added.messageId(), added.conversationId(), added.contactId(), signal.channel(),
          text, signal.phrase());
      case NONE -> { }
    }
  }

  /**
   * Asked when the message is filed (ADR 0054): whether it is a customer's and may hold opt-out wording. A message
   * whose whole text the event carries, and in which the classifier finds none, costs no publication; the listener
   * classifies it again. Most messages hold none of the words the classifier's patterns need, which
   * {@link OptOutClassifier#mayFind} tells far more cheaply than classifying them.
   */
  public boolean mayOptOut(MessageAdded added) {
    return added.fromCustomer() && (!added.textComplete() || classifier.mayFind(added.text())
        && classifier.classify(added.text(), PolicyChannels.answering(added.channel())).verdict()
        != OptOutClassifier.Verdict.NONE);
  }

  private static String evidence(MessageAdded added, String text, String phrase) {
    String excerpt = text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    return "message " + added.messageId() + " (" + added.channel().id() + ", conversation " + added.conversationId()
        + "), matched \"" + phrase + "\": " + excerpt;
  }
}
