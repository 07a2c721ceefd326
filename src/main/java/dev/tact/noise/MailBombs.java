package dev.tact.noise;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-sender and per-domain rate limits on new conversations, counted in a sliding window in the
 * database under the sender's and domain's noise locks (so that every node counts the same; the
 * domains of {@link FreeMailDomains} are limited per sender only), and
 * the groups of messages held past them: agents release a group (each message is then filed as
 * usual) or discard it (its raw items stay in the inbound log).
 */
@Service
public class MailBombs {

  private static final int MAX_LIMIT = 1_000_000;

  private final HeldStore held;
  private final LimitStore limits;
  private final NoiseProperties properties;
  private final StaffDirectory staff;
  private final ApplicationEventPublisher events;
  private final AuditLog auditLog;
  private final FreeMailDomains freeMail;
  private final Clock clock;

  MailBombs(HeldStore held, LimitStore limits, NoiseProperties properties, StaffDirectory staff,
      ApplicationEventPublisher events, AuditLog auditLog, FreeMailDomains freeMail, Clock clock) {
    this.held = held;
    this.limits = limits;
    this.properties = properties;
    this.staff = staff;
    this.events = events;
    this.auditLog = auditLog;
    this.freeMail = freeMail;
    this.clock = clock;
  }

  /** The limits that hold for mail to this team (null: mail no team receives). */
  public RateLimits limitsFor(UUID teamId) {
    return limits.ownOrDefault(teamId).orElseGet(() -> new RateLimits(teamId, properties.perSender(),
        properties.perDomain(), properties.rateWindow()));
  }

  /** The limits set by admins (the default first, when set), beside the configured defaults. */
  public List<RateLimits> configuredLimits() {
    return limits.all();
  }

  /** Sets a team's limits (teamId null: the default for every team without its own). Bad values: 422. */
  @Transactional
  public RateLimits setLimits(UUID teamId, Integer perSender, Integer perDomain, Integer windowSeconds) {
    if (teamId != null) {
      staff.requireTeam(teamId);
    }
    if (perSender == null || perSender < 1 || perSender > MAX_LIMIT || perDomain == null || perDomain < 1
        || perDomain > MAX_LIMIT) {
      throw ProblemException.invalid("invalid-limits", "perSender and perDomain must be whole numbers from 1 to "
          + MAX_LIMIT + ".");
    }
    if (windowSeconds == null || windowSeconds < 60 || windowSeconds > 7 * 24 * 3600) {
      throw ProblemException.invalid("invalid-limits", "windowSeconds must be from 60 (a minute) to 604800 (a week).");
    }
    RateLimits before = limitsFor(teamId);
    RateLimits set = new RateLimits(teamId, perSender, perDomain, Duration.ofSeconds(windowSeconds));
    limits.save(set, clock.instant());
    auditLog.record(AuditRecord.of("noise.limits.changed", teamId == null ? "noise-limits" : "team",
        teamId == null ? "default" : teamId, "Mail-bomb limits " + (teamId == null ? "by default" : "of team "
            + staff.requireTeam(teamId).name()) + ": " + perSender + " per sender, " + perDomain + " per domain in "
            + windowSeconds + " s").change(audited(before), audited(set)));
    return set;
  }

  /** Removes a team's own limits: the default holds for it again. */
  @Transactional
  public void clearLimits(UUID teamId) {
    RateLimits before = limitsFor(teamId);
    if (!limits.delete(teamId)) {
      throw ProblemException.notFound("limits of team", teamId == null ? "default" : teamId);
    }
    auditLog.record(AuditRecord.of("noise.limits.cleared", teamId == null ? "noise-limits" : "team",
        teamId == null ? "default" : teamId, "Mail-bomb limits " + (teamId == null ? "set by admins cleared: the "
            + "configured ones hold" : "of team " + teamId + " cleared: the default holds for it"))
        .change(audited(before), audited(limitsFor(teamId))));
  }

  /** Limits as the audit log keeps them: the window in seconds. */
  private static Map<String, Object> audited(RateLimits limits) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("teamId", limits.teamId());
    values.put("perSender", limits.perSender());
    values.put("perDomain", limits.perDomain());
    values.put("windowSeconds", limits.window().toSeconds());
    return values;
  }

  public List<HeldGroup> groups(HeldGroup.Status status) {
    return held.groups(status == null ? HeldGroup.Status.HELD : status);
  }

  public HeldGroup requireGroup(UUID id) {
    return held.group(id).orElseThrow(() -> ProblemException.notFound("held group", id));
  }

  public List<HeldMessage> messages(UUID groupId) {
    requireGroup(groupId);
    return held.items(groupId);
  }

  /** Releases a held group: each of its messages is then filed as usual. A group decided before: 409. */
  @Transactional
  public HeldGroup release(UUID groupId, String by) {
    HeldGroup group = lockUndecided(groupId);
    List<UUID> items = held.items(groupId).stream().filter(m -> m.state() == HeldGroup.Status.HELD)
        .map(HeldMessage::itemId).toList();
    Instant at = clock.instant();
    held.decide(groupId, HeldGroup.Status.RELEASED, at, by);
    events.publishEvent(new HeldMessagesReleased(group.id(), items, by, at));
    return audited("noise.held.released", "Released", group, items.size());
  }

  /** Discards a held group: nothing is filed; the raw messages stay in the inbound log. A group decided before: 409. */
  @Transactional
  public HeldGroup discard(UUID groupId, String by) {
    HeldGroup group = lockUndecided(groupId);
    List<UUID> items = held.items(groupId).stream().filter(m -> m.state() == HeldGroup.Status.HELD)
        .map(HeldMessage::itemId).toList();
    Instant at = clock.instant();
    held.decide(groupId, HeldGroup.Status.DISCARDED, at, by);
    events.publishEvent(new HeldMessagesDiscarded(group.id(), items, by, at));
    return audited("noise.held.discarded", "Discarded", group, items.size());
  }

  /** The decided group, after its audit entry is written in the decision's transaction. */
  private HeldGroup audited(String action, String verb, HeldGroup before, int messages) {
    HeldGroup after = requireGroup(before.id());
    auditLog.record(AuditRecord.of(action, "heldGroup", before.id(), verb + " the held group " + before.scope()
            + " (" + messages + (messages == 1 ? " message)." : " messages)."))
        .change(auditState(before), auditState(after)));
    return after;
  }

  private static Map<String, Object> auditState(HeldGroup group) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("scope", group.scope());
    state.put("status", group.status().name());
    state.put("count", group.count());
    state.put("decidedBy", group.decidedBy());
    return state;
  }

  private HeldGroup lockUndecided(UUID groupId) {
    HeldGroup group = held.lockGroup(groupId).orElseThrow(() -> ProblemException.notFound("held group", groupId));
    if (group.status() != HeldGroup.Status.HELD) {
      throw ProblemException.conflict("group-decided", "This group was already " + group.status().name()
          .toLowerCase(Locale.ROOT) + " by " + group.decidedBy() + ".");
    }
    return group;
  }

  /**
   * The limits a sender counts against, which are also the lock keys of its rate check: an address and its
   * domain, or only the address for a free-mail provider's (whose customers are strangers to each other); a
   * handle or phone by itself.
   */
  List<String> scopesOf(String sender) {
    return scopesOf(sender, freeMail::isFreeMail);
  }

  static List<String> scopesOf(String sender, Predicate<String> freeMailDomain) {
    if (sender == null || sender.isBlank()) {
      return List.of();
    }
    int at = sender.lastIndexOf('@');
    boolean emailAddress = at > 0 && at < sender.length() - 1 && sender.indexOf(':') < 0;
    if (!emailAddress || freeMailDomain.test(sender.substring(at + 1))) {
      return List.of("sender:" + sender);
    }
    return List.of("sender:" + sender, "domain:" + sender.substring(at + 1));
  }

  /**
   * Counts this new conversation against the limits of its scopes (from {@link #scopesOf}), or holds it when
   * one is reached (the first of them in order). {@code limit}: {@link #limitsFor} the message's team. The caller
   * holds the scopes' locks.
   */
  Optional<HeldGroup> countOrHold(UUID itemId, InboundMessage message, String sender, List<String> scopes,
      RateLimits limit) {
    Map<String, Long> arrivals = held.arrivals(scopes, message.receivedAt().minus(limit.window()));
    for (String scope : scopes) {
      int max = scope.startsWith("sender:") ? limit.perSender() : limit.perDomain();
      if (arrivals.getOrDefault(scope, 0L) >= max) {
        return Optional.of(hold(scope, itemId, message, sender));
      }
    }
    held.recordArrivals(scopes, message.receivedAt(), itemId);
    return Optional.empty();
  }

  private HeldGroup hold(String scope, UUID itemId, InboundMessage message, String sender) {
    HeldGroup group = held.openGroup(scope).orElseGet(() -> {
      UUID id = Ids.newId();
      held.insertGroup(id, scope, message.teamId(), message.receivedAt(), message.subject(), message.text());
      return held.group(id).orElseThrow();
    });
    held.addItem(group.id(), itemId, message.channel(), message.externalMessageId(), sender, message.subject(),
        message.receivedAt());
    return held.group(group.id()).orElseThrow();
  }

  Optional<HeldMessage> heldItem(UUID itemId) {
    return held.findItem(itemId);
  }

  /** Forgets arrivals older than any window could count. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  @Transactional
  void prune() {
    held.deleteArrivalsBefore(clock.instant().minus(Duration.ofDays(8)));
  }
}
