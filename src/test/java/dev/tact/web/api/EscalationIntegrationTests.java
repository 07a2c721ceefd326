package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Escalation tiers: up with a reason the next agent reads, to an agent of that tier; never down, never without why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:escalation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.triage-below=0.0", "tact.routing.teams.technical=Hosting",
    "tact.routing.teams.outage=Hosting"})
class EscalationIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Test
  void shouldEscalateWithTheReasonToAnAgentOfTheHigherTier() {
    ApiClient admin = new ApiClient(port, tokens.issue("esc", Role.ADMIN, null).secret());
    UUID team = staff.createTeam("Hosting").id();
    UUID first = agent(team, "Fay First");
    UUID specialist = agent(team, "Sol Specialist");
    assertThat(admin.put("/api/v1/staff/teams/" + team + "/members/" + specialist, "{\"tier\":\"specialist\"}")
        .status()).isEqualTo(200);
    String conversation = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", "reseller-" + UUID.randomUUID() + "@customer.example",
        "text", "Our server is down and the website shows error 500 since your update."))).path("conversationId")
        .asString();
    await().atMost(Duration.ofSeconds(15)).until(() -> first.toString().equals(summary(admin, conversation)
        .path("assigneeId").asString()));

    ApiClient.Response noReason = admin.post("/api/v1/conversations/" + conversation + "/escalation",
        "{\"tier\":\"specialist\",\"reason\":\" \"}");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(summary(admin, conversation).path("tier").asString()).isEqualTo("FIRST_LINE");

    ApiClient.Response up = admin.post("/api/v1/conversations/" + conversation + "/escalation",
        "{\"tier\":\"specialist\",\"reason\":\"restarted the web node; the 500s come from the database\"}");
    assertThat(up.status()).as(up.raw()).isEqualTo(200);
    assertThat(up.body().path("tier").asString()).isEqualTo("SPECIALIST");
    await().atMost(Duration.ofSeconds(15)).until(() -> specialist.toString().equals(summary(admin, conversation)
        .path("assigneeId").asString()));
    assertThat(admin.get("/api/v1/conversations/" + conversation).body().path("history").toString())
        .contains("first line → specialist: restarted the web node; the 500s come from the database");

    ApiClient.Response down = admin.post("/api/v1/conversations/" + conversation + "/escalation",
        "{\"tier\":\"first_line\",\"reason\":\"back\"}");
    assertThat(down.status()).isEqualTo(409);
    assertThat(down.body().path("code").asString()).isEqualTo("not-an-escalation");
  }

  private UUID agent(UUID team, String name) {
    UUID id = staff.createAgent(name.toLowerCase().replace(' ', '.') + "@tact.test", name, Role.AGENT,
        "pw-" + UUID.randomUUID()).id();
    staff.addMember(team, id);
    return id;
  }

  private static JsonNode summary(ApiClient admin, String conversation) {
    return admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
  }
}
