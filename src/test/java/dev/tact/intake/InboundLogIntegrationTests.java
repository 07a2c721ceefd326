package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.Ids;
import dev.tact.testsupport.PipelineStoppedTest;
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
import org.springframework.jdbc.core.simple.JdbcClient;

@PipelineStoppedTest
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
    List<UUID> ids = new ArrayList<>();
    List<Callable<Boolean>> appends = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      String payload = "{\"n\":" + i + "}";
      UUID id = Ids.newId();
      ids.add(id);
      appends.add(() -> {
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
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE id IN (:ids) AND channel = 'web' "
        + "AND state = 'PENDING'").param("ids", ids).query(Long.class).single()).isEqualTo(requests);
    double transactions = meters.get("tact.intake.log.batch.size").summary().count() - transactionsBefore;
    assertThat(transactions).as("commits for %d concurrent requests", requests).isLessThan(requests);
  }

  @Test
  void shouldGiveEveryCopyTheFirstMessageIdInARoundOfMoreThanAThousandItems() {
    String run = UUID.randomUUID().toString();
    InboundLog.Logged earlier = inboundLog.append(item("web", run + "-7"));
    InboundLog.Logged elsewhere = inboundLog.append(item("chat", run + "-8"));
    List<NewItem> round = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      round.add(item("web", run + "-" + i));
    }
    round.add(item("web", run + "-1199")); // a copy within the round
    List<InboundLog.Logged> logged = inboundLog.appendAll(round);

    assertThat(logged).hasSize(1_201);
    assertThat(logged.get(7).redelivery()).isTrue();
    assertThat(logged.get(7).messageId()).isEqualTo(earlier.messageId());
    assertThat(logged.get(8).redelivery()).as("the same external id on another channel").isFalse();
    assertThat(logged.get(8).messageId()).isNotEqualTo(elsewhere.messageId());
    assertThat(logged.get(1_200).redelivery()).isTrue();
    assertThat(logged.get(1_200).messageId()).isEqualTo(logged.get(1_199).messageId());
    assertThat(logged.stream().filter(InboundLog.Logged::redelivery)).hasSize(2);
    assertThat(logged.stream().map(InboundLog.Logged::messageId).distinct()).hasSize(1_200);
  }

  private static NewItem item(String channel, String externalId) {
    return new NewItem(Ids.newId(), channel, externalId, "application/json", "{}", null, Instant.now(), Ids.newId());
  }
}
