package dev.tact.survey;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.OutboxState;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Purpose;
import dev.tact.routing.ConversationIntent;
import dev.tact.routing.DefaultIntents;
import dev.tact.routing.FrontDoor;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the survey when a conversation is solved, and takes the customer's answer. The survey's own manners come
 * first (surveys on, not already answered for this conversation, not noise); then the contact policy is asked for
 * purpose SURVEY on the customer's channel (opt-outs, open incidents, one per 30 days): by the outbox for email,
 * here for a text or a chat line. Every decision is kept with its reason, sent or not, for the conversation page.
 */
@Service
public class Surveys {

  /** The tag a poor answer puts on its conversation, for the team lead. */
  public static final String POOR_TAG = "poor survey";
  static final int MAX_COMMENT = 2000;
  private static final String ACTOR = "survey";
  private static final Set<String> NOISE_INTENTS = Set.of(DefaultIntents.SPAM, DefaultIntents.VENDOR_PITCH);
  private static final Set<String> NOISE_TAGS = Set.of("spam", "vendor pitch", "vendor_pitch", "vendor-pitch");
  private static final Set<OutboxState> NOT_SENT = EnumSet.of(OutboxState.DENIED, OutboxState.FAILED,
      OutboxState.UNDELIVERABLE, OutboxState.CANCELLED, OutboxState.BOUNCED);

  private final SurveyStore store;
  private final SurveySettingsService settings;
  private final SurveyProperties properties;
  private final ConversationManagement conversations;
  private final FrontDoor frontDoor;
  private final Outbox outbox;
  private final ContactPolicyService policy;
  private final ContactHistory history;
  private final Replies replies;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ConsentLedger consents;

  Surveys(SurveyStore store, SurveySettingsService settings, SurveyProperties properties,
      ConversationManagement conversations, FrontDoor frontDoor, Outbox outbox, ContactPolicyService policy,
      ContactHistory history, Replies replies, ApplicationEventPublisher events, Clock clock, ConsentLedger consents) {
    this.consents = consents;
    this.store = store;
    this.settings = settings;
    this.properties = properties;
    this.conversations = conversations;
    this.frontDoor = frontDoor;
    this.outbox = outbox;
    this.policy = policy;
    this.history = history;
    this.replies = replies;
    this.events = events;
    this.clock = clock;
  }

  /** A conversation's survey decisions, latest first (empty when none was taken). */
  public List<Survey> ofConversation(UUID conversationId) {
    return store.ofConversation(conversationId);
  }

  /** Decides (and sends, when every rule allows) the survey about a conversation just solved. */
  @Transactional
  public Survey decide(UUID conversationId) {
    ConversationSummary c = conversations.findByReference(conversationId.toString())
        .orElseThrow(() -> ProblemException.notFound("conversation", conversationId));
    SurveySettings now = settings.current();
    Instant at = clock.instant();
    Optional<ConversationIntent> read = frontDoor.intentOf(c.id());
    String intent = read.map(ConversationIntent::intent).orElse(null);
    // an unsure guess waiting in triage is no verdict: only a decided intent or a tag marks noise
    String decidedIntent = read.filter(i -> !i.triage()).map(ConversationIntent::intent).orElse(null);
    Draft draft = new Draft(Ids.newId(), c, channelFor(c.channel()), intent, now.scale(), at);
    if (!now.enabled()) {
      return record(draft.notSent("surveys are turned off", null));
    }
    Optional<Survey> answered = store.ofConversation(c.id()).stream().filter(Survey::answered).findFirst();
    if (answered.isPresent()) {
      return record(draft.notSent("they already answered the survey about this conversation", null));
    }
    String noise = noise(decidedIntent, c.tags());
    if (noise != null) {
      return record(draft.notSent("the conversation was " + noise + "; no survey after noise", null));
    }
    String token = SurveyTokens.newToken();
    String text = text(c, now.scale(), properties.baseUrl() + "/survey/" + token);
    Survey decided = draft.channel == Channel.EMAIL ? byEmail(draft, c, text) : inConversation(draft, c, text);
    store.insert(decided, decided.sent() ? SurveyTokens.hashOf(token).orElseThrow() : null);
    conversations.recordHistory(c.id(), Actor.system(), "SURVEY", decided.sent()
        ? "Survey sent by " + words(decided.channel()) : "Survey not sent: " + decided.reason());
    return decided;
  }

  private Survey byEmail(Draft draft, ConversationSummary c, String text) {
    OutboxEntry entry = outbox.queue(new OutboundRequest(c.contactId(), "How did we do? (#" + c.number() + ")", text,
        Purpose.SURVEY, "survey:" + draft.id), ACTOR).entry();
    if (NOT_SENT.contains(entry.state())) {
      return draft.notSent(stripDenied(entry.lastError()), entry.decisionId());
    }
    return draft.sent(entry.decisionId(), properties.answerWindow());
  }

  /** A text on an SMS conversation, a line in a chat: a reply in the conversation, after the policy's SURVEY answer. */
  private Survey inConversation(Draft draft, ConversationSummary c, String text) {
    AuditedDecision decided = policy.decide(new DecisionRequest(c.contactId(), draft.channel, Purpose.SURVEY,
        "conversation #" + c.number(), null), ACTOR);
    if (decided.decision().outcome() == Decision.Outcome.DENY) {
      return draft.notSent(stripDenied(decided.decision().summary()), decided.id());
    }
    history.record(policy.permit(decided.id()).orElseThrow(), ACTOR);
    replies.reply(c.id(), Actor.system(), text);
    return draft.sent(decided.id(), properties.answerWindow());
  }

  private Survey record(Survey notSent) {
    store.insert(notSent, null);
    conversations.recordHistory(notSent.conversationId(), Actor.system(), "SURVEY",
        "Survey not sent: " + notSent.reason());
    return notSent;
  }

  /** The survey a link's token opens; an unknown or malformed token is a 404 with words for the customer. */
  public Survey byToken(String token) {
    return SurveyTokens.hashOf(token).flatMap(store::byTokenHash).orElseThrow(() -> new ProblemException(404,
        "survey-not-found", "This survey link is not valid",
        "The link is incomplete or was changed. Open it again from the message we sent you."));
  }

  /**
   * Records the customer's answer (or their changed one) while the survey is open; after that, a 409 that says so,
   * nothing changed. A poor answer tags the conversation for its team's leads, who are notified of the comment.
   */
  @Transactional
  public Survey answer(String token, Integer score, String comment) {
    Survey survey = byToken(token);
    Instant now = clock.instant();
    if (!survey.openAt(now)) {
      throw new ProblemException(409, "survey-closed", "This survey is closed",
          "Answers can be given or changed for " + properties.answerWindow().toDays() + " days after we asked; "
              + "this survey closed then. Thank you all the same.");
    }
    if (score == null || score < 1 || score > survey.scale()) {
      throw ProblemException.invalid("invalid-score", survey.scale() == 2 ? "Choose Good or Not good."
          : "Choose a score from 1 to 5.");
    }
    String text = comment == null ? "" : comment.strip();
    if (text.length() > MAX_COMMENT) {
      throw ProblemException.invalid("comment-too-long", "The comment has at most " + MAX_COMMENT
          + " characters (it has " + text.length() + ").");
    }
    if (ControlCharacters.firstIn(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')) >= 0) {
      throw ProblemException.invalid("control-characters", "The comment holds characters that are not text.");
    }
    boolean poor = SurveyScale.poor(score, survey.scale());
    if (!store.answer(survey, score, poor, text, now)) {
      throw ProblemException.conflict("survey-changed", "The answer was changed meanwhile (in another window?). "
          + "Reload the page to see it.");
    }
    boolean changed = survey.answered();
    conversations.recordHistory(survey.conversationId(), Actor.contact(survey.contactId(), "the customer"), "SURVEY",
        (changed ? "Survey answer changed: " : "Survey answered: ") + SurveyScale.label(score, survey.scale())
            + (text.isEmpty() ? "" : " — “" + text + "”"));
    if (poor) {
      conversations.addTags(survey.conversationId(), Actor.system(), List.of(POOR_TAG));
    } else if (Boolean.TRUE.equals(survey.poor())) {
      conversations.removeTag(survey.conversationId(), Actor.system(), POOR_TAG);
    }
    events.publishEvent(new SurveyAnswered(survey.id(), survey.conversationId(), survey.contactId(), score,
        survey.scale(), poor, text, now, changed));
    return byToken(token);
  }

  /**
   * The customer asks never to be surveyed again: an opt-out of purpose SURVEY on every channel, in their consent
   * ledger (the policy denies every later survey with it). Works on a closed survey too; asking twice writes once.
   */
  @Transactional
  public Survey stopAsking(String token) {
    Survey survey = byToken(token);
    boolean already = consents.ledgerOf(survey.contactId()).stream().anyMatch(r -> r.entry().kind()
        == ConsentEntry.Kind.OPT_OUT && r.entry().purpose() == Purpose.SURVEY && r.entry().channel() == null);
    if (!already) {
      consents.record(survey.contactId(), new ConsentRequest(ConsentEntry.Kind.OPT_OUT, null, Purpose.SURVEY, null,
          "survey page", "survey " + survey.id(), null), "the customer");
    }
    return survey;
  }

  private static Channel channelFor(Channel conversation) {
    return conversation == Channel.SMS || conversation == Channel.CHAT ? conversation : Channel.EMAIL;
  }

  private static String noise(String intent, List<String> tags) {
    if (DefaultIntents.SPAM.equals(intent) || tags.contains("spam")) {
      return "read as spam";
    }
    if ((intent != null && NOISE_INTENTS.contains(intent)) || tags.stream().anyMatch(NOISE_TAGS::contains)) {
      return "read as a vendor pitch";
    }
    return null;
  }

  private static String stripDenied(String summary) {
    if (summary == null || summary.isBlank()) {
      return "the message could not be queued";
    }
    return summary.startsWith("Denied: ") ? summary.substring("Denied: ".length()) : summary;
  }

  static String words(Channel channel) {
    return switch (channel) {
      case SMS -> "text";
      case CHAT -> "chat";
      default -> "email";
    };
  }

  private static String text(ConversationSummary c, int scale, String link) {
    String question = scale == 2 ? "Was our help good, or not good?" : "How was our help, from 1 (very poor) to 5 "
        + "(very good)?";
    return "Hello,\n\nwe marked your conversation #" + c.number() + (c.subject() == null || c.subject().isBlank()
        ? "" : " (“" + c.subject() + "”)") + " as solved. " + question + " One click, and a comment if you like:\n\n"
        + link + "\n\nYou can change your answer for 7 days. We ask at most once a month, and never again if you "
        + "tell us not to on that page.\n";
  }

  /** What a decision knows before it is sent or not. */
  private record Draft(UUID id, ConversationSummary c, Channel channel, String intent, int scale, Instant at) {

    Survey notSent(String reason, UUID decisionId) {
      return new Survey(id, c.id(), c.contactId(), channel, c.channel(), c.teamId(), c.assigneeId(), intent, at, false, reason,
          decisionId, scale, null, null, null, null, null, null);
    }

    Survey sent(UUID decisionId, java.time.Duration window) {
      return new Survey(id, c.id(), c.contactId(), channel, c.channel(), c.teamId(), c.assigneeId(), intent, at, true,
          "sent by " + words(channel), decisionId, scale, at.plus(window), null, null, null, null, null);
    }
  }
}
