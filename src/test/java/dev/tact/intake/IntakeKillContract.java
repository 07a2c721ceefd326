package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.TactProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Intake survives kill -9 in the middle of a burst (issue 20, part 5): Tact runs as a JVM of its own, a few client
 * threads post messages with unique external ids as fast as it answers, admission kept tight so that some are
 * refused, and the process is killed (SIGKILL) while they post. After a restart on the same database every message
 * that was answered 202 is in the log exactly once and filed exactly once; every one answered 429 is absent (a
 * refusal never stands for something committed); one that got no answer, sent again after the restart, is filed
 * exactly once (its log may hold it twice: committed before the kill, and the copy sent again, a redelivery).
 */
abstract class IntakeKillContract {

  static final int CLIENTS = 8;
  static final int MAX_IN_FLIGHT = 6;
  static final int ACKNOWLEDGED_BEFORE_KILL = 100;
  static final int MOST_POSTS = 20_000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private TactProcess tact;

  /** A database made for this test, which a restarted process finds again and the test can read meanwhile. */
  abstract String database() throws Exception;

  /** A connection of the test's own to that database, while Tact runs on it. */
  Connection connect(String url) throws Exception {
    return DriverManager.getConnection(url);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (tact != null) {
      tact.close();
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedMessageExactlyOnceWhenKilledMidBurst() throws Exception {
    String url = database();
    int port = TactProcess.freePort();
    tact = start(url, port);
    String token = tact.token(); // kept in the database: the restarted process takes it too

    Map<String, Integer> answers = new ConcurrentHashMap<>();
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(Thread.ofPlatform().start(() -> {
        int n;
        while ((n = next.getAndIncrement()) < MOST_POSTS) {
          String id = externalId(n);
          int status = post(port, token, id);
          if (status < 0) {
            unanswered.add(id);
            return; // the process is gone
          }
          answers.put(id, status);
          if (status == 202) {
            acknowledged.incrementAndGet();
          }
        }
      }));
    }
    // quickly on a quiet machine; the bound is for one shared with other builds
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(10))
        .until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL || !tact.isAlive());
    tact.kill();
    for (Thread client : clients) {
      client.join(Duration.ofSeconds(30));
    }

    List<String> accepted = withStatus(answers, 202);
    List<String> refused = withStatus(answers, 429);
    assertThat(answers.values()).as("every answer before the kill is 202 or 429").allMatch(s -> s == 202 || s == 429);
    assertThat(accepted).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    assertThat(unanswered).as("the kill came while the clients were posting").isNotEmpty();

    tact = start(url, port);
    for (String id : unanswered) {
      int status = post(port, token, id);
      assertThat(status).as("%s sent again after the restart", id).isEqualTo(202);
    }
    List<String> expected = new ArrayList<>(accepted);
    expected.addAll(unanswered);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
        .until(() -> count(url, "SELECT COUNT(*) FROM intake_item WHERE external_id LIKE ? AND state = 'PENDING'",
            "kill-" + run + "-%") == 0);

    Map<String, Integer> logged = perExternalId(url, "SELECT external_id, COUNT(*) FROM intake_item "
        + "WHERE external_id LIKE ? GROUP BY external_id");
    Map<String, Integer> filed = perExternalId(url, "SELECT i.external_id, COUNT(m.id) FROM intake_item i "
        + "JOIN conv_message m ON m.id = i.message_id WHERE i.external_id LIKE ? AND i.state = 'DONE' "
        + "GROUP BY i.external_id");
    String figures = "kill -9 mid-burst (%s): %d answered 202, %d answered 429, %d unanswered before the kill; "
        .formatted(getClass().getSimpleName(), accepted.size(), refused.size(), unanswered.size())
        + "%d in the log and %d filed after the restart".formatted(logged.size(), filed.size());
    System.out.println(figures);
    Files.writeString(Path.of("target", "intake-kill-figures.txt"), figures + System.lineSeparator(),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

    Map<String, Integer> firsts = perExternalId(url, "SELECT external_id, COUNT(*) FROM intake_item "
        + "WHERE external_id LIKE ? AND state <> 'DUPLICATE' GROUP BY external_id");
    for (String id : accepted) {
      assertThat(logged.get(id)).as("%s in the log", id).isEqualTo(1);
    }
    for (String id : unanswered) {
      // committed before the kill or not: sent again, it is a first or a redelivery of the first, never two firsts
      assertThat(firsts.get(id)).as("%s in the log as a first", id).isEqualTo(1);
    }
    for (String id : expected) {
      assertThat(filed.get(id)).as("%s filed", id).isEqualTo(1);
    }
    assertThat(refused).as("refused messages were not stored").noneMatch(logged::containsKey);
    assertThat(logged.keySet()).as("nothing else is in the log").hasSameSizeAs(expected)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private TactProcess start(String url, int port) throws IOException {
    return TactProcess.start(url, port, "--tact.intake.admission.max-in-flight=" + MAX_IN_FLIGHT,
        "--tact.intake.admission.queue-wait=200ms");
  }

  private String externalId(int n) {
    return "kill-" + run + "-" + n;
  }

  /** The status of the answer, or -1 when none came (the process was killed, or is gone). */
  private int post(int port, String token, String externalId) {
    String body = """
        {"channel":"email","sender":"customer%d@kill-%s.example","text":"Where is order %s?",\
        "externalMessageId":"%s"}""".formatted(Math.abs(externalId.hashCode()) % 40, run, externalId, externalId);
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static List<String> withStatus(Map<String, Integer> answers, int status) {
    return answers.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
  }

  private int count(String url, String sql, String like) throws Exception {
    try (Connection c = connect(url); var statement = c.prepareStatement(sql)) {
      statement.setString(1, like);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private Map<String, Integer> perExternalId(String url, String sql) throws Exception {
    Map<String, Integer> counts = new java.util.HashMap<>();
    try (Connection c = connect(url); var statement = c.prepareStatement(sql)) {
      statement.setString(1, "kill-" + run + "-%");
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }
}
