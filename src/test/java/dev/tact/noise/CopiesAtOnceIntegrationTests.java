package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

/**
 * Copies of one pitch waiting in the log when the pipeline starts are taken by several workers at
 * once (and, on PostgreSQL, by two nodes): the per-author lock still lets only one of them open a
 * conversation; every other copy joins it as a report.
 */
class CopiesAtOnceIntegrationTests {

  static final int COPIES = 24;

  @Test
  void shouldOpenOneConversationWhenSixWorkersTakeTheCopiesAtOnceOnH2() {
    try (TactNode node = TactNode.start("jdbc:h2:mem:copies-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "--tact.mail.staff-domains=acme.example", "--tact.intake.pipeline.workers=6", "--tact.intake.pipeline.batch-size=1",
        "--tact.routing.enabled=false")) {
      assertOneConversation(List.of(node));
    }
  }

  static void assertOneConversation(List<TactNode> nodes) {
    List<SmartLifecycle> pipelines = nodes.stream().map(n -> n.bean("claimWorkers", SmartLifecycle.class)).toList();
    pipelines.forEach(SmartLifecycle::stop);
    String vendor = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
    List<String> items = new ArrayList<>();
    for (int i = 0; i < COPIES; i++) {
      String mime = "From: Staff " + i + " <staff" + i + "@acme.example>\nTo: it@acme.example\n"
          + "Subject: Fwd: Cut purchasing costs by 30%\nMessage-ID: <copy-" + i + "-" + vendor + ">\n"
          + "Content-Type: text/plain; charset=UTF-8\n\n" + Pitches.forwardBody(i, vendor);
      JsonApi.Answer accepted = nodes.get(0).postBytes("/api/v1/mail",
          mime.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "message/rfc822");
      assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
      items.add(accepted.body().path("itemId").asString());
    }

    pipelines.forEach(SmartLifecycle::start);

    TactNode any = nodes.get(0);
    await().atMost(Duration.ofSeconds(90)).until(() -> any.jdbc().sql(
        "SELECT COUNT(*) FROM intake_item WHERE channel = 'email' AND state <> 'PENDING'").query(Long.class).single()
        == COPIES);
    assertThat(any.jdbc().sql("SELECT COUNT(*) FROM intake_item WHERE state <> 'DONE'").query(Long.class).single())
        .as("every copy filed or joined, none parked").isZero();
    assertThat(any.jdbc().sql("SELECT COUNT(*) FROM conv_conversation").query(Long.class).single()).isEqualTo(1);
    assertThat(any.jdbc().sql("SELECT COUNT(*) FROM noise_report").query(Long.class).single()).isEqualTo(COPIES);
  }
}
