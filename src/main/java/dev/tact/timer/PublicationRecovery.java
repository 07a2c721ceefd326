package dev.tact.timer;

import dev.tact.shared.SkipLockedClaim;
import dev.tact.shared.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Runs module listener publications again that were left incomplete, each by one node (ADR 0056): those whose
 * listener failed, after a back-off, and those a process that is gone left in its memory (published, queued or
 * running there) — stored before the start of every process that still beats, or untouched for {@code
 * tact.events.recovery.stale-after}. A claim ({@code FOR UPDATE SKIP LOCKED}, committed before the run) marks a
 * publication resubmitted now, so no other node takes it; the listener then runs on the worker's thread, in a
 * transaction that also completes the publication by its id. A publication run {@code max-attempts} times without
 * completing is left for an admin, counted as parked on the queues page.
 */
@Component
class PublicationRecovery implements WorkQueue<PublicationRecovery.Stored> {

  static final String QUEUE = "listeners";

  private static final Logger log = LoggerFactory.getLogger(PublicationRecovery.class);

  /**
   * Candidates in the order they were last submitted, COALESCE(last_resubmission_date, publication_date): the never
   * resubmitted by publication date merged with the resubmitted by their last resubmission, each read in the order of
   * event_publication_recovery_idx (its columns named in ORDER BY, so that H2 takes it) and stopped at as many as the
   * page may need (V91). A top-level UNION, not a derived table: H2 2.4.240 gave a derived table's rows of the first
   * page again to the same statement run with a larger {@code :read}.
   */
  private static final String CANDIDATES = """
      (SELECT id, publication_date AS submitted FROM event_publication
       WHERE completion_date IS NULL AND last_resubmission_date IS NULL AND publication_date < :due_before AND %1$s
       ORDER BY completion_date, last_resubmission_date, publication_date LIMIT :read)
      UNION ALL
      (SELECT id, last_resubmission_date AS submitted FROM event_publication
       WHERE completion_date IS NULL AND last_resubmission_date < :due_before AND %1$s
       ORDER BY completion_date, last_resubmission_date LIMIT :read)
      ORDER BY submitted LIMIT :limit OFFSET :offset""";

  /** One incomplete publication as claimed; {@code attempt} counts this run (the first run was 1). */
  record Stored(UUID id, String listenerId, String eventType, String serializedEvent, int attempt) {

    @Override
    public String toString() {
      return "publication " + id + " of " + eventType + " to " + listenerId;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final EventSerializer serializer;
  private final EventPublicationRepository publications;
  private final ListenerMethods listeners;
  private final LiveNodes nodes;
  private final PublicationRecoveryProperties properties;
  private final Clock clock;
  private final String due;
  private final Worker worker;

  PublicationRecovery(JdbcClient jdbc, PlatformTransactionManager transactionManager, EventSerializer serializer,
      EventPublicationRepository publications, ListenerMethods listeners, LiveNodes nodes,
      PublicationRecoveryProperties properties, Clock clock, ClaimWorkers workers) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.serializer = serializer;
    this.publications = publications;
    this.listeners = listeners;
    this.nodes = nodes;
    this.properties = properties;
    this.clock = clock;
    this.due = dueCondition(properties.maxAttempts());
    this.worker = workers.register(this, new WorkerSettings(QUEUE, properties.enabled(), properties.enabled() ? 1 : 0,
        properties.batchSize(), properties.pollInterval(), properties.maxAttempts(), properties.backoff(),
        WorkerSettings.Claim.LEASED, Duration.ofSeconds(30)), new WakeUp());
  }

  Worker worker() {
    return worker;
  }

  /**
   * Due: incomplete, run fewer than max-attempts times, and either failed longer ago than the back-off after that
   * many runs, or last (re)submitted before {@code :orphaned}. The back-off is one parameter per number of runs, so
   * that the database compares without arithmetic on intervals that H2 and PostgreSQL write differently.
   */
  private static String dueCondition(int maxAttempts) {
    String backedOff = IntStream.range(1, maxAttempts)
        .mapToObj(n -> "WHEN " + n + " THEN :failed" + n).collect(Collectors.joining(" "));
    return "completion_date IS NULL AND COALESCE(completion_attempts, 1) < :max_attempts"
        + " AND COALESCE(last_resubmission_date, publication_date) < CASE WHEN status = 'FAILED'"
        + " THEN CASE COALESCE(completion_attempts, 1) " + backedOff + " END ELSE :orphaned END";
  }

  /**
   * The due condition's parameters, and {@code :due_before}: the latest of its cutoffs, which no due publication was
   * last submitted at or after (a range the index can seek, where the per-row cutoff cannot).
   */
  private JdbcClient.StatementSpec withDueParameters(JdbcClient.StatementSpec statement, Instant now) {
    Instant staleBefore = now.minus(properties.staleAfter());
    Instant earliestLiveStart = nodes.earliestLiveStart();
    Instant orphaned = earliestLiveStart.isAfter(staleBefore) ? earliestLiveStart : staleBefore;
    Instant dueBefore = orphaned;
    statement = statement.param("max_attempts", properties.maxAttempts()).param("orphaned", SqlTime.utc(orphaned));
    Backoff backoff = properties.backoff();
    for (int n = 1; n < properties.maxAttempts(); n++) {
      Instant failedBefore = now.minus(backoff.after(n));
      dueBefore = failedBefore.isAfter(dueBefore) ? failedBefore : dueBefore;
      statement = statement.param("failed" + n, SqlTime.utc(failedBefore));
    }
    return statement.param("due_before", SqlTime.utc(dueBefore));
  }

  /** Candidates read oldest first without a lock, then locked by id ({@link SkipLockedClaim}). */
  @Override
  public List<Stored> claimDue(Instant now, int limit) {
    List<Stored> candidates = SkipLockedClaim.claim(limit, (count, offset) -> withDueParameters(
            jdbc.sql(CANDIDATES.formatted(due)), now)
            .param("read", offset + count).param("limit", count).param("offset", offset)
            .query((rs, n) -> rs.getObject("id", UUID.class)).list(),
        ids -> withDueParameters(jdbc.sql("SELECT id, listener_id, event_type, serialized_event,"
            + " COALESCE(completion_attempts, 1) AS attempts FROM event_publication WHERE id IN (:ids) AND " + due
            + " FOR UPDATE SKIP LOCKED"), now)
            .param("ids", ids)
            .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("listener_id"),
                rs.getString("event_type"), rs.getString("serialized_event"), rs.getInt("attempts") + 1))
            .list(),
        Stored::id);
    // the lock keeps other nodes out; the runs counted as read make sure no claim came in between
    return candidates.stream().filter(publication -> jdbc.sql("""
            UPDATE event_publication SET status = 'RESUBMITTED', last_resubmission_date = :now,
              completion_attempts = :attempt
            WHERE id = :id AND completion_date IS NULL AND COALESCE(completion_attempts, 1) = :attempt - 1""")
        .param("now", SqlTime.utc(now)).param("attempt", publication.attempt()).param("id", publication.id())
        .update() == 1).toList();
  }

  @Override
  public void handle(List<Stored> claimed) {
    claimed.forEach(this::run);
  }

  private void run(Stored publication) {
    try {
      ListenerMethods.ListenerMethod listener = listeners.find(publication.listenerId())
          .orElseThrow(() -> new IllegalStateException("no listener of that id in this application"));
      Object event = serializer.deserialize(publication.serializedEvent(),
          ClassUtils.forName(publication.eventType(), getClass().getClassLoader()));
      ownTransaction.executeWithoutResult(status -> {
        listeners.invoke(listener, event);
        publications.markCompleted(publication.id(), clock.instant());
      });
      log.info("Ran {} again (run {}): completed", publication, publication.attempt());
    } catch (RuntimeException | ClassNotFoundException | LinkageError e) {
      recordFailure(publication, e);
    }
  }

  private void recordFailure(Stored publication, Throwable e) {
    try {
      publications.markFailed(publication.id());
    } catch (RuntimeException notRecorded) {
      log.warn("Could not mark {} failed; it is run again once it is stale", publication, notRecorded);
    }
    if (publication.attempt() >= properties.maxAttempts()) {
      log.error("{} failed its last run ({} of {}); left for an admin: {}", publication, publication.attempt(),
          properties.maxAttempts(), e.toString(), e);
    } else {
      log.warn("{} failed run {} of {}; trying again in {}: {}", publication, publication.attempt(),
          properties.maxAttempts(), properties.backoff().after(publication.attempt()), e.toString());
    }
  }

  /** Waiting: publications due now; parked: those run max-attempts times without completing. */
  @Override
  public Optional<QueueBacklog> backlog(Instant now) {
    return Optional.of(withDueParameters(jdbc.sql("SELECT"
            + " SUM(CASE WHEN " + due + " THEN 1 ELSE 0 END) AS waiting,"
            + " MIN(CASE WHEN " + due + " THEN COALESCE(last_resubmission_date, publication_date) END) AS oldest,"
            + " SUM(CASE WHEN COALESCE(completion_attempts, 1) >= :max_attempts THEN 1 ELSE 0 END) AS parked"
            + " FROM event_publication WHERE completion_date IS NULL"), now)
        .query((rs, n) -> new QueueBacklog(rs.getLong("waiting"), Optional.ofNullable(SqlTime.instant(rs, "oldest")),
            OptionalLong.of(rs.getLong("parked"))))
        .single());
  }
}
