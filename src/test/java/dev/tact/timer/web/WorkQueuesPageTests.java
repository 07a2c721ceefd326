package dev.tact.timer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactTest;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.QueueStatus;
import dev.tact.timer.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Admin → Work queues and {@code GET /api/v1/admin/queues}: the backlog every node shares, read from the queues'
 * tables, and this node's pace. A timer of a kind nobody handles stays due, so it shows as backlog and lag.
 */
@TactTest
class WorkQueuesPageTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  Timers timers;

  @Autowired
  ClaimWorkers workers;

  @Autowired
  ApiTokens tokens;

  @LocalServerPort
  int port;

  private final String kind = "queues-page-test-" + UUID.randomUUID();

  @AfterEach
  void cancelTheTimer() {
    timers.cancel(kind, "k");
  }

  @Test
  void shouldShowATimerDueTenMinutesAgoAsBacklogWithItsLag() throws Exception {
    long waitingBefore = timersQueue().backlog().orElseThrow().waiting();
    timers.schedule(kind, "k", Instant.now().minus(Duration.ofMinutes(10)), "{}");

    QueueStatus after = timersQueue();
    assertThat(after.backlog().orElseThrow().waiting()).isEqualTo(waitingBefore + 1);
    assertThat(after.lag().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));

    JsonApi admin = new JsonApi(port, tokens.issue("queues-admin-" + UUID.randomUUID(), Role.ADMIN, null).secret());
    JsonApi.Answer answer = admin.get("/api/v1/admin/queues");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    JsonNode timersEntry = entry(answer.body(), "timers");
    assertThat(timersEntry.path("waiting").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(timersEntry.path("lagSeconds").asDouble()).isGreaterThanOrEqualTo(600.0);
    assertThat(timersEntry.path("parked").isNumber()).isTrue();
    assertThat(entry(answer.body(), "delivery").path("parked").isNull()).as("the outbox parks nothing").isTrue();
    for (String fold : new String[] {"conversation-opened-fold", "effort-fold", "sla-first-response-fold"}) {
      assertThat(entry(answer.body(), fold).path("waiting").isNumber()).as(fold).isTrue();
    }

    String page = mvc.perform(get("/admin/queues").with(user("queues-admin@example.com").roles("ADMIN")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Work queues", "data-queue=\"intake-pipeline\"", "data-queue=\"delivery\"",
        "data-queue=\"timers\"");
    assertThat(page).containsPattern("data-queue=\"timers\" class=\"behind\"");
  }

  @Test
  void shouldCountWhatThisNodeDidInTheLastMinute() {
    long doneBefore = queue("intake-pipeline").doneLastMinute();
    JsonApi api = new JsonApi(port, tokens.issue("queues-intake-" + UUID.randomUUID(), Role.ADMIN, null).secret());
    JsonApi.Answer item = api.post("/api/v1/messages", Map.of("channel", "email", "sender",
        "queue-" + UUID.randomUUID() + "@customer.example", "subject", "Where is it?", "text", "Still waiting."));
    assertThat(item.status()).as(item.raw()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(20))
        .until(() -> queue("intake-pipeline").doneLastMinute() > doneBefore);
  }

  @Test
  void shouldBeForAdminsOnly() throws Exception {
    mvc.perform(get("/admin/queues").with(user("agent@example.com").roles("AGENT")))
        .andExpect(status().isForbidden());
    JsonApi agent = new JsonApi(port, tokens.issue("queues-agent-" + UUID.randomUUID(), Role.AGENT, null).secret());
    assertThat(agent.get("/api/v1/admin/queues").status()).isEqualTo(403);
  }

  private QueueStatus timersQueue() {
    return queue("timers");
  }

  private QueueStatus queue(String name) {
    return workers.statuses().stream().filter(s -> s.queue().equals(name)).findFirst().orElseThrow();
  }

  private static JsonNode entry(JsonNode queues, String name) {
    for (JsonNode q : queues) {
      if (q.path("queue").asString().equals(name)) {
        return q;
      }
    }
    throw new AssertionError("no queue " + name + " in " + queues);
  }
}
