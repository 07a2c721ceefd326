package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.TactApplication;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two Tact nodes share one PostgreSQL: numbers never repeat and every item is processed once. */
@RequiresPostgres
class TwoNodesOnPostgresIntegrationTests {

  static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

  @BeforeAll
  static void startTwoNodes() {
    String url = PostgresTestDatabase.create();
    for (int i = 0; i < 2; i++) {
      // command-line arguments, so they win over application.yml as they would for an operator
      NODES.add(new SpringApplicationBuilder(TactApplication.class)
          .run("--server.port=0", "--spring.datasource.url=" + url, "--tact.demo.enabled=false",
              "--spring.jmx.enabled=false", "--tact.intake.pipeline.workers=3"));
    }
  }

  @AfterAll
  static void stopNodes() {
    NODES.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void shouldNumberConversationsUniquelyAndProcessEachItemOnceAcrossNodes() throws Exception {
    List<ApiClient> clients = NODES.stream()
        .map(node -> new ApiClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")),
            node.getBean(ApiTokens.class).issue("two-nodes", Role.AGENT, null).secret()))
        .toList();
    int perNode = 60;
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < perNode * 2; i++) {
      ApiClient client = clients.get(i % 2);
      String body = client.json(Map.of("channel", "web", "sender", "node-test-" + i + "@example.com",
          "text", "message " + i, "externalMessageId", "two-nodes-" + i));
      posts.add(() -> client.post("/api/v1/messages", body).status());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (Future<Integer> status : pool.invokeAll(posts)) {
        assertThat(status.get()).isEqualTo(202);
      }
    }

    JdbcClient jdbc = NODES.getFirst().getBean(JdbcClient.class);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'").query(Long.class).single() == 0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE state = 'DONE'").query(Long.class).single())
        .isEqualTo(perNode * 2L);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_message").query(Long.class).single()).isEqualTo(perNode * 2L);
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT number) FROM conv_conversation").query(Long.class).single())
        .isEqualTo(perNode * 2L);
  }
}
