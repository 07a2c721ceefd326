package dev.tact.sla;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactTierChanged;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationOpened;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.PriorityChanged;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.conversation.TeamChanged;
import dev.tact.routing.ConversationIntent;
import dev.tact.routing.FrontDoor;
import dev.tact.routing.IntentDecided;
import dev.tact.sla.ClockStore.Tracked;
import dev.tact.timer.FiredTimer;
import dev.tact.timer.Timers;
import dev.tact.staff.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each conversation's SLA clocks (ADR 11), kept in step with the conversation in the same transaction as each
 * change: first response from the opening to the first agent reply; next response from each customer message
 * after an agent reply to the next agent reply; resolution from the opening until solved or closed (a reopened
 * conversation continues it). Every clock pauses while the conversation is PENDING. Due and warning instants come
 * from the team's {@link BusinessCalendar}; durable {@link Timers} ({@value #WARNING_TIMER}, {@value
 * #BREACH_TIMER}) fire the warning and the breach once each.
 */
@Service
public class SlaClocks {

  static final String WARNING_TIMER = "sla.warning";
  static final String BREACH_TIMER = "sla.breach";
  private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private final ClockStore store;
  private final TeamCalendars calendars;
  private final SlaPolicies policies;
  private final ConversationManagement conversations;
  private final FrontDoor frontDoor;
  private final ContactManagement contacts;
  private final Timers timers;
  private final SlaNotifications notifications;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SlaProperties properties;

  SlaClocks(ClockStore store, TeamCalendars calendars, SlaPolicies policies, ConversationManagement conversations,
      FrontDoor frontDoor, ContactManagement contacts, Timers timers, SlaNotifications notifications,
      ApplicationEventPublisher events, Clock clock, SlaProperties properties) {
    this.store = store;
    this.calendars = calendars;
    this.policies = policies;
    this.conversations = conversations;
    this.frontDoor = frontDoor;
    this.contacts = contacts;
    this.timers = timers;
    this.notifications = notifications;
    this.events = events;
    this.clock = clock;
    this.properties = properties;
  }

  // --- what people read ---------------------------------------------------------------------------------

  /** The conversation's policy and clocks now; empty if the conversation was opened before SLAs existed. */
  public Optional<ConversationSla> state(UUID conversationId) {
    return Optional.ofNullable(states(List.of(conversationId)).get(conversationId));
  }

  /**
   * The policy and clocks of these conversations now, for a list of them: a fixed number of queries however many
   * there are (each calendar and policy is read once). Conversations opened before SLAs existed are left out.
   */
  public Map<UUID, ConversationSla> states(Collection<UUID> conversationIds) {
    List<ClockStore.Tracked> tracked = store.findAll(conversationIds);
    if (tracked.isEmpty()) {
      return Map.of();
    }
    Instant now = clock.instant();
    Map<UUID, BusinessCalendar> calendarOfTeam = new HashMap<>();
    Function<UUID, BusinessCalendar> calendar = teamId -> calendarOfTeam.computeIfAbsent(teamId, calendars::calendar);
    Map<UUID, Optional<String>> policyNames = new HashMap<>();
    Map<UUID, List<SlaClockView>> views = new HashMap<>();
    store.clocksOf(tracked.stream().map(ClockStore.Tracked::conversationId).toList()).forEach(c ->
        views.computeIfAbsent(c.conversationId(), id -> new ArrayList<>()).add(view(c, now, calendar.apply(c.teamId()))));
    Map<UUID, ConversationSla> states = new HashMap<>();
    for (ClockStore.Tracked t : tracked) {
      String policyName = t.policyId() == null ? null : policyNames.computeIfAbsent(t.policyId(),
          id -> policies.find(id).map(SlaPolicy::name)).orElse(null);
      List<SlaClockView> clocks = views.getOrDefault(t.conversationId(), new ArrayList<>());
      clocks.sort(Comparator.comparing((SlaClockView v) -> !v.active()).thenComparing(SlaClockView::metric)
          .thenComparing(SlaClockView::cycle));
      states.put(t.conversationId(), new ConversationSla(t.conversationId(), t.policyId(), policyName,
          calendar.apply(t.teamId()).zone().getId(), t.paused(), clocks));
    }
    return states;
  }

  /**
   * Conversations with an active clock that breached ({@code breached}) or falls due within {@code
   * tact.sla.due-soon-minutes} (not breached yet), most urgent first; {@code teamId} null for every team.
   */
  public List<UUID> needingAttention(UUID teamId, boolean breached, int limit) {
    Instant soon = clock.instant().plus(Duration.ofMinutes(properties.dueSoonMinutes()));
    return store.attention(teamId, breached, soon, limit * 3).stream().map(ClockRow::conversationId).distinct()
        .limit(limit).toList();
  }

  /** Every conversation in the state, as {@link #needingAttention} counts it, in no order. */
  public java.util.Set<UUID> conversationsIn(SlaAttention state) {
    Instant soon = clock.instant().plus(Duration.ofMinutes(properties.dueSoonMinutes()));
    return java.util.Set.copyOf(store.attentionConversations(state == SlaAttention.BREACHED, soon));
  }

  SlaClockView view(ClockRow c, Instant now) {
    return view(c, now, calendars.calendar(c.teamId()));
  }

  private static SlaClockView view(ClockRow c, Instant now, BusinessCalendar calendar) {
    Duration used = c.active() ? c.used(calendar, now) : Duration.ofNanos(c.consumedNanos());
    Long left = c.target() == null ? null : c.target().minus(used).toMinutes();
    boolean breached = c.breachedAt() != null || ClockRow.BREACHED.equals(c.outcome())
        || (c.target() != null && used.compareTo(c.target()) > 0);
    return new SlaClockView(c.metric(), c.cycle(), c.outcome(), c.startedAt(), c.targetMinutes(), used.toMinutes(),
        left, c.warnAt(), c.dueAt(), c.warnedAt(), c.breachedAt(), c.stoppedAt(), breached);
  }

  // --- conversation changes -------------------------------------------------------------------------------

  @EventListener
  void on(ConversationOpened opened) {
    UUID id = opened.conversationId();
    UUID contactId;
    UUID teamId;
    Optional<SlaPolicy> policy;
    if (opened.tellsTeamAndPriority()) {
      contactId = opened.contactId();
      teamId = opened.teamId();
      policy = match(id, opened.priority(), contactId, teamId);
    } else {
      ConversationSummary c = conversation(id);
      contactId = c.contactId();
      teamId = c.teamId();
      policy = match(c);
    }
    if (!store.insertIfAbsent(new Tracked(id, contactId, teamId, policy.map(SlaPolicy::id).orElse(null), false,
        false, true, opened.openedAt()))) {
      return; // tracked already
    }
    start(id, SlaMetric.FIRST_RESPONSE, 0, teamId, policy, opened.openedAt(), false);
    start(id, SlaMetric.RESOLUTION, 0, teamId, policy, opened.openedAt(), false);
  }

  @EventListener
  void on(MessageAdded message) {
    if (message.automatic() || message.direction() == Direction.NOTE) {
      return;
    }
    if (message.direction() == Direction.OUTBOUND && message.undelivered()) {
      return; // written where it has no way out (its outbox row says why): no response, the clocks run on
    }
    Optional<Tracked> found = store.lock(message.conversationId());
    if (found.isEmpty() || !found.get().active()) {
      return;
    }
    Tracked t = found.get();
    if (message.direction() == Direction.INBOUND && !t.agentReplied()) {
      return; // the first response is awaited: nothing to start
    }
    List<ClockRow> clocks = store.clocks(t.conversationId());
    if (message.direction() == Direction.OUTBOUND) {
      List<ClockRow> answered = new ArrayList<>();
      for (ClockRow c : clocks) {
        if (c.active() && c.metric() != SlaMetric.RESOLUTION) {
          save(stop(c, message.at(), "REPLY"));
          answered.add(c);
        }
      }
      if (!answered.isEmpty()) {
        describeAnswer(t.conversationId(), answered);
      }
      if (!t.agentReplied()) {
        store.update(new Tracked(t.conversationId(), t.contactId(), t.teamId(), t.policyId(), true, t.paused(),
            t.active(), t.openedAt()));
      }
      return;
    }
    boolean awaitingReply = clocks.stream().anyMatch(c -> c.active() && c.metric() != SlaMetric.RESOLUTION);
    if (!awaitingReply) {
      int cycle = clocks.stream().filter(c -> c.metric() == SlaMetric.NEXT_RESPONSE).mapToInt(ClockRow::cycle)
          .max().orElse(0) + 1;
      Optional<SlaPolicy> policy = t.policyId() == null ? Optional.empty() : policies.find(t.policyId());
      start(t.conversationId(), SlaMetric.NEXT_RESPONSE, cycle, t.teamId(), policy, message.at(), t.paused());
    }
  }

  @EventListener
  void on(StatusChanged change) {
    Optional<Tracked> found = store.lock(change.conversationId());
    if (found.isEmpty()) {
      return;
    }
    Tracked t = found.get();
    Instant at = change.at();
    List<ClockRow> clocks = store.clocks(t.conversationId());
    Status to = change.to();
    if (to == Status.SOLVED || to == Status.CLOSED) {
      for (ClockRow c : clocks) {
        if (c.active()) {
          save(stop(c, at, to.name()));
        }
      }
      store.update(new Tracked(t.conversationId(), t.contactId(), t.teamId(), t.policyId(), t.agentReplied(), false,
          false, t.openedAt()));
      return;
    }
    boolean pause = to == Status.PENDING;
    if (!t.active()) {
      // Reopened: resolution continues where it stopped, and so does a first response nobody gave yet.
      for (ClockRow c : clocks) {
        boolean continues = c.metric() == SlaMetric.RESOLUTION
            || (c.metric() == SlaMetric.FIRST_RESPONSE && !t.agentReplied());
        if (continues && c.stoppedAt() != null && !"REPLY".equals(c.endedBy())) {
          save(plan(c.running(pause ? null : at, pause ? ClockRow.PAUSED : ClockRow.RUNNING)));
        }
      }
    } else if (pause != t.paused()) {
      for (ClockRow c : clocks) {
        if (c.active()) {
          save(plan(pause ? c.folded(calendars.calendar(c.teamId()), at).running(null, ClockRow.PAUSED)
              : c.running(at, ClockRow.RUNNING)));
        }
      }
    } else {
      return;
    }
    store.update(new Tracked(t.conversationId(), t.contactId(), t.teamId(), t.policyId(), t.agentReplied(), pause,
        true, t.openedAt()));
  }

  @EventListener
  void on(PriorityChanged change) {
    rematch(change.conversationId(), change.at());
  }

  @EventListener
  void on(TeamChanged change) {
    rematch(change.conversationId(), change.at());
  }

  /**
   * An intent can change the policy only when a policy names intents ({@link SlaPolicy#matches}: an empty set matches
   * any intent); otherwise the match is the one made when the other facts last changed (each has its own event), and
   * a rematch would only fold and plan the clocks again to the same due times.
   */
  @EventListener
  void on(IntentDecided decided) {
    if (policies.list().stream().anyMatch(policy -> !policy.intents().isEmpty())) {
      rematch(decided.conversationId(), decided.at());
    }
  }

  @EventListener
  void on(ContactTierChanged change) {
    for (UUID conversationId : store.activeOfContact(change.contactId())) {
      rematch(conversationId, change.at());
    }
  }

  @EventListener
  void on(SlaPoliciesChanged change) {
    Instant now = clock.instant();
    for (UUID conversationId : store.allActive()) {
      rematch(conversationId, now);
    }
  }

  @EventListener
  void on(TeamCalendarChanged change) {
    Instant now = clock.instant();
    for (UUID conversationId : store.activeOfTeam(change.teamId())) {
      store.lock(conversationId);
      for (ClockRow c : store.clocks(conversationId)) {
        if (c.active() && change.teamId().equals(c.teamId())) {
          save(plan(c.folded(change.before(), now)));
        }
      }
    }
  }

  /**
   * Matches the conversation's policy again after its priority, intent, customer tier or team changed: active
   * clocks keep the business time used so far (on the calendar they ran on) and get the new team and targets.
   */
  void rematch(UUID conversationId, Instant at) {
    Optional<Tracked> found = store.lock(conversationId);
    if (found.isEmpty() || !found.get().active()) {
      return;
    }
    Tracked t = found.get();
    ConversationSummary c = conversation(conversationId);
    Optional<SlaPolicy> policy = match(c);
    for (ClockRow clockRow : store.clocks(conversationId)) {
      if (clockRow.active()) {
        ClockRow folded = clockRow.folded(calendars.calendar(clockRow.teamId()), at);
        save(plan(folded.with(c.teamId(), policy.map(p -> p.targetMinutes(clockRow.metric())).orElse(null),
            policy.map(SlaPolicy::warnAtPercent).orElse(SlaPolicies.DEFAULT_WARN_PERCENT))));
      }
    }
    store.update(new Tracked(t.conversationId(), c.contactId(), c.teamId(), policy.map(SlaPolicy::id).orElse(null),
        t.agentReplied(), t.paused(), t.active(), t.openedAt()));
  }

  // --- timers ---------------------------------------------------------------------------------------------

  /** A warning timer fired: record it once, in the history, and notify. Stale timers (moved since) do nothing. */
  @Transactional
  void fireWarning(FiredTimer timer) {
    Optional<ClockRow> found = current(timer, true);
    if (found.isEmpty() || found.get().warnedAt() != null || found.get().breachedAt() != null) {
      return;
    }
    ClockRow c = found.get();
    Instant now = clock.instant();
    save(c.warned(now));
    String detail = c.metric().label() + " due " + dueText(c) + " (" + c.warnAtPercent() + " % of "
        + hours(c.targetMinutes()) + " used)";
    conversations.recordHistory(c.conversationId(), Actor.system(), "SLA_WARNING", detail);
    notifyPeople(c.conversationId(), "WARNING", detail);
    events.publishEvent(new SlaWarned(c.conversationId(), c.metric(), c.cycle(), c.dueAt(), now));
  }

  /** A breach timer fired: record it once, in the history, notify, and escalate one tier if so configured. */
  @Transactional
  void fireBreach(FiredTimer timer) {
    Optional<ClockRow> found = current(timer, false);
    if (found.isEmpty() || found.get().breachedAt() != null) {
      return;
    }
    ClockRow c = found.get();
    Instant now = clock.instant();
    save(c.breached(c.dueAt()));
    timer(t -> t.cancel(WARNING_TIMER, c.timerKey()));
    String detail = c.metric().label() + " was due " + dueText(c);
    conversations.recordHistory(c.conversationId(), Actor.system(), "SLA_BREACHED", detail);
    notifyPeople(c.conversationId(), "BREACH", detail);
    ConversationSummary summary = conversation(c.conversationId());
    if (properties.escalateOnBreach() && summary.tier() != Tier.LEAD && summary.status() != Status.CLOSED) {
      Tier next = Tier.values()[summary.tier().ordinal() + 1];
      conversations.escalate(c.conversationId(), Actor.system(), next, "SLA breach: " + detail);
    }
    events.publishEvent(new SlaBreached(c.conversationId(), c.metric(), c.cycle(), c.dueAt(), now));
  }

  /** The clock a timer belongs to, if it is still running and due when the timer said (else the timer is stale). */
  private Optional<ClockRow> current(FiredTimer timer, boolean warning) {
    String[] parts = timer.key().split("/");
    if (parts.length != 3) {
      log.warn("SLA timer {} has a key that is not conversation/metric/cycle: {}", timer.kind(), timer.key());
      return Optional.empty();
    }
    UUID conversationId = UUID.fromString(parts[0]);
    // The worker holds this timer (and the batch's others) already, and a change of the conversation locks its row,
    // then the SLA row, then moves its timers: waiting here for either row would deadlock with such a change. Busy,
    // the timer fails this attempt and fires at the next one.
    conversations.lockWithoutWaiting(conversationId);
    store.lockWithoutWaiting(conversationId);
    return store.clock(conversationId, SlaMetric.valueOf(parts[1]), Integer.parseInt(parts[2]))
        .filter(c -> ClockRow.RUNNING.equals(c.outcome()) && c.target() != null)
        .filter(c -> close(warning ? c.warnAt() : c.dueAt(), timer.dueAt()));
  }

  private static boolean close(Instant stored, Instant fired) {
    return stored != null && Math.abs(Duration.between(stored, fired).toNanos()) < 1_000_000;
  }

  private void notifyPeople(UUID conversationId, String kind, String text) {
    ConversationSummary c = conversation(conversationId);
    notifications.notify(c.assigneeId(), c.teamId(), conversationId, kind, "#" + c.number() + ": " + text);
  }

  private String dueText(ClockRow c) {
    ZoneId zone = calendars.calendar(c.teamId()).zone();
    return DUE.format(c.dueAt().atZone(zone)) + " " + zone.getId();
  }

  private static String hours(int minutes) {
    return minutes % 60 == 0 ? dev.tact.shared.Wording.count(minutes / 60, "business hour", "business hours")
        : dev.tact.shared.Wording.count(minutes, "business minute", "business minutes");
  }

  // --- the clock arithmetic ---------------------------------------------------------------------------------

  /**
   * Starts a clock that did not exist: its row is inserted (an existing one fails the insert). A timer of a clock is
   * only ever scheduled in the transaction that writes the clock's row, and clock rows are never deleted, so a clock
   * inserted now has no timers to cancel: only those it needs are scheduled.
   */
  private void start(UUID conversationId, SlaMetric metric, int cycle, UUID teamId, Optional<SlaPolicy> policy,
      Instant at, boolean paused) {
    ClockRow c = new ClockRow(conversationId, metric, cycle, teamId, at, paused ? null : at, 0,
        policy.map(p -> p.targetMinutes(metric)).orElse(null),
        policy.map(SlaPolicy::warnAtPercent).orElse(SlaPolicies.DEFAULT_WARN_PERCENT), null, null, null, null, null,
        paused ? ClockRow.PAUSED : ClockRow.RUNNING, null);
    store.insertClock(plan(c, false));
  }

  /** Stops a clock: MET, or BREACHED when it was (or is now past its target); ENDED when nothing was awaited. */
  private ClockRow stop(ClockRow c, Instant at, String endedBy) {
    ClockRow folded = c.folded(calendars.calendar(c.teamId()), at);
    boolean late = folded.target() != null && Duration.ofNanos(folded.consumedNanos()).compareTo(folded.target()) > 0;
    if (late && folded.breachedAt() == null) {
      folded = folded.breached(folded.dueAt() != null ? folded.dueAt() : at);
    }
    boolean answered = "REPLY".equals(endedBy) || c.metric() == SlaMetric.RESOLUTION;
    String outcome = folded.breachedAt() != null ? ClockRow.BREACHED : answered ? ClockRow.MET : ClockRow.ENDED;
    ClockRow stopped = folded.stopped(at, outcome, endedBy);
    timer(t -> {
      t.cancel(WARNING_TIMER, c.timerKey());
      t.cancel(BREACH_TIMER, c.timerKey());
    });
    return stopped;
  }

  /** Due and warning instants of a running clock with a target, and its timers; none otherwise. */
  private ClockRow plan(ClockRow c) {
    return plan(c, true);
  }

  /** As {@link #plan(ClockRow)}; without {@code mayHaveTimers} (a new clock) no timer is cancelled. */
  private ClockRow plan(ClockRow c, boolean mayHaveTimers) {
    if (!ClockRow.RUNNING.equals(c.outcome()) || c.runningSince() == null || c.target() == null) {
      if (mayHaveTimers) {
        timer(t -> {
          t.cancel(WARNING_TIMER, c.timerKey());
          t.cancel(BREACH_TIMER, c.timerKey());
        });
      }
      return c.planned(null, null);
    }
    SlaClock slaClock = new SlaClock(calendars.calendar(c.teamId()));
    Duration consumed = Duration.ofNanos(c.consumedNanos());
    Instant due = slaClock.dueAt(c.runningSince(), c.target(), consumed);
    Instant warn = slaClock.warningAt(c.runningSince(), c.target(), consumed, c.warnAtPercent() / 100.0);
    ClockRow planned = c.planned(due, warn);
    timer(t -> {
      if (c.breachedAt() == null) {
        t.schedule(BREACH_TIMER, c.timerKey(), due, "");
      } else {
        t.cancel(BREACH_TIMER, c.timerKey());
      }
      if (c.warnedAt() == null && c.breachedAt() == null) {
        t.schedule(WARNING_TIMER, c.timerKey(), warn, "");
      } else {
        t.cancel(WARNING_TIMER, c.timerKey());
      }
    });
    return planned;
  }

  private void timer(java.util.function.Consumer<Timers> action) {
    action.accept(timers);
  }

  private void save(ClockRow c) {
    store.save(c);
  }

  /** Keeps on the clocks a reply stopped what the dashboard filters them by: channel, intent and the assignee. */
  private void describeAnswer(UUID conversationId, List<ClockRow> answered) {
    ConversationSummary c = conversation(conversationId);
    String intent = frontDoor.intentOf(conversationId).filter(i -> !i.triage()).map(ConversationIntent::intent)
        .map(i -> i.replace('_', '-')).orElse(null);
    for (ClockRow clock : answered) {
      store.describeAnswer(conversationId, clock.metric(), clock.cycle(), c.channel().name(), intent, c.assigneeId());
    }
  }

  private Optional<SlaPolicy> match(ConversationSummary c) {
    return match(c.id(), c.priority(), c.contactId(), c.teamId());
  }

  private Optional<SlaPolicy> match(UUID conversationId, dev.tact.conversation.Priority priority, UUID contactId,
      UUID teamId) {
    String intent = frontDoor.intentOf(conversationId).filter(i -> !i.triage()).map(ConversationIntent::intent)
        .orElse(null);
    String tier = contactId == null ? null : contacts.tierOf(contactId).orElse(null);
    return policies.firstMatch(priority, intent, tier, teamId);
  }

  private ConversationSummary conversation(UUID id) {
    return conversations.findByReference(id.toString()).orElseThrow(() -> new IllegalStateException(
        "SLA clocks of a conversation that does not exist: " + id));
  }
}
