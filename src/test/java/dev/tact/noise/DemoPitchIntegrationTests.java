package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo workspace shows a vendor pitch mailed to three addresses as one conversation with three reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-pitch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=true", "tact.intake.imap.enabled=false", "tact.routing.enabled=false",
    "tact.secrets.key=dGFjdC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISEhISE="})
class DemoPitchIntegrationTests {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  NoiseControl noise;

  @Test
  void shouldShowTheDemoPitchAsOneConversationWithThreeReports() {
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM intake_item WHERE external_id LIKE 'demo-pitch-%' AND state <> 'PENDING'")
        .query(Long.class).single() == 3);
    List<UUID> conversations = jdbc.sql(
        "SELECT DISTINCT conversation_id FROM intake_item WHERE external_id LIKE 'demo-pitch-%'").query(UUID.class)
        .list();
    assertThat(conversations).hasSize(1);
    assertThat(noise.reports(conversations.get(0))).hasSize(3);
  }
}
