package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.shared.SqlTime;
import dev.tact.testsupport.TactNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Module listener publications left incomplete on one database shared by nodes (ADR 0056): what one node is running
 * is not run by another, not even by one that restarts; what a gone process left, or what failed, is run again by
 * exactly one node, failures after a back-off and at most {@code max-attempts} times; and a single node that stopped
 * mid-run runs its publication again when it starts. Nodes a and b serve every test but the last; each test uses
 * keys of its own. Run on each database Tact supports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListenerRecoveryContract {

  private static final String PROBES = "--spring.main.sources=" + RecoveryProbeListener.class.getName();

  private TactNode a;
  private TactNode b;
  private String url;

  /** A new, migrated database that lives until {@link #dropDatabases}. */
  abstract String newDatabase();

  void dropDatabases() {}

  /** A plain connection to a database made by {@link #newDatabase}. */
  Connection connect(String url) throws java.sql.SQLException {
    return DriverManager.getConnection(url);
  }

  static TactNode node(String url, String name, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(PROBES, "--tact.test.node=" + name,
        "--tact.events.recovery.node-name=" + name, "--tact.events.recovery.poll-interval=200ms",
        "--tact.events.recovery.max-attempts=3", "--tact.events.recovery.retry-backoff=10m",
        "--tact.events.recovery.max-backoff=10m"));
    args.addAll(List.of(more));
    return TactNode.start(url, args.toArray(String[]::new));
  }

  @BeforeAll
  void startTwoNodes() {
    url = newDatabase();
    a = node(url, "a");
    b = node(url, "b");
  }

  @AfterAll
  void stopNodes() {
    try (TactNode first = a; TactNode second = b) {
      // closed
    } finally {
      dropDatabases();
    }
  }

  @Test
  void shouldNotRunWhatALiveNodeIsRunningWhenAnotherNodeRestarts() {
    String key = "in-flight-" + UUID.randomUUID();
    RecoveryProbeListener.hold(key);
    try {
      a.bean(RecoveryProbeListener.class).publish(new RecoveryProbe(key, 0));
      await().atMost(Duration.ofSeconds(30)).until(() -> RecoveryProbeListener.runs(key).equals(List.of("a")));

      b.close();
      b = node(url, "b");
      assertThat(publicationOf(key)).as("not claimed by b as it started").containsEntry("completion_attempts", 1);
      // a publication a gone process left is run by a node's pass; once it is done, that pass has also looked at
      // the publication a is running (due ones are claimed oldest first, and the left one is an hour old)
      String left = leaveOrphan(Instant.now().minus(Duration.ofHours(1)), 0);
      await().atMost(Duration.ofSeconds(60)).until(() -> completed(left));

      assertThat(RecoveryProbeListener.runs(key)).as("only a ran it").containsExactly("a");
      assertThat(publicationOf(key)).as("not claimed by b").containsEntry("completion_attempts", 1)
          .containsEntry("completed", false);
    } finally {
      RecoveryProbeListener.release(key);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> publicationOf(key).get("completed").equals(true));
    assertThat(RecoveryProbeListener.runs(key)).containsExactly("a");
  }

  @Test
  void shouldRunWhatAGoneNodeLeftOnceAcrossTheLiveNodes() {
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    List<String> keys = IntStream.range(0, 30).mapToObj(i -> leaveOrphan(anHourAgo, 0)).toList();

    await().atMost(Duration.ofSeconds(90)).until(() -> keys.stream().allMatch(this::completed));

    keys.forEach(key -> assertThat(RecoveryProbeListener.runs(key)).as(key).hasSize(1));
    assertThat(keys.stream().map(k -> RecoveryProbeListener.runs(k).getFirst()).distinct())
        .as("run by the live nodes").isSubsetOf("a", "b");
    keys.forEach(key -> assertThat(publicationOf(key)).as(key).containsEntry("completion_attempts", 2));
  }

  @Test
  void shouldRunAFailedListenerAgainAfterItsBackOffAndLeaveItAfterMaxAttempts() {
    String once = "fails-once-" + UUID.randomUUID();
    String always = "fails-always-" + UUID.randomUUID();
    a.bean(RecoveryProbeListener.class).publish(new RecoveryProbe(once, 1));
    a.bean(RecoveryProbeListener.class).publish(new RecoveryProbe(always, 99));
    await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(publicationOf(once).get("status"))
        && "FAILED".equals(publicationOf(always).get("status")));

    // within the back-off (30 s): a pass after the failure (it ran a left publication) did not run them again
    String left = leaveOrphan(Instant.now().minus(Duration.ofHours(1)), 0);
    await().atMost(Duration.ofSeconds(60)).until(() -> completed(left));
    assertThat(RecoveryProbeListener.runs(once)).hasSize(1);
    assertThat(RecoveryProbeListener.runs(always)).hasSize(1);

    // the back-off passed: each runs again, once
    agePastBackOff(once, always);
    await().atMost(Duration.ofSeconds(60)).until(() -> completed(once)
        && publicationOf(always).get("completion_attempts").equals(2)
        && "FAILED".equals(publicationOf(always).get("status")));
    assertThat(RecoveryProbeListener.runs(once)).hasSize(2);
    assertThat(RecoveryProbeListener.runs(always)).hasSize(2);

    // the third run is the last (max-attempts 3): then it stays failed, counted as parked
    agePastBackOff(always);
    await().atMost(Duration.ofSeconds(60)).until(() -> publicationOf(always).get("completion_attempts").equals(3)
        && "FAILED".equals(publicationOf(always).get("status")));
    agePastBackOff(always);
    String later = leaveOrphan(Instant.now().minus(Duration.ofHours(1)), 0);
    await().atMost(Duration.ofSeconds(60)).until(() -> completed(later));
    assertThat(RecoveryProbeListener.runs(always)).hasSize(3);
    QueueStatus listeners = a.bean(ClaimWorkers.class).statuses().stream()
        .filter(s -> s.queue().equals(PublicationRecovery.QUEUE)).findFirst().orElseThrow();
    assertThat(listeners.backlog().orElseThrow().parked().orElseThrow()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldRunAgainWhatASingleNodeWasRunningWhenItStopped() throws Exception {
    String own = newDatabase();
    String key = "stopped-mid-run-" + UUID.randomUUID();
    RecoveryProbeListener.hold(key);
    try {
      try (TactNode solo = node(own, "solo")) {
        solo.bean(RecoveryProbeListener.class).publish(new RecoveryProbe(key, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> RecoveryProbeListener.runs(key).size() == 1);
      }
      // its row as a crash leaves it: beating a moment ago (a stop removes it)
      try (Connection connection = connect(own);
          PreparedStatement beating = connection.prepareStatement(
              "INSERT INTO live_node (node_name, started_at, seen_at) VALUES ('solo', ?, ?)")) {
        beating.setObject(1, SqlTime.utc(Instant.now().minus(Duration.ofMinutes(10))));
        beating.setObject(2, SqlTime.utc(Instant.now()));
        beating.executeUpdate();
      }
      try (TactNode again = node(own, "solo")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> publicationOf(again.jdbc(), key).get("completed")
            .equals(true));
        assertThat(RecoveryProbeListener.runs(key)).as("the stopped run, then one more").containsExactly("solo", "solo");
      }
    } finally {
      RecoveryProbeListener.release(key);
    }
  }

  /** Stores an incomplete publication of a new probe as a process would have that is gone now; answers its key. */
  private String leaveOrphan(Instant at, int failures) {
    String key = "left-" + UUID.randomUUID();
    Object serialized = a.bean(EventSerializer.class).serialize(new RecoveryProbe(key, failures));
    a.jdbc().sql("""
        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
          completion_attempts, last_resubmission_date)
        VALUES (:id, :listener, :type, :event, :at, 'PROCESSING', 1, :at)""")
        .param("id", UUID.randomUUID()).param("listener", RecoveryProbeListener.LISTENER_ID)
        .param("type", RecoveryProbe.class.getName()).param("event", serialized.toString())
        .param("at", SqlTime.utc(at)).update();
    return key;
  }

  /** As if the back-off after their last failure had passed. */
  private void agePastBackOff(String... keys) {
    for (String key : keys) {
      a.jdbc().sql("UPDATE event_publication SET last_resubmission_date = :ago WHERE serialized_event LIKE :key")
          .param("ago", SqlTime.utc(Instant.now().minus(Duration.ofHours(2)))).param("key", "%" + key + "%")
          .update();
    }
  }

  private boolean completed(String key) {
    return publicationOf(key).get("completed").equals(true);
  }

  private Map<String, Object> publicationOf(String key) {
    return publicationOf(a.jdbc(), key);
  }

  private static Map<String, Object> publicationOf(JdbcClient jdbc, String key) {
    return jdbc.sql("""
        SELECT status, completion_attempts, completion_date IS NOT NULL AS completed FROM event_publication
        WHERE listener_id = :listener AND serialized_event LIKE :key""")
        .param("listener", RecoveryProbeListener.LISTENER_ID).param("key", "%" + key + "%")
        .query((rs, n) -> Map.<String, Object>of("status", String.valueOf(rs.getString("status")),
            "completion_attempts", rs.getInt("completion_attempts"), "completed", rs.getBoolean("completed")))
        .single();
  }
}
