package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.SqlTime;
import dev.tact.testsupport.ClaimDatabase;
import dev.tact.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two recovery passes (two nodes) claim from one backlog of publications a gone process left, at the same time:
 * each gets a batch of its own, oldest first, while the other has not yet committed its claim. On H2 a claim used to
 * lock every due publication (FOR UPDATE before the LIMIT), so the second node got nothing.
 */
class PublicationClaimTests {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldGiveTwoConcurrentClaimersDisjointBatchesOldestFirst(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      List<UUID> due = IntStream.range(0, 50).mapToObj(i -> left(database, NOW.minus(Duration.ofHours(2))
          .plusSeconds(i))).toList();
      left(database, NOW.minusSeconds(5)); // recent: its process may still run it
      PublicationRecovery recovery = recovery(database);

      var claims = database.twoClaimers(() -> recovery.claimDue(NOW, 5).stream()
          .map(PublicationRecovery.Stored::id).toList());

      assertThat(claims.first()).containsExactlyElementsOf(due.subList(0, 5));
      assertThat(claims.second()).containsExactlyElementsOf(due.subList(5, 10));
    }
  }

  @Test
  void shouldReadOnlyTheBatchWhenClaimingOnH2() throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(ClaimDatabase.Kind.H2)) {
      IntStream.range(0, 50).forEach(i -> left(database, NOW.minus(Duration.ofHours(2)).plusSeconds(i)));
      IntStream.range(0, 50).forEach(i -> resubmitted(database, NOW.minus(Duration.ofHours(3)).plusSeconds(i)));
      PublicationRecovery recovery = recovery(database);

      assertThat(database.readsBeyond(6, sql -> sql.contains("FROM event_publication") && !sql.startsWith("UPDATE"),
          () -> recovery.claimDue(NOW, 5))).isEmpty();
    }
  }

  /** Oldest first by when each was last submitted, resubmitted or not. */
  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldClaimInTheOrderTheyWereLastSubmitted(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      Instant start = NOW.minus(Duration.ofHours(2));
      List<UUID> inOrder = List.of(resubmitted(database, start), left(database, start.plusSeconds(1)),
          resubmitted(database, start.plusSeconds(2)), left(database, start.plusSeconds(3)));
      PublicationRecovery recovery = recovery(database);

      var claims = database.twoClaimers(() -> recovery.claimDue(NOW, 3).stream()
          .map(PublicationRecovery.Stored::id).toList());

      assertThat(claims.first()).containsExactlyElementsOf(inOrder.subList(0, 3));
      assertThat(claims.second()).containsExactlyElementsOf(inOrder.subList(3, 4));
    }
  }

  private static PublicationRecovery recovery(ClaimDatabase database) {
    MutableClock clock = new MutableClock(NOW);
    PublicationRecoveryProperties properties = new PublicationRecoveryProperties(false, "claims",
        Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(15), 20, 10,
        Duration.ofSeconds(30), Duration.ofHours(1));
    GenericApplicationContext context = new GenericApplicationContext();
    LiveNodes nodes = new LiveNodes(database.jdbc(), clock, properties, context, 0);
    nodes.earliestLiveStart(); // registers this node before the claims
    return new PublicationRecovery(database.jdbc(), database.transactionManager(), null, null,
        new ListenerMethods(context), nodes, properties, clock,
        new ClaimWorkers(database.transactionManager(), new SimpleMeterRegistry(), clock, false));
  }

  /** A publication a gone process resubmitted once, last at {@code at}, and left incomplete. */
  private static UUID resubmitted(ClaimDatabase database, Instant at) {
    UUID id = UUID.randomUUID();
    database.jdbc().sql("""
        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
          completion_attempts, last_resubmission_date)
        VALUES (:id, 'some.Listener.on(Event)', 'some.Event', '{}', :published, 'RESUBMITTED', 1, :at)""")
        .param("id", id).param("published", SqlTime.utc(at.minus(Duration.ofDays(1)))).param("at", SqlTime.utc(at))
        .update();
    return id;
  }

  private static UUID left(ClaimDatabase database, Instant published) {
    UUID id = UUID.randomUUID();
    database.jdbc().sql("""
        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
        VALUES (:id, 'some.Listener.on(Event)', 'some.Event', '{}', :at)""")
        .param("id", id).param("at", SqlTime.utc(published)).update();
    return id;
  }
}
