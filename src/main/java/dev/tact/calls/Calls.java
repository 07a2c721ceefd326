package dev.tact.calls;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.RecordedContact;
import dev.tact.conversation.Status;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPermit;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs the calls agents make and take. An inbound call is a customer's message: it enters through intake (channel
 * phone, the caller's number as sender, the call's id as external id, so logging it twice is one message) and
 * takes the one filing road, opening or continuing a conversation. An outbound call is the agent's contact with
 * the customer: it needs the contact policy's answer for a phone call, asked before and shown to the agent; a
 * refused or deferred call can be logged only as not placed; a placed one is recorded in the contact history
 * with its permit (frequency caps count it) and in the conversation by the agent, with the policy's answer.
 */
@Service
public class Calls {

  /** How long the policy's answer holds for logging an outbound call; after that the agent asks again. */
  static final Duration DECISION_VALIDITY = Duration.ofMinutes(30);
  static final int MAX_NOTES = 10_000;
  static final int MAX_DURATION_SECONDS = 24 * 3600;

  private final CallStore store;
  private final ContactManagement contacts;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final MessageIntake intake;
  private final InboundItems items;
  private final ContactPolicyService policy;
  private final ContactHistory history;
  private final Clock clock;
  private final TransactionTemplate transactions;

  Calls(CallStore store, ContactManagement contacts, IdentityParser identities, ConversationManagement conversations,
      MessageIntake intake, InboundItems items, ContactPolicyService policy, ContactHistory history, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.store = store;
    this.contacts = contacts;
    this.identities = identities;
    this.conversations = conversations;
    this.intake = intake;
    this.items = items;
    this.policy = policy;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Contacts an agent may mean by {@code query}: the owner of the identity it spells (an email address, a phone
   * number in any spelling, a handle), then those whose name or identities contain it.
   */
  public List<Contact> findContacts(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    Map<UUID, Contact> found = new LinkedHashMap<>();
    try {
      contacts.findByIdentity(identities.parse(query)).ifPresent(c -> found.put(c.id(), c));
    } catch (ProblemException notAnIdentity) {
      // a name or part of an address: the search below
    }
    contacts.search(query, 20).forEach(c -> found.putIfAbsent(c.id(), c));
    return List.copyOf(found.values());
  }

  /** The conversations a call with this contact may continue: theirs that are not closed, newest first. */
  public List<ConversationSummary> openConversations(UUID contactId) {
    return conversations.ofContact(contactId).stream().filter(c -> c.status() != Status.CLOSED).toList();
  }

  /**
   * Asks the contact policy whether the agent may place this outbound call now; the contact is the one chosen, or
   * the owner of the number typed (created now when nobody has it: the policy needs someone to ask about). The
   * decision is audited; its id goes with the log.
   */
  @Transactional
  public AuditedDecision ask(CallRequest request, String askedBy) {
    Contact contact = callee(request);
    return policy.decide(new DecisionRequest(contact.id(), Channel.PHONE,
        request.purpose() == null ? Purpose.TRANSACTIONAL : request.purpose(), subjectOf(request), null), askedBy);
  }

  /** The contact an outbound call goes to, found or created from the request. */
  @Transactional
  public Contact callee(CallRequest request) {
    if (request.contactId() != null) {
      Contact contact = contacts.require(request.contactId());
      if (request.number() != null && !request.number().isBlank()) {
        contacts.attach(contact.id(), identities.phone(request.number()));
      }
      return contacts.require(contact.id());
    }
    if (request.number() == null || request.number().isBlank()) {
      throw ProblemException.invalid("missing-number", "Find the contact or type the number.");
    }
    return contacts.resolve(identities.phone(request.number()), new ContactNames(null, null, null));
  }

  /**
   * Logs a call. Inbound: through intake, answered once committed to the inbound log. Outbound: only with the
   * policy's decision for this contact and a phone call, not older than {@link #DECISION_VALIDITY}; a call the
   * policy did not allow now can be logged only as not placed. Bad input: a problem, nothing recorded.
   */
  public LoggedCall log(CallRequest request, Actor agent) {
    check(request);
    // Inbound: a number new to the chosen contact is theirs (committed) before intake reads the item.
    // Outbound: the permit's history, the conversation entry and the log commit together or not at all.
    return request.direction() == CallDirection.INBOUND ? inbound(request, agent)
        : transactions.execute(status -> outbound(request, agent));
  }

  private void check(CallRequest r) {
    if (r.direction() == null) {
      throw ProblemException.invalid("invalid-direction", "Choose the call's direction: inbound or outbound.");
    }
    if (r.outcome() == null) {
      throw ProblemException.invalid("invalid-outcome", "Choose how the call went.");
    }
    if (r.direction() == CallDirection.INBOUND && r.outcome() == CallOutcome.NOT_PLACED) {
      throw ProblemException.invalid("invalid-outcome", "An inbound call was placed by the caller: choose how it went.");
    }
    if (r.durationSeconds() < 0 || r.durationSeconds() > MAX_DURATION_SECONDS) {
      throw ProblemException.invalid("invalid-duration", "The duration must be between 0 and 24 hours.");
    }
    if (r.notes() != null && r.notes().length() > MAX_NOTES) {
      throw ProblemException.invalid("notes-too-long", "The notes are longer than " + MAX_NOTES + " characters.");
    }
    if (r.subject() != null && r.subject().length() > 300) {
      throw ProblemException.invalid("subject-too-long", "The subject is longer than 300 characters.");
    }
  }

  private LoggedCall inbound(CallRequest r, Actor agent) {
    String conversation = blankToNull(r.conversation());
    ConversationSummary continued = conversation == null ? null : conversations.requireByReference(conversation);
    if (continued != null && r.contactId() != null && !contacts.require(r.contactId()).id()
        .equals(continued.contactId())) {
      throw ProblemException.invalid("conversation-of-another-contact",
          "Conversation #" + continued.number() + " is another contact's: choose one of theirs or a new one.");
    }
    String phone = callerNumber(r);
    if (continued != null) {
      Optional<Contact> caller = contacts.findByIdentity(identities.phone(phone));
      if (caller.isPresent() && !caller.get().id().equals(continued.contactId())) {
        throw ProblemException.invalid("conversation-of-another-contact", phone + " is another contact's number than "
            + "conversation #" + continued.number() + "'s: choose one of their conversations or a new one.");
      }
      conversation = String.valueOf(continued.number());
    }
    UUID id = Ids.newId();
    Instant now = clock.instant();
    String text = "Inbound call from " + phone + ", " + r.outcome().label() + ", " + duration(r.durationSeconds())
        + ". Logged by " + agent.name() + "." + notesBlock(r.notes());
    Acknowledgement ack = intake.submit(new MessageSubmission(Channel.PHONE.id(), phone, null, null, null,
        subjectOf(r), text, "call:" + id, null, conversation));
    LoggedCall call = new LoggedCall(id, CallDirection.INBOUND, r.outcome(), phone, r.contactId(),
        r.durationSeconds(), blankToNull(r.notes()), now, agent.id(), agent.name(), ack.itemId(), ack.messageId(),
        null, 0, null, null, null, now);
    store.insert(call);
    return call;
  }

  /** The caller's number: typed (and given to the chosen contact when new to them), else the contact's first. */
  private String callerNumber(CallRequest r) {
    if (r.number() != null && !r.number().isBlank()) {
      Identity phone = identities.phone(r.number());
      if (r.contactId() != null) {
        contacts.attach(r.contactId(), phone);
      }
      return phone.value();
    }
    if (r.contactId() == null) {
      throw ProblemException.invalid("missing-number", "Find the contact or type the number.");
    }
    return firstPhone(contacts.require(r.contactId())).orElseThrow(() -> ProblemException.invalid("missing-number",
        "The contact has no phone number: type the one they called from."));
  }

  private LoggedCall outbound(CallRequest r, Actor agent) {
    if (r.decisionId() == null) {
      throw ProblemException.invalid("policy-not-asked", "Ask the contact policy before logging an outbound call.");
    }
    AuditedDecision decided = policy.find(r.decisionId()).orElseThrow(() -> ProblemException.invalid(
        "policy-not-asked", "Ask the contact policy before logging an outbound call."));
    Contact contact = contacts.require(decided.request().contactId());
    if (r.contactId() != null && !contacts.require(r.contactId()).id().equals(contact.id())) {
      throw ProblemException.invalid("policy-not-asked", "The policy's answer is for another contact: ask again.");
    }
    if (decided.request().channel() != Channel.PHONE) {
      throw ProblemException.invalid("policy-not-asked", "The policy's answer is not for a phone call: ask again.");
    }
    Instant now = clock.instant();
    if (decided.decidedAt().plus(DECISION_VALIDITY).isBefore(now)) {
      throw ProblemException.invalid("policy-answer-stale", "The policy answered more than "
          + DECISION_VALIDITY.toMinutes() + " minutes ago: ask again.");
    }
    Decision.Outcome outcome = decided.decision().outcome();
    if (outcome != Decision.Outcome.ALLOW && r.outcome() != CallOutcome.NOT_PLACED) {
      throw new ProblemException(409, "call-refused", "Call refused by the contact policy", "The contact policy "
          + (outcome == Decision.Outcome.DENY ? "refuses" : "defers") + " this call: " + decided.decision().summary()
          + " It can be logged only as not placed.");
    }
    String phone = r.number() != null && !r.number().isBlank() ? identities.phone(r.number()).value()
        : firstPhone(contact).orElseThrow(() -> ProblemException.invalid("missing-number",
            "The contact has no phone number: type the one you called."));
    if (r.number() != null && !r.number().isBlank()) {
      contacts.attach(contact.id(), identities.phone(r.number()));
    }
    UUID conversationId = null;
    String conversation = blankToNull(r.conversation());
    if (conversation != null) {
      ConversationSummary c = conversations.requireByReference(conversation);
      if (!contact.id().equals(c.contactId())) {
        throw ProblemException.invalid("conversation-of-another-contact",
            "Conversation #" + c.number() + " is another contact's: choose one of theirs or a new one.");
      }
      conversationId = c.id();
    }
    if (r.outcome() != CallOutcome.NOT_PLACED) {
      ContactPermit permit = policy.permit(decided.id()).orElseThrow();
      history.record(permit, agent.name());
    }
    String text = "Outbound call to " + phone + ", " + r.outcome().label() + ", " + duration(r.durationSeconds())
        + ".\nContact policy: " + answer(outcome) + " — " + decided.decision().summary() + notesBlock(r.notes());
    RecordedContact recorded = conversations.recordAgentContact(conversationId, contact.id(), Channel.PHONE,
        subjectOf(r), agent, r.outcome().reached(), text);
    LoggedCall call = new LoggedCall(Ids.newId(), CallDirection.OUTBOUND, r.outcome(), phone, contact.id(),
        r.durationSeconds(), blankToNull(r.notes()), now, agent.id(), agent.name(), null, recorded.message().id(),
        recorded.conversationId(), recorded.number(), decided.id(), outcome, decided.decision().summary(), now);
    store.insert(call);
    return call;
  }

  /** A logged call, with its conversation once its item is filed. */
  public Optional<LoggedCall> find(UUID id) {
    return store.find(id).map(this::withConversation);
  }

  public LoggedCall require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("call", id));
  }

  /** The latest calls, newest first. */
  public List<LoggedCall> recent(int limit) {
    List<LoggedCall> result = new ArrayList<>();
    for (LoggedCall call : store.recent(limit)) {
      result.add(withConversation(call));
    }
    return result;
  }

  private LoggedCall withConversation(LoggedCall call) {
    UUID conversationId = call.conversationId();
    UUID contactId = call.contactId();
    if (conversationId == null && call.itemId() != null) {
      Optional<InboundItem> item = items.find(call.itemId());
      if (item.isPresent() && item.get().conversationId() != null) {
        conversationId = item.get().conversationId();
        contactId = contactId == null ? item.get().contactId() : contactId;
        store.filed(call.id(), conversationId, contactId);
      }
    }
    if (conversationId == null) {
      return call;
    }
    long number = conversations.details(conversationId).map(d -> d.conversation().number()).orElse(0L);
    return new LoggedCall(call.id(), call.direction(), call.outcome(), call.phone(), contactId,
        call.durationSeconds(), call.notes(), call.occurredAt(), call.agentId(), call.agentName(), call.itemId(),
        call.messageId(), conversationId, number, call.decisionId(), call.decisionOutcome(), call.decisionSummary(),
        call.createdAt());
  }

  static Optional<String> firstPhone(Contact contact) {
    return contact.identities().stream().filter(i -> i.kind() == IdentityKind.PHONE).map(Identity::value)
        .findFirst();
  }

  static String answer(Decision.Outcome outcome) {
    return switch (outcome) {
      case ALLOW -> "allowed";
      case DEFER -> "not now";
      case DENY -> "refused";
    };
  }

  static String duration(int seconds) {
    if (seconds <= 0) {
      return "no duration";
    }
    return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + String.format("%02d", seconds % 60) + " s";
  }

  private static String subjectOf(CallRequest r) {
    String subject = blankToNull(r.subject());
    return subject == null ? "Phone call" : subject;
  }

  private static String notesBlock(String notes) {
    String n = blankToNull(notes);
    return n == null ? "" : "\n\n" + n;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
