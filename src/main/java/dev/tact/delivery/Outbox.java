package dev.tact.delivery;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationProperties;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPermit;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.OutboundChannel;
import dev.tact.policy.Purpose;
import dev.tact.shared.Ids;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: every outbound message is queued here in its cause's transaction, after the contact
 * policy decided it. ALLOW queues it, DEFER queues it until the permitted instant, DENY records it
 * unsent with the reason. An idempotency key asked again answers the row it made.
 */
@Service
public class Outbox {

  private static final int MAX_KEY = 200;
  private static final int MAX_SUBJECT = 500;

  private final OutboxStore store;
  private final ContactPolicyService policy;
  private final ContactHistory history;
  private final ContactManagement contacts;
  private final DeliveryProperties properties;
  private final ConversationProperties conversations;
  private final DispatchSignal signal;
  private final Clock clock;

  Outbox(OutboxStore store, ContactPolicyService policy, ContactHistory history, ContactManagement contacts,
      DeliveryProperties properties, ConversationProperties conversations, DispatchSignal signal, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.history = history;
    this.contacts = contacts;
    this.properties = properties;
    this.conversations = conversations;
    this.signal = signal;
    this.clock = clock;
  }

  /**
   * Queues a notice, survey or campaign step to one contact by email. Unknown contact: 404;
   * incomplete request: 422 (nothing recorded). A known idempotency key answers its row.
   */
  @Transactional
  public Queued queue(OutboundRequest request, String actor) {
    String key = requireKey(request.idempotencyKey());
    Optional<OutboxEntry> known = store.findByKey(key);
    if (known.isPresent()) {
      return new Queued(known.get(), false);
    }
    if (request.contactId() == null) {
      throw ProblemException.invalid("missing-contact", "contactId is required.");
    }
    if (request.purpose() == null) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: TRANSACTIONAL or MARKETING.");
    }
    if (request.subject() == null || request.subject().isBlank() || request.subject().length() > MAX_SUBJECT) {
      throw ProblemException.invalid("invalid-subject", "subject is required, at most " + MAX_SUBJECT + " characters.");
    }
    if (request.text() == null || request.text().isBlank()) {
      throw ProblemException.invalid("empty-text", "text must not be empty.");
    }
    Contact contact = contacts.find(request.contactId())
        .orElseThrow(() -> ProblemException.notFound("contact", request.contactId()));
    UUID id = Ids.newId();
    Instant now = clock.instant();
    String headerMessageId = "tact.outbox." + id + "@" + conversations.messageIdDomain();
    String recipient = emailOf(contact);
    byte[] content = recipient == null ? null : OutgoingMailWriter.write(new OutgoingMail(from(),
        List.of(new MailAddress(recipient, contact.name())), request.subject().strip(), request.text(), null,
        headerMessageId, null, List.of(), 0, true, now));
    OutboxStore.Draft draft = new OutboxStore.Draft(key, OutboxKind.EMAIL, request.purpose(), "notice",
        null, null, contact.id(), recipient, properties.fromAddress(), request.subject().strip(), headerMessageId,
        content);
    UUID rowId = decideAndStore(id, draft, request.subject().strip(), actor, now);
    return new Queued(store.find(rowId).orElseThrow(), true);
  }

  /**
   * Queues an email the caller rendered (an agent's reply): asks the policy for the contact, and
   * queues, defers or records the denial in the caller's transaction. Answers the row's id.
   */
  UUID queueRendered(OutboxStore.Draft draft, String policySubject, String actor) {
    Optional<OutboxEntry> known = store.findByKey(draft.idempotencyKey());
    if (known.isPresent()) {
      return known.get().id();
    }
    return decideAndStore(Ids.newId(), draft, policySubject, actor, clock.instant());
  }

  private UUID decideAndStore(UUID id, OutboxStore.Draft draft, String policySubject, String actor, Instant now) {
    if (draft.recipient() == null) {
      insertOrConflict(store.insertUnsendable(id, draft, null, OutboxState.FAILED,
          "The contact has no email address.", now), draft);
      return id;
    }
    AuditedDecision decided = policy.decide(new DecisionRequest(draft.contactId(), OutboundChannel.EMAIL,
        draft.purpose(), clipSubject(policySubject), null), actor);
    if (decided.decision().outcome() == Decision.Outcome.DENY) {
      insertOrConflict(store.insertUnsendable(id, draft, decided.id(), OutboxState.DENIED,
          decided.decision().summary(), now), draft);
      return id;
    }
    ContactPermit permit = policy.permit(decided.id()).orElseThrow();
    history.record(permit, actor);
    insertOrConflict(store.queue(id, draft, permit, now), draft);
    signal.afterCommit();
    return id;
  }

  private static void insertOrConflict(boolean inserted, OutboxStore.Draft draft) {
    if (!inserted) {
      // Another request with the same key is being queued right now; this one rolls back.
      throw ProblemException.conflict("outbox-key-in-use", "A message with idempotency key '"
          + draft.idempotencyKey() + "' is being queued at this moment; ask again to get it.");
    }
  }

  public Optional<OutboxEntry> find(UUID id) {
    return store.find(id);
  }

  public OutboxEntry require(UUID id) {
    return store.find(id).orElseThrow(() -> ProblemException.notFound("outbox-message", id));
  }

  public PageResult<OutboxEntry> list(OutboxState state, PageRequest page) {
    return store.list(state, page);
  }

  public Map<OutboxState, Long> counts() {
    return store.countByState();
  }

  /** The delivery of each of these conversation messages that went through the outbox. */
  public Map<UUID, OutboxEntry> ofMessages(Collection<UUID> messageIds) {
    return store.ofMessages(messageIds);
  }

  /** The delivery of one conversation message, for the conversation view. */
  public Optional<OutboxEntry> ofMessage(UUID messageId) {
    return Optional.ofNullable(store.ofMessages(List.of(messageId)).get(messageId));
  }

  /**
   * Sends a failed, bounced, cancelled or denied message again: the policy is asked afresh (a
   * denial answers 409 and changes nothing), and it is sent with its Message-ID.
   */
  @Transactional
  public OutboxEntry retry(UUID id, String actor) {
    OutboxEntry entry = require(id);
    EnumSet<OutboxState> retryable = EnumSet.of(OutboxState.FAILED, OutboxState.BOUNCED, OutboxState.CANCELLED,
        OutboxState.DENIED);
    if (!retryable.contains(entry.state())) {
      throw ProblemException.conflict("outbox-not-retryable", "The message is " + entry.state().name().toLowerCase()
          + "; only failed, bounced, cancelled or denied messages can be retried.");
    }
    if (entry.recipient() == null) {
      throw ProblemException.conflict("outbox-no-recipient", "The message has no recipient address to send to.");
    }
    AuditedDecision decided = policy.decide(new DecisionRequest(entry.contactId(), OutboundChannel.EMAIL,
        entry.purpose(), clipSubject(entry.subject()), null), actor);
    ContactPermit permit = policy.permit(decided.id()).orElseThrow(() -> ProblemException.conflict("outbox-denied",
        "The contact policy denies sending it now: " + decided.decision().summary()));
    history.record(permit, actor);
    if (!store.requeue(id, retryable, permit, clock.instant())) {
      throw ProblemException.conflict("outbox-state-changed", "The message changed state meanwhile; look again.");
    }
    signal.afterCommit();
    return require(id);
  }

  /** Cancels a queued or deferred message; one being sent or already final answers 409. */
  @Transactional
  public OutboxEntry cancel(UUID id, String actor) {
    require(id);
    if (!store.finish(id, EnumSet.of(OutboxState.QUEUED, OutboxState.DEFERRED), OutboxState.CANCELLED,
        "cancelled by " + actor, clock.instant())) {
      throw ProblemException.conflict("outbox-not-cancellable", "The message is "
          + require(id).state().name().toLowerCase() + "; only queued or deferred messages can be cancelled.");
    }
    return require(id);
  }

  MailAddress from() {
    return new MailAddress(properties.fromAddress(), properties.fromName());
  }

  static String emailOf(Contact contact) {
    return contact.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(i -> i.value())
        .findFirst().orElse(null);
  }

  private static String requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw ProblemException.invalid("invalid-idempotency-key",
          "idempotencyKey is required, 1 to " + MAX_KEY + " characters.");
    }
    return key.strip();
  }

  private static String clipSubject(String subject) {
    return subject == null || subject.length() <= 200 ? subject : subject.substring(0, 200);
  }
}
