package dev.tact.effort;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.Channel;
import dev.tact.sla.TeamCalendars;
import dev.tact.timer.SavepointBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each conversation's effort ({@code conversation_effort}) folded from its steps ({@code effort_step}). A step
 * is stored once however often its event arrives, and committed; then, in a second transaction whose first statement
 * locks the conversation's row, the conversation is measured again from all its steps and {@link EffortMeasured} is
 * published only when the measure changed (for conversations measured together, one {@link EffortsMeasured} for those
 * that changed). So a redelivered event changes nothing and publishes nothing, events
 * arriving out of order give the same measure, and of two events heard at once the one measured last sees both
 * steps (its step was committed before its measure began, the other's before the other's measure took the lock).
 */
@Service
public class EffortMeasurements {

  static final Duration REPEAT_WINDOW = Duration.ofDays(7);

  private final JdbcClient jdbc;
  private final ConversationManagement conversations;
  private final TeamCalendars calendars;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final EffortFold fold;

  EffortMeasurements(JdbcClient jdbc, ConversationManagement conversations, TeamCalendars calendars,
      ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager, EffortFold fold) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.fold = fold;
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.calendars = calendars;
    this.events = events;
    this.clock = clock;
  }

  /** The conversation's effort as last measured; empty when nothing of it was heard yet. */
  @Transactional(readOnly = true)
  public Optional<ConversationEffort> of(UUID conversationId) {
    return jdbc.sql("""
        SELECT customer_messages, handoffs, reopens, channel_switches, repeat_contact, waited_business_minutes,
          intent, measured_at
        FROM conversation_effort WHERE conversation_id = :id""")
        .param("id", conversationId)
        .query((rs, n) -> ConversationEffort.of(conversationId, scoreOf(rs), rs.getString("intent"),
            instant(rs, "measured_at")))
        .optional();
  }

  /**
   * Records a step (nothing when it was recorded before) and measures the conversation again, each in a transaction
   * of its own: called outside any transaction.
   */
  void heard(UUID conversationId, EffortStep step) {
    transactions.executeWithoutResult(status -> store(conversationId, step));
    transactions.executeWithoutResult(status -> measure(conversationId).ifPresent(events::publishEvent));
  }

  /**
   * Records the steps of many conversations (messages filed together) in one transaction, then measures each of
   * their conversations once, all in a second transaction, each in a savepoint (in the order of their ids, the order
   * in which their rows are locked): a conversation whose measure fails is measured again when the caller's
   * publication is run again. Called outside any transaction, or under one it must not join (a publication run
   * again): each is a transaction of its own.
   */
  void heardAll(List<Heard> heard) {
    TransactionTemplate own = SavepointBatch.newTransaction(transactions.getTransactionManager());
    own.executeWithoutResult(status -> heard.forEach(h -> store(h.conversationId(), h.step())));
    List<UUID> conversations = heard.stream().map(Heard::conversationId).distinct().sorted().toList();
    List<RuntimeException> failures = own.execute(status -> {
      List<EffortMeasured> measured = new ArrayList<>();
      List<RuntimeException> failed = SavepointBatch.eachInSavepoint(status, conversations,
          id -> measure(id).ifPresent(measured::add));
      if (!measured.isEmpty()) {
        events.publishEvent(new EffortsMeasured(measured));
      }
      return failed;
    });
    SavepointBatch.throwIfAny(failures, conversations.size());
  }

  /** A step heard of a conversation. */
  record Heard(UUID conversationId, EffortStep step) {}

  private void store(UUID conversationId, EffortStep step) {
    jdbc.sql("""
        INSERT INTO effort_step (conversation_id, step_key, kind, at, channel, contact_id, ref_id, detail)
        VALUES (:conversation, :key, :kind, :at, :channel, :contact, :ref, :detail) ON CONFLICT DO NOTHING""")
        .param("conversation", conversationId).param("key", step.key()).param("kind", step.kind().name())
        .param("at", utc(step.at()))
        .param("channel", step.channel() == null ? null : step.channel().name(), java.sql.Types.VARCHAR)
        .param("contact", step.contactId()).param("ref", step.refId())
        .param("detail", step.detail(), java.sql.Types.VARCHAR)
        .update();
    // the row the measure locks; its opening is set right when it is measured
    if (jdbc.sql("""
        INSERT INTO conversation_effort (conversation_id, opened_at, measured_at) VALUES (:id, :opened, :opened)
        ON CONFLICT DO NOTHING""")
        .param("id", conversationId).param("opened", utc(step.at())).update() > 0) {
      fold.changed(conversationId);
    }
  }

  /**
   * The source's customer messages, replies and reopens move to the target (its messages did), which is measured
   * again; the source is measured no more. Called outside any transaction.
   */
  void merged(UUID sourceId, UUID targetId) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("""
          INSERT INTO effort_step (conversation_id, step_key, kind, at, channel, contact_id, ref_id, detail)
          SELECT :target, step_key, kind, at, channel, contact_id, ref_id, detail FROM effort_step
          WHERE conversation_id = :source AND kind IN ('CUSTOMER', 'REPLY', 'REOPEN')
          ON CONFLICT DO NOTHING""")
          .param("target", targetId).param("source", sourceId).update();
      jdbc.sql("DELETE FROM effort_step WHERE conversation_id = :source").param("source", sourceId).update();
      jdbc.sql("DELETE FROM conversation_effort WHERE conversation_id = :source").param("source", sourceId).update();
      fold.changed(sourceId);
    });
    transactions.executeWithoutResult(status -> measure(targetId).ifPresent(events::publishEvent));
  }

  /** Measures the conversation again; answers what to tell when the measure changed. */
  private Optional<EffortMeasured> measure(UUID conversationId) {
    Optional<Stored> locked = jdbc.sql("""
        SELECT contact_id, team_id, agent_id, channel, intent, opened_at, customer_messages, handoffs, reopens,
          channel_switches, repeat_contact, waited_business_minutes, score
        FROM conversation_effort WHERE conversation_id = :id FOR UPDATE""")
        .param("id", conversationId).query((rs, n) -> Stored.read(rs)).optional();
    EffortTrail trail = new EffortTrail(steps(conversationId));
    Optional<Instant> openedAt = trail.openedAt();
    if (locked.isEmpty() || openedAt.isEmpty()) {
      return Optional.empty();
    }
    Stored before = locked.get();
    Instant now = clock.instant();
    // the conversation's own record says where it stands now; the steps say how it got there
    Optional<ConversationSummary> current = conversations.findByReference(conversationId.toString());
    UUID contactId = current.map(ConversationSummary::contactId).or(trail::contactId).orElse(null);
    UUID teamId = current.map(ConversationSummary::teamId).or(trail::lastTeam).orElse(null);
    UUID agentId = current.map(ConversationSummary::assigneeId).or(trail::lastAgent).orElse(null);
    String channel = trail.openingChannel().or(() -> current.map(ConversationSummary::channel))
        .map(Channel::name).orElse(null);
    String intent = trail.intent().orElse(null);
    boolean repeat = contactId != null && intent != null && repeatContact(conversationId, contactId, intent,
        openedAt.get());
    EffortScore score = trail.score(repeat, calendars.calendar(teamId));
    Stored after = new Stored(contactId, teamId, agentId, channel, intent, openedAt.get(), score, score.score());
    if (after.equals(before)) {
      return Optional.empty();
    }
    jdbc.sql("""
        UPDATE conversation_effort SET contact_id = :contact, team_id = :team, agent_id = :agent, channel = :channel,
          intent = :intent, opened_at = :opened, customer_messages = :messages, handoffs = :handoffs,
          reopens = :reopens, channel_switches = :switches, repeat_contact = :repeat,
          waited_business_minutes = :waited, score = :score, measured_at = :now
        WHERE conversation_id = :id""")
        .param("contact", contactId).param("team", teamId)
        .param("agent", agentId).param("channel", channel, java.sql.Types.VARCHAR)
        .param("intent", intent, java.sql.Types.VARCHAR).param("opened", utc(openedAt.get()))
        .param("messages", score.customerMessages()).param("handoffs", score.handoffs())
        .param("reopens", score.reopens()).param("switches", score.channelSwitches())
        .param("repeat", score.repeatContact()).param("waited", score.waitedBusinessMinutes())
        .param("score", score.score()).param("now", utc(now)).param("id", conversationId).update();
    fold.changed(conversationId);
    if (after.sameMeasure(before)) {
      return Optional.empty();
    }
    return Optional.of(new EffortMeasured(conversationId, contactId, score.customerMessages(), score.handoffs(),
        score.reopens(), score.channelSwitches(), score.repeatContact(), score.waitedBusinessMinutes(),
        score.score(), now));
  }

  private boolean repeatContact(UUID conversationId, UUID contactId, String intent, Instant openedAt) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM conversation_effort
        WHERE contact_id = :contact AND intent = :intent AND opened_at >= :since AND opened_at < :opened
          AND conversation_id <> :id""")
        .param("contact", contactId).param("intent", intent).param("since", utc(openedAt.minus(REPEAT_WINDOW)))
        .param("opened", utc(openedAt)).param("id", conversationId).query(Long.class).single() > 0;
  }

  private List<EffortStep> steps(UUID conversationId) {
    return jdbc.sql("""
        SELECT step_key, kind, at, channel, contact_id, ref_id, detail FROM effort_step
        WHERE conversation_id = :id""")
        .param("id", conversationId)
        .query((rs, n) -> new EffortStep(rs.getString("step_key"), EffortStep.Kind.valueOf(rs.getString("kind")),
            instant(rs, "at"), rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
            rs.getObject("contact_id", UUID.class), rs.getObject("ref_id", UUID.class), rs.getString("detail")))
        .list();
  }

  private static EffortScore scoreOf(ResultSet rs) throws SQLException {
    return new EffortScore(rs.getInt("customer_messages"), rs.getInt("handoffs"), rs.getInt("reopens"),
        rs.getInt("channel_switches"), rs.getBoolean("repeat_contact"), rs.getLong("waited_business_minutes"));
  }

  /** What a row holds, to tell whether measuring again changed it. */
  private record Stored(UUID contactId, UUID teamId, UUID agentId, String channel, String intent, Instant openedAt,
      EffortScore parts, int score) {

    static Stored read(ResultSet rs) throws SQLException {
      return new Stored(rs.getObject("contact_id", UUID.class), rs.getObject("team_id", UUID.class),
          rs.getObject("agent_id", UUID.class), rs.getString("channel"), rs.getString("intent"),
          instant(rs, "opened_at"), scoreOf(rs), rs.getInt("score"));
    }

    boolean sameMeasure(Stored other) {
      return Objects.equals(contactId, other.contactId) && parts.equals(other.parts) && score == other.score;
    }
  }
}
