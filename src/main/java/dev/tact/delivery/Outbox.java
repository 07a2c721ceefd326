package dev.tact.delivery;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationProperties;
import dev.tact.delivery.unsubscribe.UnsubscribeLinks;
import dev.tact.mail.MailAddress;
import dev.tact.mail.NoticeMailTemplate;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.UnsafeHeaderException;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPermit;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  public static final int MAX_BATCH = 1000;

  private final OutboxStore store;
  private final ContactPolicyService policy;
  private final ContactHistory history;
  private final ContactManagement contacts;
  private final DeliveryProperties properties;
  private final ConversationProperties conversations;
  private final DispatchSignal signal;
  private final UnsubscribeLinks unsubscribe;
  private final Clock clock;
  private final AuditLog audit;
  private final RelaySettingsService relays;
  private final ChannelProviders providers;

  Outbox(OutboxStore store, ContactPolicyService policy, ContactHistory history, ContactManagement contacts,
      DeliveryProperties properties, ConversationProperties conversations, DispatchSignal signal,
      UnsubscribeLinks unsubscribe, Clock clock, AuditLog audit, RelaySettingsService relays,
      ChannelProviders providers) {
    this.providers = providers;
    this.relays = relays;
    this.audit = audit;
    this.unsubscribe = unsubscribe;
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
    return queueAll(List.of(request), actor).getFirst();
  }

  /**
   * Queues up to {@value #MAX_BATCH} messages at once (a campaign step): the policy decides them
   * together, and all are queued in one transaction or none (an unknown contact, an incomplete
   * request or a key given twice rejects the batch). Answers one result per request, in order.
   */
  @Transactional
  public List<Queued> queueAll(List<OutboundRequest> requests, String actor) {
    if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw ProblemException.invalid("invalid-batch", "Send 1 to " + MAX_BATCH + " messages.");
    }
    List<String> keys = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      keys.add(validate(requests.get(i), requests.size() == 1 ? "" : " (message " + i + ")"));
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      throw ProblemException.invalid("duplicate-idempotency-key", "Each message of a batch needs its own key.");
    }
    Map<String, OutboxEntry> known = store.findByKeys(keys);
    List<OutboundRequest> fresh = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (!known.containsKey(keys.get(i))) {
        fresh.add(requests.get(i));
      }
    }
    Map<UUID, Contact> found = contacts.findAll(fresh.stream().map(OutboundRequest::contactId).toList());
    List<UUID> unknown = fresh.stream().map(OutboundRequest::contactId).filter(id -> !found.containsKey(id))
        .distinct().toList();
    if (!unknown.isEmpty()) {
      throw new ProblemException(404, "contact-not-found", "Contact not found", "No contact with id "
          + unknown.getFirst() + (unknown.size() > 1 ? " and " + (unknown.size() - 1) + " more" : "")
          + "; nothing was queued.");
    }
    Instant now = clock.instant();
    List<OutboxStore.Draft> drafts = new ArrayList<>(fresh.size());
    List<UUID> ids = new ArrayList<>(fresh.size());
    Map<UUID, String> unwritable = new java.util.HashMap<>();
    Map<String, NoticeMailTemplate> written = new java.util.HashMap<>();
    for (OutboundRequest request : fresh) {
      UUID id = Ids.newId();
      ids.add(id);
      Contact contact = found.get(request.contactId());
      try {
        drafts.add(notice(id, request, contact, now, written));
      } catch (UnsafeHeaderException e) {
        unwritable.put(id, e.getMessage());
        drafts.add(unwritten(id, request, contact));
      }
    }
    List<DecisionRequest> asked = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      OutboxStore.Draft d = drafts.get(i);
      if (d.recipient() != null && !unwritable.containsKey(ids.get(i))) {
        asked.add(new DecisionRequest(d.contactId(), Channel.EMAIL, d.purpose(), clipSubject(d.subject()),
            null));
      }
    }
    List<AuditedDecision> decided = asked.isEmpty() ? List.of() : policy.decideAll(asked, actor);
    storeAll(ids, drafts, unwritable, decided, actor);
    Map<UUID, OutboxEntry> made = store.findAll(ids);
    List<Queued> result = new ArrayList<>(requests.size());
    int freshIndex = 0;
    for (String key : keys) {
      OutboxEntry earlier = known.get(key);
      result.add(earlier != null ? new Queued(shown(earlier), false)
          : new Queued(shown(made.get(ids.get(freshIndex++))), true));
    }
    return result;
  }

  /** The notice's row; a batch's notices with one subject share a template (its common header fields). */
  private OutboxStore.Draft notice(UUID id, OutboundRequest request, Contact contact, Instant now,
      Map<String, NoticeMailTemplate> templates) {
    String headerMessageId = "tact.outbox." + id + "@" + conversations.messageIdDomain();
    String recipient = emailOf(contact);
    String subject = request.subject().strip();
    MailAddress from = from();
    byte[] content = recipient == null ? null : templates.computeIfAbsent(subject,
        s -> new NoticeMailTemplate(from, s, now)).write(new MailAddress(recipient, contact.name()), headerMessageId,
        request.text());
    if (content != null && request.purpose() == Purpose.MARKETING) {
      content = withHeaders(unsubscribe.headers(contact.id(), Purpose.MARKETING).asMap(), content);
    }
    return new OutboxStore.Draft(request.idempotencyKey().strip(), OutboxKind.EMAIL, request.purpose(), "notice",
        null, null, contact.id(), recipient, from.address(), subject, headerMessageId, content);
  }

  /** A notice that could not be written as mail: its row keeps what was asked, without content. */
  private OutboxStore.Draft unwritten(UUID id, OutboundRequest request, Contact contact) {
    return new OutboxStore.Draft(request.idempotencyKey().strip(), OutboxKind.EMAIL, request.purpose(), "notice",
        null, null, contact.id(), emailOf(contact), from().address(), request.subject().strip(),
        "tact.outbox." + id + "@" + conversations.messageIdDomain(), null);
  }

  /**
   * Adds header fields in front of a written message (RFC 5322 header order carries no meaning).
   *
   * @throws UnsafeHeaderException when a name or value holds CR or LF
   */
  static byte[] withHeaders(Map<String, String> headers, byte[] message) {
    StringBuilder fields = new StringBuilder();
    headers.forEach((name, value) -> fields.append(OutgoingMailWriter.requireSingleLine(name, name)).append(": ")
        .append(OutgoingMailWriter.requireSingleLine(name, value)).append("\r\n"));
    byte[] prefix = fields.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] result = java.util.Arrays.copyOf(prefix, prefix.length + message.length);
    System.arraycopy(message, 0, result, prefix.length, message.length);
    return result;
  }

  private static String validate(OutboundRequest request, String where) {
    if (request == null) {
      throw ProblemException.invalid("missing-message", "A message is missing" + where + ".");
    }
    String key = requireKey(request.idempotencyKey(), where);
    if (request.contactId() == null) {
      throw ProblemException.invalid("missing-contact", "contactId is required" + where + ".");
    }
    if (request.purpose() == null) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: TRANSACTIONAL or MARKETING" + where
          + ".");
    }
    if (request.subject() == null || request.subject().isBlank() || request.subject().length() > MAX_SUBJECT) {
      throw ProblemException.invalid("invalid-subject", "subject is required, at most " + MAX_SUBJECT
          + " characters" + where + ".");
    }
    if (ControlCharacters.firstIn(request.subject()) >= 0) {
      throw ProblemException.invalid("control-characters", "subject is one line of text, without line breaks or "
          + "other control characters" + where + ".");
    }
    if (request.text() == null || request.text().isBlank()) {
      throw ProblemException.invalid("empty-text", "text must not be empty" + where + ".");
    }
    return key;
  }

  /**
   * Queues an email the caller rendered (an agent's reply): asks the policy for the contact, and
   * queues, defers or records the denial in the caller's transaction. Answers the row's id.
   */
  UUID queueRendered(OutboxStore.Draft draft, Channel channel, String policySubject, String actor) {
    return queueRendered(draft, channel, policySubject, actor, null);
  }

  /**
   * The same with the policy's decision the caller asked already (compose asks before the reply is written, so that a
   * denied reply is no response); null asks it here. The decision must be for this contact and channel.
   */
  UUID queueRendered(OutboxStore.Draft draft, Channel channel, String policySubject, String actor,
      AuditedDecision asked) {
    Optional<OutboxEntry> known = store.findByKey(draft.idempotencyKey());
    if (known.isPresent()) {
      return known.get().id();
    }
    if (asked != null && (!asked.request().contactId().equals(draft.contactId())
        || asked.request().channel() != channel)) {
      throw new IllegalArgumentException("the decision " + asked.id() + " is for another contact or channel");
    }
    UUID id = Ids.newId();
    AuditedDecision decided = draft.recipient() == null ? null : asked != null ? asked : policy.decide(
        new DecisionRequest(draft.contactId(), channel, draft.purpose(), clipSubject(policySubject), null), actor);
    store(id, draft, decided, actor);
    return id;
  }

  /** Adds a reply's CC and BCC as envelope recipients of its row, in the caller's transaction. */
  void setCopies(UUID id, List<String> copies) {
    store.setCopies(id, copies);
  }

  /**
   * Records, in the caller's transaction, a message that could not be written as mail (a header value would
   * have carried a line break): FAILED with the reason, never sent. The contact policy is not asked.
   */
  UUID recordUnwritable(OutboxStore.Draft draft, String reason) {
    Optional<OutboxEntry> known = store.findByKey(draft.idempotencyKey());
    if (known.isPresent()) {
      return known.get().id();
    }
    UUID id = Ids.newId();
    insertOrConflict(store.insertUnsendable(id, draft, null, OutboxState.FAILED, "Not sent: " + reason,
        clock.instant()), draft);
    return id;
  }

  /**
   * Records, in the caller's transaction, a reply written where there is no way out (no provider for its channel, a
   * phone conversation): UNDELIVERABLE with the reason, never sent, the contact policy not asked. Its content is kept:
   * once a provider is configured an admin may send it (retry asks the policy then).
   */
  UUID recordUndeliverable(OutboxStore.Draft draft, String reason) {
    Optional<OutboxEntry> known = store.findByKey(draft.idempotencyKey());
    if (known.isPresent()) {
      return known.get().id();
    }
    UUID id = Ids.newId();
    insertOrConflict(store.insertUnsendable(id, draft, null, OutboxState.UNDELIVERABLE, reason, clock.instant()),
        draft);
    return id;
  }

  /**
   * Stores a batch's rows as their decisions say (as {@link #store} does one), with a few round trips per batch: the
   * permits read back from the audit together, the contact history and the rows written in JDBC batches. {@code
   * decided} holds the decisions of the drafts with a recipient and content, in order.
   */
  private void storeAll(List<UUID> ids, List<OutboxStore.Draft> drafts, Map<UUID, String> unwritable,
      List<AuditedDecision> decided, String actor) {
    Map<UUID, ContactPermit> permits = policy.permits(decided.stream()
        .filter(d -> d.decision().outcome() != Decision.Outcome.DENY).map(AuditedDecision::id).toList());
    // now read after the decisions: an ALLOW's permit names the decision's own instant, never later than this
    Instant now = clock.instant();
    Iterator<AuditedDecision> decisions = decided.iterator();
    List<OutboxStore.NewRow> rows = new ArrayList<>(drafts.size());
    List<ContactPermit> allowed = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      UUID id = ids.get(i);
      OutboxStore.Draft draft = drafts.get(i);
      String whyNot = unwritable.get(id);
      if (whyNot != null) {
        rows.add(OutboxStore.unsendable(id, draft, null, OutboxState.FAILED, "Not sent: " + whyNot));
      } else if (draft.recipient() == null) {
        rows.add(OutboxStore.unsendable(id, draft, null, OutboxState.FAILED, noAddress(draft)));
      } else {
        AuditedDecision decision = decisions.next();
        if (decision.decision().outcome() == Decision.Outcome.DENY) {
          rows.add(OutboxStore.unsendable(id, draft, decision.id(), OutboxState.DENIED,
              decision.decision().summary()));
        } else {
          ContactPermit permit = permits.get(decision.id());
          if (permit == null) {
            throw new IllegalStateException("no permit for the audited decision " + decision.id());
          }
          allowed.add(permit);
          rows.add(OutboxStore.queued(id, draft, permit, now));
        }
      }
    }
    history.recordAll(allowed, actor);
    Set<UUID> taken = store.insertAll(rows, now);
    for (OutboxStore.NewRow row : rows) {
      insertOrConflict(!taken.contains(row.id()), row.draft());
    }
    if (!allowed.isEmpty()) {
      signal.afterCommit();
    }
  }

  private static String noAddress(OutboxStore.Draft draft) {
    return draft.kind() == OutboxKind.EMAIL ? "The contact has no email address."
        : "The contact has no address on this channel.";
  }

  /** Stores a row as its decision says: no recipient or DENY unsendable, else sendable with the permit. */
  private void store(UUID id, OutboxStore.Draft draft, AuditedDecision decided, String actor) {
    if (draft.recipient() == null) {
      insertOrConflict(store.insertUnsendable(id, draft, null, OutboxState.FAILED, draft.kind() == OutboxKind.EMAIL
          ? "The contact has no email address." : "The contact has no address on this channel.", clock.instant()), draft);
      return;
    }
    if (decided.decision().outcome() == Decision.Outcome.DENY) {
      insertOrConflict(store.insertUnsendable(id, draft, decided.id(), OutboxState.DENIED,
          decided.decision().summary(), clock.instant()), draft);
      return;
    }
    ContactPermit permit = policy.permit(decided.id()).orElseThrow();
    history.record(permit, actor);
    // now read after the decision: an ALLOW's permit names the decision's own instant, never later than this
    insertOrConflict(store.queue(id, draft, permit, clock.instant()), draft);
    signal.afterCommit();
  }

  private static void insertOrConflict(boolean inserted, OutboxStore.Draft draft) {
    if (!inserted) {
      // Another request with the same key is being queued right now; this one rolls back.
      throw ProblemException.conflict("outbox-key-in-use", "A message with idempotency key '"
          + draft.idempotencyKey() + "' is being queued at this moment; ask again to get it.");
    }
  }

  public Optional<OutboxEntry> find(UUID id) {
    return store.find(id).map(this::shown);
  }

  /**
   * A provider's later word on a message it took (e.g. Twilio's status callback): {@code delivered} false makes
   * the SENT row FAILED with {@code detail}; either way the attempt log records it. False when no row carries
   * that provider id.
   */
  @org.springframework.transaction.annotation.Transactional
  public boolean providerStatus(String providerMessageId, boolean delivered, String detail) {
    if (providerMessageId == null || providerMessageId.isBlank()) {
      return false;
    }
    return store.providerStatus(providerMessageId.strip(), delivered, detail, clock.instant());
  }

  public OutboxEntry require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("outbox-message", id));
  }

  public PageResult<OutboxEntry> list(OutboxState state, PageRequest page) {
    PageResult<OutboxEntry> found = store.list(state, page);
    return new PageResult<>(found.items().stream().map(this::shown).toList(), found.page(), found.size(),
        found.total());
  }

  /**
   * What the pages that queue mail warn of: no relay configured (and the mails waiting for one), and replies that
   * could not be delivered (UNDELIVERABLE). One question, answered once per page.
   */
  public RelayWarning relayWarning() {
    boolean configured = relays.configured();
    OutboxStore.Waiting waiting = store.countWaiting();
    return new RelayWarning(configured, configured ? 0 : waiting.email(), waiting.undeliverable());
  }

  /** Replies recorded UNDELIVERABLE (no way out on their channel), for the admin warning. */
  public long undeliverable() {
    return store.countWaiting().undeliverable();
  }

  /** Whether an SMTP relay is configured: without one, email is queued but not sent. */
  public boolean relayConfigured() {
    return relays.configured();
  }

  /** Emails queued or deferred while no relay is configured (they wait for one); 0 while one is. */
  public long waitingForRelay() {
    return relays.configured() ? 0 : store.countWaitingEmail();
  }

  /** The entry with what holds it back that its state does not say (no relay). */
  private OutboxEntry shown(OutboxEntry entry) {
    return entry != null && entry.waitingEmail() && !relays.configured()
        ? entry.notSendingBecause(OutboxEntry.NO_RELAY) : entry;
  }

  public Map<OutboxState, Long> counts() {
    return store.countByState();
  }

  /** The delivery of each of these conversation messages that went through the outbox. */
  public Map<UUID, OutboxEntry> ofMessages(Collection<UUID> messageIds) {
    Map<UUID, OutboxEntry> found = new java.util.HashMap<>(store.ofMessages(messageIds));
    found.replaceAll((id, entry) -> shown(entry));
    return found;
  }

  /** The delivery of one conversation message, for the conversation view. */
  public Optional<OutboxEntry> ofMessage(UUID messageId) {
    return Optional.ofNullable(store.ofMessages(List.of(messageId)).get(messageId)).map(this::shown);
  }

  /**
   * Sends a failed, bounced, cancelled or denied message again: the policy is asked afresh (a
   * denial answers 409 and changes nothing), and it is sent with its Message-ID.
   */
  @Transactional
  public OutboxEntry retry(UUID id, String actor) {
    OutboxEntry entry = require(id);
    EnumSet<OutboxState> retryable = EnumSet.of(OutboxState.FAILED, OutboxState.BOUNCED, OutboxState.CANCELLED,
        OutboxState.DENIED, OutboxState.UNDELIVERABLE);
    if (!retryable.contains(entry.state())) {
      throw ProblemException.conflict("outbox-not-retryable", "The message is " + entry.state().name().toLowerCase()
          + "; only failed, bounced, cancelled, denied or undeliverable messages can be retried.");
    }
    if (entry.kind() == OutboxKind.WEBHOOK) {
      // nothing carries a phone call: its rows only record a reply that could not be sent
      ChannelProviders.WayOut way = entry.channel() == Channel.PHONE ? null : providers.wayOut(entry.channel());
      if (way == null || !way.open()) {
        throw ProblemException.conflict("outbox-no-way-out", "It still cannot be delivered: "
            + (way == null ? "nothing carries " + PolicyChannels.name(entry.channel()).toLowerCase() : way.whyNot()) + ".");
      }
    }
    if (StaffMailEnqueuer.CAUSE.equals(entry.cause())) {
      throw ProblemException.conflict("outbox-staff-mail", "Mail to staff carries a one-time link that may no longer "
          + "work: send the invitation or the reset link again from Admin → Staff instead.");
    }
    if (entry.recipient() == null) {
      throw ProblemException.conflict("outbox-no-recipient", "The message has no recipient address to send to.");
    }
    if (!store.hasContent(id) && entry.sentAt() == null) {
      throw ProblemException.conflict("outbox-no-content", "The message was never written as mail ("
          + entry.lastError() + "); write it again instead.");
    }
    if (!store.hasContent(id)) {
      throw ProblemException.conflict("outbox-content-discarded", "The message was sent more than "
          + properties.keepSentContent().toDays() + " days ago and its content is no longer kept "
          + "(tact.delivery.keep-sent-content); write it again instead.");
    }
    AuditedDecision decided = policy.decide(new DecisionRequest(entry.contactId(), entry.channel(),
        entry.purpose(), clipSubject(entry.subject()), null), actor);
    ContactPermit permit = policy.permit(decided.id()).orElseThrow(() -> ProblemException.conflict("outbox-denied",
        "The contact policy denies sending it now: " + decided.decision().summary()));
    history.record(permit, actor);
    if (!store.requeue(id, retryable, permit, clock.instant())) {
      throw ProblemException.conflict("outbox-state-changed", "The message changed state meanwhile; look again.");
    }
    OutboxEntry after = require(id);
    audit.record(AuditRecord.of("outbox.retried", "outbox-message", id, "Sent again by " + actor + ": "
        + entry.state().name().toLowerCase() + " " + entry.kind().name().toLowerCase() + " to " + entry.recipient()
        + " (" + entry.subject() + "), now " + after.state().name().toLowerCase()).change(entry, after));
    signal.afterCommit();
    return after;
  }

  /** Cancels a queued or deferred message; one being sent or already final answers 409. */
  @Transactional
  public OutboxEntry cancel(UUID id, String actor) {
    OutboxEntry before = require(id);
    if (!store.finish(id, EnumSet.of(OutboxState.QUEUED, OutboxState.DEFERRED, OutboxState.UNDELIVERABLE),
        OutboxState.CANCELLED,
        "cancelled by " + actor, clock.instant())) {
      throw ProblemException.conflict("outbox-not-cancellable", "The message is "
          + require(id).state().name().toLowerCase() + "; only queued or deferred messages can be cancelled.");
    }
    OutboxEntry after = require(id);
    audit.record(AuditRecord.of("outbox.cancelled", "outbox-message", id, "Cancelled by " + actor + ": "
        + before.state().name().toLowerCase() + " " + before.kind().name().toLowerCase() + " to " + before.recipient()
        + " (" + before.subject() + ")").change(before, after));
    return after;
  }

  /** The From of Tact's own mail (notices, staff mail) as the relay settings in force have it. */
  MailAddress from() {
    return relays.relay().from();
  }

  static String emailOf(Contact contact) {
    return contact.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(i -> i.value())
        .findFirst().orElse(null);
  }

  private static String requireKey(String key, String where) {
    if (key == null || key.isBlank() || key.strip().length() > MAX_KEY) {
      throw ProblemException.invalid("invalid-idempotency-key",
          "idempotencyKey is required, 1 to " + MAX_KEY + " characters" + where + ".");
    }
    return key.strip();
  }

  private static String clipSubject(String subject) {
    return subject == null || subject.length() <= 200 ? subject : subject.substring(0, 200);
  }
}
