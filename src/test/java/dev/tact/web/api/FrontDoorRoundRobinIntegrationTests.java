package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Each team chooses how it assigns (the installation's default here is least loaded): round robin gives new
 * conversations to the team's available agents in turn, none leaves them in the team's queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:round-robin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.assignment=least-loaded", "tact.routing.triage-below=0.35",
    "tact.routing.teams.technical=Second line", "tact.routing.teams.outage=Second line"})
class FrontDoorRoundRobinIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Test
  void shouldGiveNewConversationsToTheTeamsAvailableAgentsInTurnWhenTheTeamChoseRoundRobin() {
    ApiClient admin = new ApiClient(port, tokens.issue("rr", Role.ADMIN, null).secret());
    UUID team = staff.createTeam("Second line").id();
    List<UUID> agents = new ArrayList<>();
    for (String name : List.of("Cai", "Dee", "Eli")) {
      UUID id = staff.createAgent(name.toLowerCase() + "@tact.test", name, Role.AGENT, "pw-" + UUID.randomUUID()).id();
      staff.addMember(team, id);
      agents.add(id);
    }
    String assignment = "/api/v1/admin/routing/teams/" + team + "/assignment";
    assertThat(admin.get(assignment).body().path("inherited").asBoolean()).isTrue();
    assertThat(admin.get(assignment).body().path("mode").asString()).isEqualTo("LEAST_LOADED");

    ApiClient.Response bad = admin.put(assignment, "{\"mode\":\"by-lottery\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("code").asString()).isEqualTo("invalid-assignment");
    assertThat(admin.get(assignment).body().path("inherited").asBoolean()).as("a bad mode changes nothing").isTrue();
    assertThat(admin.put("/api/v1/admin/routing/teams/" + UUID.randomUUID() + "/assignment",
        "{\"mode\":\"none\"}").status()).isEqualTo(404);
    assertThat(admin.put(assignment, "{\"mode\":\"round-robin\"}").body().path("inherited").asBoolean()).isFalse();

    // Each conversation is solved at once, so every agent's load stays 0: least loaded would pick Cai each time.
    List<String> assignees = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      JsonNode routed = routedAndSolved(admin);
      assignees.add(routed.path("assigneeId").asString());
    }
    assertThat(assignees).containsExactly(agents.get(0).toString(), agents.get(1).toString(),
        agents.get(2).toString(), agents.get(0).toString());

    assertThat(admin.put(assignment, "{\"mode\":\"none\"}").status()).isEqualTo(200);
    JsonNode queued = routedAndSolved(admin);
    assertThat(queued.path("teamId").asString()).isEqualTo(team.toString());
    assertThat(queued.path("assigneeId").isNull() || queued.path("assigneeId").isMissingNode())
        .as("none: the team's queue").isTrue();

    assertThat(admin.put(assignment, "{\"mode\":\"default\"}").body().path("inherited").asBoolean()).isTrue();
    assertThat(routedAndSolved(admin).path("assigneeId").asString()).as("least loaded again: a tie, first by name")
        .isEqualTo(agents.get(0).toString());
  }

  /** Posts a technical question, waits until the front door gave it to a team, solves it; its summary as routed. */
  private JsonNode routedAndSolved(ApiClient admin) {
    UUID conversation = UUID.fromString(admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
        "sender", "ops-" + UUID.randomUUID() + "@customer.example",
        "text", "The server is down and the website shows error 500 since the update. Please help fix it.")))
        .path("conversationId").asString());
    await().atMost(Duration.ofSeconds(15)).until(() -> !admin.get("/api/v1/conversations/" + conversation).body()
        .path("conversation").path("teamId").isNull());
    JsonNode routed = admin.get("/api/v1/conversations/" + conversation).body().path("conversation");
    assertThat(admin.put("/api/v1/conversations/" + conversation + "/status", "{\"status\":\"solved\"}").status())
        .isEqualTo(200);
    return routed;
  }
}
