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

/** Round-robin assignment: the team's available agents take new conversations in turn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:round-robin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.assignment=round-robin", "tact.routing.triage-below=0.35",
    "tact.routing.teams.technical=Second line"})
class FrontDoorRoundRobinIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Test
  void shouldGiveNewConversationsToTheTeamsAvailableAgentsInTurn() {
    ApiClient admin = new ApiClient(port, tokens.issue("rr", Role.ADMIN, null).secret());
    UUID team = staff.createTeam("Second line").id();
    List<UUID> agents = new ArrayList<>();
    for (String name : List.of("Cai", "Dee", "Eli")) {
      UUID id = staff.createAgent(name.toLowerCase() + "@tact.test", name, Role.AGENT, "pw-" + UUID.randomUUID()).id();
      staff.addMember(team, id);
      agents.add(id);
    }

    List<String> assignees = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      UUID conversation = UUID.fromString(admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email",
          "sender", "ops-" + UUID.randomUUID() + "@customer.example",
          "text", "The server is down and the website shows error 500 since the update. Please help fix it.")))
          .path("conversationId").asString());
      await().atMost(Duration.ofSeconds(15)).until(() -> !admin.get("/api/v1/conversations/" + conversation).body()
          .path("conversation").path("assigneeId").isNull());
      assignees.add(admin.get("/api/v1/conversations/" + conversation).body().path("conversation").path("assigneeId")
          .asString());
    }

    assertThat(assignees).containsExactly(agents.get(0).toString(), agents.get(1).toString(),
        agents.get(2).toString(), agents.get(0).toString());
  }
}
