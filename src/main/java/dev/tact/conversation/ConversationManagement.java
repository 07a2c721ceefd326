package dev.tact.conversation;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.contact.ContactsMerged;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Everything that happens to a conversation, and its history. */
@Service
public class ConversationManagement {

  private final ConversationStore store;
  private final StaffDirectory staff;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ConversationProperties properties;
  private final ObjectProvider<ParticipantSource> participants;
  private final ObjectProvider<EarlierCopies> earlierCopies;
  private final AuditLog audit;
  private final ChangeRecorder changes;
  private final FiledTogether filedTogether;

  ConversationManagement(ConversationStore store, StaffDirectory staff, Clock clock, ApplicationEventPublisher events,
      ConversationProperties properties, ObjectProvider<ParticipantSource> participants,
      ObjectProvider<EarlierCopies> earlierCopies, AuditLog audit, ChangeRecorder changes,
      FiledTogether filedTogether) {
    this.filedTogether = filedTogether;
    this.audit = audit;
    this.changes = changes;
    this.participants = participants;
    this.earlierCopies = earlierCopies;
    this.store = store;
    this.staff = staff;
    this.clock = clock;
    this.events = events;
    this.properties = properties;
  }

  /**
   * Threads a customer's message: into the conversation it names, else into the open
   * conversation of its channel thread, else into a new one. A message whose external id was
   * seen before on the same channel is not stored again. A message whose subject names a
   * conversation its sender takes no part in opens a new one, linked to the one it mentions.
   */
  @Transactional
  public InboundOutcome receiveInbound(InboundMessage in) {
    return receiveInbound(in, threadOfMessage(in));
  }

  /**
   * Where this message belongs, decided once for the whole road in: a redelivery (stored before here, or kept
   * before by another module, see {@link EarlierCopies}), a follow-up of a conversation, a conversation of its own,
   * or, for a follow-up-only message that continues nothing, nowhere.
   */
  @Transactional(readOnly = true)
  public ThreadDecision threadOf(InboundMessage in) {
    if (in.externalMessageId() != null) {
      Optional<EarlierCopy> kept = earlierCopies.orderedStream().map(c -> c.earlierCopyOf(in))
          .flatMap(Optional::stream).findFirst();
      if (kept.isPresent()) {
        return new ThreadDecision.KeptElsewhere(kept.get());
      }
    }
    return threadOfMessage(in);
  }

  /** Files the message where {@link #threadOf} decided, without threading it again. */
  @Transactional
  public InboundOutcome receiveInbound(InboundMessage in, ThreadDecision decided) {
    Actor customer = Actor.contact(in.contactId(), in.contactName());
    Instant at = in.receivedAt();
    ConversationSummary conversation;
    boolean opened;
    switch (decided) {
      case ThreadDecision.Redelivered earlier -> {
        return new InboundOutcome(earlier.conversationId(), earlier.number(), earlier.messageId(), false, true);
      }
      case ThreadDecision.KeptElsewhere kept -> throw new IllegalArgumentException(
          "A message kept by another module is not filed: " + kept.copy().note());
      case ThreadDecision.Unfiled unfiled -> {
        return InboundOutcome.notFiled(in.messageId());
      }
      case ThreadDecision.Opens opens -> {
        opened = true;
        UUID id = Ids.newId();
        long number = store.nextNumber();
        store.insertConversation(id, number, subjectOf(in), in.channel(), in.contactId(), in.externalThreadId(),
            in.teamId(), at);
        changes.recordOpening(id, number, customer, "via " + in.channel().id(), at);
        conversation = new ConversationSummary(id, number, subjectOf(in), Status.NEW, Priority.NORMAL, in.channel(),
            in.contactId(), in.teamId(), null, List.of(), at, at, Tier.FIRST_LINE); // as just inserted
        if (opens.mentioned() != null) {
          link(conversation, opens.mentioned(), customer, at);
        }
      }
      case ThreadDecision.Continues continues -> {
        opened = false;
        conversation = continues.conversation();
        if (!in.automatic() && (conversation.status() == Status.PENDING || conversation.status() == Status.SOLVED)) {
          store.updateColumn(conversation.id(), "status", Status.OPEN.name(), at);
          changes.record(conversation.id(), customer, "STATUS_CHANGED",
              conversation.status().label() + " → " + Status.OPEN.label() + " (customer replied)", at);
          events.publishEvent(new StatusChanged(conversation.id(), conversation.status(), Status.OPEN, at));
        }
      }
    }
    Message message = new Message(in.messageId(), Direction.INBOUND, in.channel(), in.contactId(), null,
        in.contactName(), in.text() == null ? "" : in.text(), in.fullText(), in.automatic(), in.externalMessageId(),
        at);
    store.insertMessage(conversation.id(), message, in.inboundItemId());
    changes.recordTouching(conversation.id(), customer, "MESSAGE_RECEIVED", receivedDetail(in, conversation, opened),
        at, true);
    filedTogether.add(new FiledMessage(conversation.id(), conversation.number(), message.id(), in.contactId(),
        in.channel(), at, opened, in.automatic()));
    if (opened) {
      events.publishEvent(new ConversationOpened(conversation.id(), conversation.number(), in.contactId(),
          in.channel(), at, conversation.teamId(), conversation.priority()));
    }
    events.publishEvent(MessageAdded.of(conversation.id(), message, in.contactId(), in.unauthenticated()));
    return new InboundOutcome(conversation.id(), conversation.number(), message.id(), opened, false);
  }

  /** Threading by this module's own messages: a stored copy, else what the message continues. */
  private ThreadDecision threadOfMessage(InboundMessage in) {
    if (in.externalMessageId() != null) {
      Optional<Message> earlier = store.findMessageByExternalId(in.channel(), in.externalMessageId());
      if (earlier.isPresent()) {
        ConversationSummary c = store.find(store.conversationOfMessage(earlier.get().id())).orElseThrow();
        return new ThreadDecision.Redelivered(c.id(), c.number(), earlier.get().id());
      }
    }
    Threading threading = thread(in);
    if (threading.continued().isPresent()) {
      return new ThreadDecision.Continues(threading.continued().get());
    }
    return in.followUpOnly() ? new ThreadDecision.Unfiled() : new ThreadDecision.Opens(threading.mentioned());
  }

  /**
   * Keeps the labelled values a customer gave with a stored message (a web form's extra fields), in the caller's
   * transaction; intake calls it when it files the message.
   */
  @Transactional
  public void recordFields(UUID messageId, List<GivenField> fields) {
    if (fields != null && !fields.isEmpty()) {
      store.insertFields(messageId, fields);
    }
  }

  /** The labelled values customers gave with this conversation's messages, oldest first. */
  @Transactional(readOnly = true)
  public List<GivenField> givenFields(UUID conversationId) {
    return store.fieldsOf(conversationId);
  }

  public Optional<ConversationDetails> details(UUID id) {
    return store.find(id).map(c -> new ConversationDetails(c, store.messages(id), store.history(id),
        store.links(id)));
  }

  /** The conversation's version: it counts up with every change in its history (ADR 0037). */
  public long version(UUID id) {
    return store.version(id).orElseThrow(() -> ProblemException.notFound("conversation", id)).version();
  }

  /**
   * The version these details show: the one their newest history entries made. Read from what was shown rather
   * than afresh, so that a change made while the page was being read is not taken as seen.
   */
  public long versionShown(ConversationDetails details) {
    List<HistoryEntry> history = details.history();
    return store.versionOf(history.subList(Math.max(0, history.size() - 100), history.size()).stream()
        .map(HistoryEntry::id).toList());
  }

  /** What changed after {@code version}, oldest first ("Lena assigned this to Priya"). */
  @Transactional(readOnly = true)
  public List<ConversationChange> changesSince(UUID id, long version) {
    return changes.changesSince(id, version);
  }

  public ConversationDetails requireDetails(UUID id) {
    return details(id).orElseThrow(() -> ProblemException.notFound("conversation", id));
  }

  /** A conversation by its id or by its public number, as people and integrations write either. */
  public Optional<ConversationSummary> findByReference(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String ref = reference.strip();
    if (ref.startsWith("#")) {
      ref = ref.substring(1);
    }
    if (ref.chars().allMatch(Character::isDigit) && ref.length() <= 18) {
      return store.findByNumber(Long.parseLong(ref));
    }
    try {
      return store.find(UUID.fromString(ref));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** As {@link #findByReference}; a reference that names no conversation is a 404. */
  public ConversationSummary requireByReference(String reference) {
    return findByReference(reference).orElseThrow(() -> ProblemException.notFound("conversation", reference));
  }

  public PageResult<ConversationSummary> list(ConversationFilter filter, PageRequest page) {
    return store.list(filter, page);
  }

  public PageResult<ConversationSummary> list(ConversationFilter filter, ConversationSort sort, PageRequest page) {
    return store.list(filter, sort, page);
  }

  /** How many conversations the filter selects, in one query (counts beside the inbox's views). */
  public long count(ConversationFilter filter) {
    return store.count(filter);
  }

  /** The conversation this one was merged into, when it was (a visit to it goes there). */
  public Optional<ConversationSummary> mergedInto(UUID conversationId) {
    return store.mergedInto(conversationId).flatMap(store::find);
  }

  /** The numbers of the conversations merged into this one, oldest merge first. */
  public List<Long> mergedFrom(UUID conversationId) {
    return store.mergedFrom(conversationId);
  }

  /**
   * Merges {@code sourceId} into {@code targetId} (see docs/adr/0039): the source's messages move to the target,
   * its history, tags and links are copied there, and it is closed and marked merged into the target, so that later
   * customer replies to it thread into the target. Both histories and the audit log record it; {@link
   * ConversationsMerged} tells other modules. One into itself is a 422; a source merged before, or a closed or merged
   * target, a 409; nothing changes then.
   */
  @Transactional
  public ConversationSummary merge(UUID sourceId, UUID targetId, Actor actor) {
    if (sourceId.equals(targetId)) {
      throw ProblemException.invalid("merge-into-itself", "A conversation cannot be merged into itself.");
    }
    // Locked in a fixed order, so two merges of the same pair (either way round) wait for each other.
    (sourceId.compareTo(targetId) < 0 ? List.of(sourceId, targetId) : List.of(targetId, sourceId))
        .forEach(store::lock);
    ConversationSummary source = requireSummary(sourceId);
    ConversationSummary target = requireSummary(targetId);
    if (store.mergedInto(source.id()).isPresent()) {
      throw ProblemException.conflict("already-merged", "Conversation #" + source.number()
          + " was merged before; it has no messages of its own left.");
    }
    if (target.status() == Status.CLOSED) {
      throw ProblemException.conflict("target-closed", "Conversation #" + target.number()
          + " is closed; merge into a conversation that is not.");
    }
    Instant at = clock.instant();
    List<HistoryEntry> sourceHistory = store.history(source.id());
    List<UUID> moved = store.moveMessages(source.id(), target.id());
    store.copyHistory(sourceHistory, target.id(), "[#" + source.number() + "]");
    List<String> newTags = store.tagsOf(source.id()).stream().filter(tag -> store.addTag(target.id(), tag)).toList();
    store.copyLinks(source.id(), target.id(), at);
    store.recordMerge(source.id(), target.id(), actor, at, moved);
    if (source.status() != Status.CLOSED) {
      changeStatusInternal(source, actor, Status.CLOSED, at);
    }
    changes.record(source.id(), actor, "MERGED_INTO", "#" + target.number() + ": " + moved.size()
        + " message(s) moved there; replies to this conversation go there", at);
    changes.record(target.id(), actor, "MERGED_FROM", "#" + source.number() + " \"" + source.subject() + "\": "
        + moved.size() + " message(s)" + (newTags.isEmpty() ? "" : ", tags " + String.join(", ", newTags)), at);
    store.touch(target.id(), at, false);
    audit.record(AuditRecord.of("conversation.merged", "conversation", source.id(), "Merged #" + source.number()
        + " into #" + target.number() + " (" + moved.size() + " message(s) moved) by " + actor.name())
        .change(java.util.Map.of("conversation", source.number(), "status", source.status().id()),
            java.util.Map.of("mergedInto", target.number(), "messagesMoved", moved.size())));
    events.publishEvent(new ConversationsMerged(source.id(), source.number(), target.id(), target.number(), actor, at));
    // after ConversationsMerged, so that what a listener moved to the target is filed as the target (its tags now)
    return filed(requireSummary(target.id()), at);
  }

  /** Where a conversation went: itself, or the end of its chain of merges. */
  private ConversationSummary followMerges(ConversationSummary conversation) {
    ConversationSummary current = conversation;
    for (int hops = 0; hops < 20; hops++) {
      Optional<UUID> next = store.mergedInto(current.id());
      if (next.isEmpty()) {
        return current;
      }
      current = requireSummary(next.get());
    }
    return current;
  }

  /** When this contact's earliest conversation was opened, if it has any (noise control's "known customer"). */
  public Optional<Instant> firstConversationAt(UUID contactId) {
    return store.firstConversationAt(contactId);
  }

  /** As {@link #firstConversationAt} for each of these contacts, in one query; a contact without one is absent. */
  public java.util.Map<UUID, Instant> firstConversationsAt(java.util.Collection<UUID> contactIds) {
    return store.firstConversationsAt(contactIds);
  }

  /** Every conversation of one contact, newest activity first (at most 100). */
  public List<ConversationSummary> ofContact(UUID contactId) {
    return store.list(new ConversationFilter(Set.of(), null, null, false, null, contactId), new PageRequest(0, 100)).items();
  }

  @Transactional
  public Message reply(UUID conversationId, Actor agent, String text) {
    ConversationSummary c = requireOpenForWriting(conversationId);
    return reply(c, agent, text, c.channel(), true);
  }

  /**
   * A reply written on {@code channel} (the conversation's own, or another identity of the contact the agent chose).
   * {@code reachesCustomer} false marks a reply that has no way out (no provider for its channel, a phone
   * conversation): it is kept and shown, but {@link MessageAdded} says it is no response to the customer.
   */
  @Transactional
  public Message reply(UUID conversationId, Actor agent, String text, Channel channel, boolean reachesCustomer) {
    return reply(requireOpenForWriting(conversationId), agent, text, channel, reachesCustomer);
  }

  private Message reply(ConversationSummary c, Actor agent, String text, Channel channel, boolean reachesCustomer) {
    Message reply = addAgentMessage(c, agent, Direction.OUTBOUND, text, channel == null ? c.channel() : channel,
        reachesCustomer);
    if (c.status() == Status.NEW) {
      changeStatusInternal(c, agent, Status.OPEN, reply.createdAt());
    }
    return reply;
  }

  /**
   * Records a contact an agent made with the customer outside Tact (an outbound phone call they placed): in the
   * conversation given, or, when {@code conversationId} is null, in a new one opened for the contact on {@code
   * channel} and assigned to the agent. When the customer was {@code reached}, the entry is an outbound message on
   * {@code channel} (it answers the customer as a reply does, and a new conversation becomes open); otherwise an
   * internal note. Nothing is delivered: the call itself was the contact. Publishes {@link MessageAdded}.
   */
  @Transactional
  public RecordedContact recordAgentContact(UUID conversationId, UUID contactId, Channel channel, String subject,
      Actor agent, boolean reached, String text) {
    String body = requireText(text);
    ConversationSummary c;
    boolean opened = conversationId == null;
    if (opened) {
      Instant at = clock.instant();
      UUID id = Ids.newId();
      long number = store.nextNumber();
      store.insertConversation(id, number, subject == null || subject.isBlank() ? "(no subject)" : subject.strip(),
          channel, contactId, null, null, at);
      changes.recordOpening(id, number, agent, "by " + agent.name() + " via " + channel.id(), at);
      if (agent.kind() == Actor.Kind.AGENT && agent.id() != null) {
        store.updateColumn(id, "assignee_id", agent.id(), at);
      }
      c = store.find(id).orElseThrow();
    } else {
      c = requireOpenForWriting(conversationId);
    }
    Message message = addAgentMessage(c, agent, reached ? Direction.OUTBOUND : Direction.NOTE, body, channel, true);
    if (c.status() == Status.NEW && (reached || opened)) {
      changeStatusInternal(c, agent, Status.OPEN, message.createdAt());
    }
    return new RecordedContact(c.id(), c.number(), message, opened);
  }

  /**
   * The conversation goes on over another channel (a chat the visitor left goes on by email): later replies are
   * delivered on it. The history says why.
   */
  @Transactional
  public ConversationSummary changeChannel(UUID conversationId, Actor actor, Channel channel, String reason) {
    ConversationSummary c = requireSummary(conversationId);
    if (c.channel() == channel) {
      return c;
    }
    Instant at = clock.instant();
    store.updateColumn(c.id(), "channel", channel.name(), at);
    changes.record(c.id(), actor, "CHANNEL_CHANGED", c.channel().id() + " → " + channel.id()
        + (reason == null || reason.isBlank() ? "" : ": " + reason), at);
    return filed(requireSummary(conversationId), at);
  }

  @Transactional
  public Message addNote(UUID conversationId, Actor agent, String text) {
    ConversationSummary c = requireSummary(conversationId);
    return addAgentMessage(c, agent, Direction.NOTE, text, c.channel(), true);
  }

  /**
   * Sets the assignee (null to unassign) and, when given, the team. A new team or agent is published as {@link
   * ConversationPlaced} (a conversation waiting in triage leaves it).
   */
  @Transactional
  public ConversationSummary assign(UUID conversationId, Actor actor, UUID assigneeId, UUID teamId) {
    ConversationSummary c = requireSummary(conversationId);
    Instant at = clock.instant();
    boolean teamChanged = teamId != null && !teamId.equals(c.teamId());
    if (teamChanged) {
      String team = staff.requireTeam(teamId).name();
      store.updateColumn(c.id(), "team_id", teamId, at);
      changes.record(c.id(), actor, "TEAM_CHANGED", "to " + team, at);
      events.publishEvent(new TeamChanged(c.id(), teamId, actor.kind() == Actor.Kind.AGENT, at));
    }
    if (!java.util.Objects.equals(assigneeId, c.assigneeId())) {
      String detail;
      if (assigneeId == null) {
        detail = "unassigned";
      } else {
        Agent agent = staff.requireAgent(assigneeId);
        if (!agent.active()) {
          throw ProblemException.invalid("agent-inactive", agent.displayName() + " is not an active agent.");
        }
        detail = "to " + agent.displayName();
      }
      store.updateColumn(c.id(), "assignee_id", assigneeId, at);
      changes.record(c.id(), actor, "ASSIGNED", detail, at);
    }
    boolean agentGiven = assigneeId != null && !assigneeId.equals(c.assigneeId());
    if (teamChanged || agentGiven) {
      events.publishEvent(new ConversationPlaced(c.id(), teamChanged ? teamId : null, agentGiven ? assigneeId : null,
          actor, at));
    }
    ConversationSummary now = requireSummary(conversationId);
    return teamChanged || !java.util.Objects.equals(assigneeId, c.assigneeId()) ? filed(now, at) : now;
  }

  /**
   * Moves a conversation up to a higher tier, with the reason in its history for whoever takes it
   * next; the front door then gives it to an agent of that tier. A missing reason is a 422, a tier
   * not above the current one a 409; nothing changes then.
   */
  @Transactional
  public ConversationSummary escalate(UUID conversationId, Actor actor, Tier to, String reason) {
    ConversationSummary c = requireOpenForWriting(conversationId);
    if (to == null) {
      throw ProblemException.invalid("invalid-tier", "Give the tier to escalate to: specialist or lead.");
    }
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw ProblemException.invalid("missing-reason", "Say why (1 to 1000 characters), so nobody asks the customer again.");
    }
    if (to.ordinal() <= c.tier().ordinal()) {
      throw ProblemException.conflict("not-an-escalation", "Conversation #" + c.number() + " is already at "
          + c.tier().label() + "; escalate to a higher tier.");
    }
    Instant at = clock.instant();
    store.updateColumn(c.id(), "tier", to.name(), at);
    changes.record(c.id(), actor, "ESCALATED", c.tier().label() + " → " + to.label() + ": " + reason.strip(), at);
    events.publishEvent(new ConversationEscalated(c.id(), c.teamId(), to, reason.strip(), at));
    return requireSummary(conversationId);
  }

  @Transactional
  public ConversationSummary changeStatus(UUID conversationId, Actor actor, Status status) {
    ConversationSummary c = requireSummary(conversationId);
    if (c.status() == Status.CLOSED && status != Status.CLOSED) {
      throw ProblemException.conflict("conversation-closed", "Conversation #" + c.number() + " is closed; a new message opens a new conversation.");
    }
    if (c.status() != status) {
      changeStatusInternal(c, actor, status, clock.instant());
    }
    return requireSummary(conversationId);
  }

  @Transactional
  public ConversationSummary changePriority(UUID conversationId, Actor actor, Priority priority) {
    ConversationSummary c = requireSummary(conversationId);
    if (c.priority() != priority) {
      Instant at = clock.instant();
      store.updateColumn(c.id(), "priority", priority.name(), at);
      changes.record(c.id(), actor, "PRIORITY_CHANGED", c.priority().id() + " → " + priority.id(), at);
      events.publishEvent(new PriorityChanged(c.id(), c.priority(), priority, at));
    }
    return requireSummary(conversationId);
  }

  @Transactional
  public ConversationSummary addTags(UUID conversationId, Actor actor, Collection<String> tags) {
    ConversationSummary c = requireSummary(conversationId);
    Instant at = clock.instant();
    boolean added = false;
    for (String tag : Tags.normalise(tags)) {
      if (store.addTag(c.id(), tag)) {
        changes.record(c.id(), actor, "TAGGED", tag, at);
        store.touch(c.id(), at, false);
        added = true;
      }
    }
    ConversationSummary now = requireSummary(conversationId);
    return added ? filed(now, at) : now;
  }

  @Transactional
  public ConversationSummary removeTag(UUID conversationId, Actor actor, String tag) {
    ConversationSummary c = requireSummary(conversationId);
    Instant at = clock.instant();
    String normalised = Tags.normalise(tag);
    if (store.removeTag(c.id(), normalised)) {
      changes.record(c.id(), actor, "UNTAGGED", normalised, at);
      store.touch(c.id(), at, false);
      return filed(requireSummary(conversationId), at);
    }
    return requireSummary(conversationId);
  }

  /**
   * Locks the conversation's row for the caller's transaction, or fails at once (a
   * {@link org.springframework.dao.PessimisticLockingFailureException}) when another transaction holds it. For work
   * that already holds rows a change of the conversation takes after its row, such as a claimed timer: waiting there
   * would deadlock with that change.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockWithoutWaiting(UUID conversationId) {
    store.lockWithoutWaiting(conversationId);
  }

  /**
   * Adds an entry to a conversation's history on behalf of another module (an SLA warning, say); the kind is
   * upper-case words such as {@code SLA_BREACHED}.
   */
  @Transactional
  public void recordHistory(UUID conversationId, Actor actor, String kind, String detail) {
    ConversationSummary c = requireSummary(conversationId);
    changes.record(c.id(), actor, kind, detail, clock.instant());
  }

  /** When two contacts merge, their conversations follow the survivor, and each history says so. */
  @ApplicationModuleListener
  void on(ContactsMerged merged) {
    List<UUID> moved = store.conversationsOfContact(merged.mergedId());
    store.moveContact(merged.mergedId(), merged.survivorId());
    for (UUID conversationId : moved) {
      changes.record(conversationId, Actor.system(), "CONTACT_MERGED",
          "contact " + merged.mergedId() + " merged into " + merged.survivorId() + " by " + merged.mergedBy(),
          merged.mergedAt());
    }
  }

  /**
   * What a message continues, and the conversation its subject names when it may not join that one.
   *
   * @param mentioned a conversation the subject token names whose participants do not include the sender; null
   *     otherwise
   */
  private record Threading(Optional<ConversationSummary> continued, ConversationSummary mentioned) {

    static Threading to(Optional<ConversationSummary> continued) {
      return new Threading(continued, null);
    }
  }

  private Threading thread(InboundMessage in) {
    if (in.conversationReference() != null && !in.conversationReference().isBlank()) {
      ConversationSummary named = findByReference(in.conversationReference())
          .orElseThrow(() -> ProblemException.notFound("conversation", in.conversationReference()));
      // A closed conversation is history: the customer's new message starts a new one; a merged one went on there.
      ConversationSummary current = followMerges(named);
      return Threading.to(current.status() == Status.CLOSED ? Optional.empty() : Optional.of(current));
    }
    if (in.externalThreadId() != null && !in.externalThreadId().isBlank()) {
      ConversationStore.ThreadEnd thread = store.threadEnd(in.channel(), in.externalThreadId());
      if (thread.open().isPresent()) {
        return Threading.to(thread.open());
      }
      Optional<ConversationSummary> mergedThread = thread.mergedInto().flatMap(store::find).map(this::followMerges)
          .filter(c -> c.status() != Status.CLOSED);
      if (mergedThread.isPresent()) {
        return Threading.to(mergedThread);
      }
    }
    // A reply to a closed conversation is a new matter: it opens a new conversation.
    Optional<ConversationSummary> replied = store.conversationsWithMessages(in.channel(), in.repliesTo()).stream()
        .filter(c -> c.status() != Status.CLOSED).findFirst();
    if (replied.isPresent() || in.subjectNumber() == null) {
      return Threading.to(replied);
    }
    Optional<ConversationSummary> named = store.findByNumber(in.subjectNumber());
    if (named.isEmpty()) {
      return Threading.to(Optional.empty());
    }
    // Numbers are easy to guess: a token joins only a conversation the sender already takes part in.
    ConversationSummary current = followMerges(named.get());
    if (!takesPart(named.get(), in) && !takesPart(current, in)) {
      return new Threading(Optional.empty(), current);
    }
    return Threading.to(Optional.of(current).filter(c -> c.status() != Status.CLOSED));
  }

  private boolean takesPart(ConversationSummary conversation, InboundMessage in) {
    if (in.forwardedBy() != null) {
      return true; // staff forwarded it on the requester's behalf
    }
    return in.contactId() != null && (store.isRequesterOrSender(conversation.id(), in.contactId())
        || participants.orderedStream().anyMatch(p -> p.takesPart(conversation.id(), in.contactId())));
  }

  /** The new conversation mentions the one the subject named; both histories say so for an agent to decide. */
  private void link(ConversationSummary opened, ConversationSummary mentioned, Actor customer, Instant at) {
    store.insertLink(opened.id(), mentioned.id(), "MENTIONS", at);
    changes.record(opened.id(), Actor.system(), "LINKED", "mentions #" + mentioned.number() + ": the subject "
        + "names #" + mentioned.number() + ", but " + customer.name() + " takes no part in it, so the message did not "
        + "join it", at);
    changes.record(mentioned.id(), Actor.system(), "MENTIONED", "mentioned by #" + opened.number() + " (opened by "
        + customer.name() + ", who takes no part here)", at);
  }

  private static String receivedDetail(InboundMessage in, ConversationSummary conversation, boolean opened) {
    String detail = "via " + in.channel().id();
    if (in.forwardedBy() != null) {
      detail += ", forwarded by " + in.forwardedBy();
    }
    if (in.conversationReference() != null && !in.conversationReference().isBlank() && !opened) {
      detail += ", into #" + conversation.number() + " as named by "
          + (in.submittedBy() == null ? "its sender" : in.submittedBy());
    }
    return in.automatic() ? detail + " (automatic)" : detail;
  }

  /** How many conversations not yet solved or closed each of these agents holds (absent: none). */
  public java.util.Map<UUID, Long> openLoad(Collection<UUID> agentIds) {
    return agentIds.isEmpty() ? java.util.Map.of() : store.openLoad(agentIds);
  }

  /** The id of the message with this external id on this channel (for email: its Message-ID). */
  public Optional<UUID> findMessageIdByExternalId(Channel channel, String externalId) {
    return store.findMessageByExternalId(channel, externalId).map(Message::id);
  }

  /** The Message-IDs an email reply in this conversation refers to (References), oldest first. */
  public List<String> threadReferences(UUID conversationId) {
    return store.externalIdsOf(conversationId);
  }

  /** One message by its id (for modules that read what a customer wrote, e.g. opt-out wording). */
  public Optional<Message> findMessage(UUID messageId) {
    return store.findMessage(messageId);
  }

  /**
   * The activity of each of these contacts that has any conversation (contacts without one are
   * absent), read with a few queries per 1,000 contacts: for campaign-sized batches.
   */
  public java.util.Map<UUID, ContactActivity> activityOf(Collection<UUID> contactIds) {
    java.util.Map<UUID, ContactActivity> result = new java.util.HashMap<>();
    InLists.forEachSlice(contactIds, chunk -> {
      java.util.Map<UUID, Channel> inbound = store.lastInboundChannels(chunk);
      store.activityRows(chunk, (contact, status, updatedAt, complaint) -> {
        boolean open = status != Status.SOLVED && status != Status.CLOSED;
        ContactActivity before = result.get(contact);
        Instant last = before == null || before.lastActivity() == null || updatedAt.isAfter(before.lastActivity())
            ? updatedAt : before.lastActivity();
        result.put(contact, new ContactActivity(contact, open || (before != null && before.openConversation()),
            (open && complaint) || (before != null && before.openComplaint()), last, inbound.get(contact)));
      });
    });
    return result;
  }

  /**
   * Opens a conversation an agent starts: {@code text} is its first message, outbound on {@code channel} to the
   * contact. Published as {@link ConversationOpened} and {@link MessageAdded} like any other; its history says who
   * opened it. Answers the new conversation (its only message is the agent's). The caller (compose) queues the
   * message for delivery in the same transaction.
   */
  @Transactional
  public ConversationDetails openOutbound(UUID contactId, Channel channel, String subject, Actor agent, String text,
      boolean reachesCustomer) {
    if (contactId == null) {
      throw ProblemException.invalid("missing-contact", "A contact is required.");
    }
    String title = subject == null ? "" : subject.strip();
    if (title.isEmpty() || title.length() > 500 || title.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw ProblemException.invalid("invalid-subject", "A subject is required: one line of at most 500 characters.");
    }
    requireText(text);
    Instant at = clock.instant();
    UUID id = Ids.newId();
    long number = store.nextNumber();
    store.insertConversation(id, number, title, channel, contactId, null, null, at);
    changes.recordOpening(id, number, agent, "by " + agent.name() + ", outbound via " + channel.id(), at);
    ConversationSummary c = store.find(id).orElseThrow();
    events.publishEvent(new ConversationOpened(id, number, contactId, channel, at, c.teamId(), c.priority()));
    reply(c, agent, text, channel, reachesCustomer);
    return requireDetails(id);
  }

  private Message addAgentMessage(ConversationSummary c, Actor agent, Direction direction, String text,
      Channel channel, boolean reachesCustomer) {
    String body = requireText(text);
    Instant at = clock.instant();
    UUID id = Ids.newId();
    // Replies carry a Message-ID of their own, so that the customer's answer threads back here.
    String externalId = direction == Direction.OUTBOUND
        ? "tact." + c.number() + "." + id + "@" + properties.messageIdDomain() : null;
    Message message = new Message(id, direction, channel, null, agent.id(), agent.name(), body, null, false,
        externalId, at);
    store.insertMessage(c.id(), message, null);
    changes.recordTouching(c.id(), agent, direction == Direction.NOTE ? "NOTE_ADDED" : "REPLIED",
        direction == Direction.OUTBOUND && channel != c.channel() ? "via " + channel.id() : null, at,
        direction == Direction.OUTBOUND);
    events.publishEvent(MessageAdded.of(c.id(), message, c.contactId(), false, reachesCustomer));
    return message;
  }

  private void changeStatusInternal(ConversationSummary c, Actor actor, Status status, Instant at) {
    store.updateColumn(c.id(), "status", status.name(), at);
    changes.record(c.id(), actor, "STATUS_CHANGED", c.status().label() + " → " + status.label(), at);
    events.publishEvent(new StatusChanged(c.id(), c.status(), status, at));
  }

  /** Tells other modules what the conversation is filed under now ({@link FilingChanged}); answers it. */
  private ConversationSummary filed(ConversationSummary now, Instant at) {
    events.publishEvent(FilingChanged.of(now, at));
    return now;
  }

  private ConversationSummary requireSummary(UUID id) {
    return store.find(id).orElseThrow(() -> ProblemException.notFound("conversation", id));
  }

  private ConversationSummary requireOpenForWriting(UUID id) {
    ConversationSummary c = requireSummary(id);
    if (c.status() == Status.CLOSED) {
      throw ProblemException.conflict("conversation-closed", "Conversation #" + c.number() + " is closed.");
    }
    return c;
  }

  private String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("empty-text", "The text must not be empty.");
    }
    if (text.length() > properties.maxTextLength()) {
      throw new ProblemException(413, "text-too-large", "Text too large",
          "The text has " + text.length() + " characters; the limit is " + properties.maxTextLength() + ".");
    }
    return text;
  }

  private static String subjectOf(InboundMessage in) {
    if (in.subject() != null && !in.subject().isBlank()) {
      String s = in.subject().strip();
      return s.length() <= 500 ? s : s.substring(0, 500);
    }
    String text = in.text() == null ? "" : in.text().strip();
    String firstLine = text.lines().findFirst().orElse("").strip();
    if (firstLine.isEmpty()) {
      return "(no subject)";
    }
    return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77) + "…";
  }
}
