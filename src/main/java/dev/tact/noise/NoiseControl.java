package dev.tact.noise;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.conversation.ThreadDecision;
import dev.tact.mail.StaffDomains;
import dev.tact.noise.similarity.IndexMatch;
import dev.tact.noise.similarity.MinHasher;
import dev.tact.noise.similarity.Signature;
import dev.tact.noise.similarity.TextNormaliser;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, for every new inbound message after its contact is known and before it is filed,
 * whether it is new, a follow-up, a copy of a message already filed (then it joins that
 * conversation as a linked report), past a rate limit (held), or a redelivery. A copy is the same
 * author's text with a MinHash similarity of at least {@code tact.noise.threshold} within
 * {@code tact.noise.window}. The check and the write that follows it run under the author's
 * database row lock, so copies handled at once on several nodes still open one conversation.
 */
@Service
public class NoiseControl {

  static final String UNKNOWN_AUTHOR = "*";

  private final TextNormaliser normaliser = new TextNormaliser();
  private final MinHasher hasher = new MinHasher();
  private final NoiseLocks locks;
  private final SignatureCache signatures;
  private final SignatureStore signatureStore;
  private final ReportStore reports;
  private final MailBombs mailBombs;
  private final ConversationManagement conversations;
  private final StaffDomains staffDomains;
  private final NoiseProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NoiseControl(NoiseLocks locks, SignatureCache signatures, SignatureStore signatureStore, ReportStore reports,
      MailBombs mailBombs, ConversationManagement conversations, StaffDomains staffDomains,
      NoiseProperties properties, ApplicationEventPublisher events, Clock clock) {
    this.locks = locks;
    this.signatures = signatures;
    this.signatureStore = signatureStore;
    this.reports = reports;
    this.mailBombs = mailBombs;
    this.conversations = conversations;
    this.staffDomains = staffDomains;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The decision for one new inbound message, in the caller's transaction (the pipeline step's), from what the
   * road in already knows: where {@code thread} put the message and the sender's {@code standing}. A DUPLICATE is
   * linked as a report and a HELD message added to its group here, so the caller only marks its intake item. For
   * NEW, the caller files the message and then calls {@link #filed}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public NoiseDecision decide(NoiseCandidate candidate, ThreadDecision thread, SenderStanding standing) {
    InboundMessage in = candidate.message();
    if (!properties.enabled()) {
      return new NoiseDecision.New("noise control is off");
    }
    Optional<NoiseDecision> settled = NoiseRules.settledByThreading(thread);
    if (settled.isPresent()) {
      return settled.get();
    }
    RateLimits limits = mailBombs.limitsFor(in.teamId());
    boolean limited = !NoiseRules.exempt(candidate, staffDomains.isStaff(candidate.sender()),
        properties.exemptKnownCustomers(), standing, in.receivedAt().minus(limits.window()))
        && !released(in);
    List<String> scopes = limited ? mailBombs.scopesOf(candidate.sender()) : List.of();
    List<String> keys = new ArrayList<>();
    keys.add("author:" + authorOf(candidate));
    keys.addAll(scopes);
    locks.lock(keys);
    Signature signature = signatureOf(in.text());
    if (!signature.isEmpty()) {
      Optional<IndexMatch> match = signatures.bestMatch(authorOf(candidate), signature, properties.threshold());
      Optional<UUID> cluster = match.flatMap(m -> signatureStore.conversationOf(m.ref()));
      if (cluster.isPresent()) {
        return join(candidate, signature, cluster.get(), match.get().similarity());
      }
    }
    if (limited) {
      Optional<HeldGroup> group = mailBombs.countOrHold(in.inboundItemId(), in, candidate.sender(), scopes, limits);
      if (group.isPresent()) {
        return new NoiseDecision.Held(group.get().id(),
            "Held: " + group.get().scope() + " is past its rate limit (" + group.get().count() + " held).");
      }
    }
    return new NoiseDecision.New("no copy of it in the window");
  }

  /**
   * After a NEW message was filed: when it opened a conversation, it becomes that conversation's
   * original report and its signature the cluster's first, still under the author's lock.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void filed(NoiseCandidate candidate, NoiseDecision decision, InboundOutcome outcome) {
    if (!properties.enabled() || !(decision instanceof NoiseDecision.New) || !outcome.openedConversation()) {
      return;
    }
    InboundMessage in = candidate.message();
    UUID reportId = in.messageId();
    reports.insert(new LinkedReport(reportId, outcome.conversationId(), LinkedReport.Kind.ORIGINAL, in.channel(),
        candidate.reporter(), candidate.forwarded(), candidate.comment(), in.contactId(), in.contactName(),
        in.subject(), in.text(), 1.0, in.inboundItemId(), outcome.messageId(), in.externalMessageId(),
        in.receivedAt(), null, null, null));
    remember(authorOf(candidate), signatureOf(in.text()), outcome.conversationId(), reportId, in.receivedAt());
  }

  /** Every report of a conversation, the original first. */
  public List<LinkedReport> reports(UUID conversationId) {
    conversations.requireDetails(conversationId);
    return reports.ofConversation(conversationId);
  }

  /** How many reports (not split out) each of these conversations has; absent: none recorded. */
  public Map<UUID, Integer> reportCounts(Collection<UUID> conversationIds) {
    return reports.counts(conversationIds);
  }

  /**
   * Splits a wrongly joined report out of its conversation: it opens a conversation of its own from
   * the report's message, both conversations note the split, and the report's signature belongs to
   * the new conversation from then on, so nothing similar to it is joined to the old one because of it.
   */
  @Transactional
  public ConversationSummary split(UUID conversationId, UUID reportId, Actor agent) {
    LinkedReport report = reports.find(reportId).filter(r -> r.conversationId().equals(conversationId))
        .orElseThrow(() -> ProblemException.notFound("report", reportId));
    if (report.kind() == LinkedReport.Kind.ORIGINAL) {
      throw ProblemException.conflict("original-report", "This report opened the conversation; there is nothing to "
          + "split it from.");
    }
    locks.lock(List.of("author:" + signatureStore.authorOfReport(reportId).orElse(UNKNOWN_AUTHOR)));
    if (reports.find(reportId).orElseThrow().split()) {
      throw ProblemException.conflict("already-split", "This report was already split out.");
    }
    ConversationSummary from = conversations.requireDetails(conversationId).conversation();
    InboundOutcome opened = conversations.receiveInbound(InboundMessage.builder(report.id(), report.channel())
        .inboundItem(report.inboundItemId()).contact(report.contactId(), report.contactName())
        .subject(report.subject()).text(report.text()).receivedAt(report.receivedAt()).team(from.teamId())
        .forwardedBy(report.forwarded() ? report.reporter() : null).build());
    Instant at = clock.instant();
    reports.markSplit(reportId, at, agent.name(), opened.conversationId(), opened.messageId());
    UUID newReport = Ids.newId();
    reports.insert(new LinkedReport(newReport, opened.conversationId(), LinkedReport.Kind.ORIGINAL, report.channel(),
        report.reporter(), report.forwarded(), report.comment(), report.contactId(), report.contactName(),
        report.subject(), report.text(), 1.0, report.inboundItemId(), opened.messageId(), report.externalId(),
        report.receivedAt(), null, null, null));
    signatureStore.moveReport(reportId, newReport, opened.conversationId());
    conversations.addNote(conversationId, agent, "Split the report by " + report.reporter() + " out to #"
        + opened.number() + ".");
    conversations.addNote(opened.conversationId(), agent, "Split out of #" + from.number() + ", which it had been "
        + "joined to as a copy.");
    events.publishEvent(new ReportSplit(reportId, conversationId, opened.conversationId(), agent.name(), at));
    return conversations.requireDetails(opened.conversationId()).conversation();
  }

  /** Signatures this node holds in memory (for metrics and tests). */
  public int indexSize() {
    return signatures.size();
  }

  private NoiseDecision join(NoiseCandidate candidate, Signature signature, UUID conversationId, double similarity) {
    InboundMessage in = candidate.message();
    UUID reportId = in.messageId();
    reports.insert(new LinkedReport(reportId, conversationId, LinkedReport.Kind.DUPLICATE, in.channel(),
        candidate.reporter(), candidate.forwarded(), candidate.comment(), in.contactId(), in.contactName(),
        in.subject(), in.text(), similarity, in.inboundItemId(), null, in.externalMessageId(), in.receivedAt(), null,
        null, null));
    remember(authorOf(candidate), signature, conversationId, reportId, in.receivedAt());
    return new NoiseDecision.Duplicate(conversationId, reportId, similarity,
        "A copy of the message that opened the conversation (similarity " + Math.round(similarity * 100) + "%).");
  }

  private void remember(String author, Signature signature, UUID conversationId, UUID reportId, Instant receivedAt) {
    if (signature.isEmpty()) {
      return;
    }
    long ref = signatureStore.insert(author, signature.toBytes(), conversationId, reportId, receivedAt,
        clock.instant());
    signatures.add(ref, author, signature, receivedAt);
  }

  /** Whether an agent released this message from a held group (it comes back as the same item): not limited again. */
  private boolean released(InboundMessage in) {
    return mailBombs.heldItem(in.inboundItemId()).filter(h -> h.state() == HeldGroup.Status.RELEASED).isPresent();
  }

  private static String authorOf(NoiseCandidate candidate) {
    return candidate.authorKey() == null ? UNKNOWN_AUTHOR : candidate.authorKey();
  }

  private Signature signatureOf(String text) {
    return hasher.sign(normaliser.normalise(text == null ? "" : text));
  }

  /** Forgets signatures that left the window. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  @Transactional
  void prune() {
    signatureStore.deleteReceivedBefore(clock.instant().minus(properties.window()));
  }
}
