package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.routing.FrontDoor;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The front door reads each new conversation and sends it to the intent's team, or to triage when unsure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:front-door;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.triage-below=0.35", "tact.routing.teams.billing=Accounts receivable"})
class FrontDoorIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  FrontDoor door;

  ApiClient admin;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(port, tokens.issue("door", Role.ADMIN, null).secret());
    if (staff.teamByName("Accounts receivable").isEmpty()) {
      staff.createTeam("Accounts receivable");
    }
  }

  @Test
  void shouldSendABillingQuestionToTheBillingTeam() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", "ana-" + UUID.randomUUID() + "@customer.example", "subject", "Charged twice",
        "text", "My invoice is wrong: you charged my card twice this month. Please refund one payment.")));
    UUID conversation = UUID.fromString(item.path("conversationId").asString());

    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
    assertThat(door.intentOf(conversation).orElseThrow().intent()).isEqualTo("billing");
    JsonNode summary = admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
    assertThat(summary.path("teamId").asString()).isEqualTo(staff.teamByName("Accounts receivable").orElseThrow()
        .id().toString());
    assertThat(summary.path("tags").toString()).contains("intent:billing").doesNotContain("triage");
  }

  @Test
  void shouldSendWhatItCannotReadToTriageInsteadOfAWrongTeam() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "chat",
        "sender", "zed-" + UUID.randomUUID() + "@customer.example", "text", "qqq zzv")));
    UUID conversation = UUID.fromString(item.path("conversationId").asString());

    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(conversation).isPresent());
    assertThat(door.intentOf(conversation).orElseThrow().triage()).isTrue();
    JsonNode summary = admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
    assertThat(summary.path("tags").toString()).contains("triage");
    assertThat(summary.path("teamId").isNull() || summary.path("teamId").isMissingNode()).isTrue();
  }
}
