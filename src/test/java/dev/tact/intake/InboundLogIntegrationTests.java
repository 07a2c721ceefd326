package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:inbound-road;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.intake.pipeline.enabled=false"})
class InboundLogIntegrationTests {

  @Autowired
  InboundLog inboundLog;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MeterRegistry meters;

  @Test
  void shouldAcknowledgeOnlyCommittedItemsAndShareCommitsBetweenConcurrentRequests() throws Exception {
    double transactionsBefore = meters.get("tact.intake.log.batch.size").summary().count();
    int requests = 300;
    List<Callable<Boolean>> appends = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      String payload = "{\"n\":" + i + "}";
      appends.add(() -> {
        UUID id = Ids.newId();
        inboundLog.append(new NewItem(id, "web", null, "application/json", payload, null, Instant.now(), Ids.newId()));
        // acknowledged: the row must already be committed and visible to another connection
        return jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE id = :id AND payload = :payload")
            .param("id", id).param("payload", payload).query(Long.class).single() == 1;
      });
    }
    List<Boolean> visible = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
      for (Future<Boolean> f : pool.invokeAll(appends)) {
        visible.add(f.get());
      }
    }
    assertThat(visible).hasSize(requests).containsOnly(true);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE channel = 'web' AND state = 'PENDING'")
        .query(Long.class).single()).isEqualTo(requests);
    double transactions = meters.get("tact.intake.log.batch.size").summary().count() - transactionsBefore;
    assertThat(transactions).as("commits for %d concurrent requests", requests).isLessThan(requests);
  }
}
