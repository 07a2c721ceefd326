package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.WebSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The vendor-pitch owner and standard answer set by an admin (API and Admin → Noise control) instead of the
 * configuration: a pitch through the real intake then goes to the saved owner and its sender gets the saved answer;
 * bad input changes nothing. The context (and its database) is {@code SendingSettingsIntegrationTests}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:admin-defaults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1", "tact.demo.enabled=false", "tact.intake.imap.enabled=false",
    "tact.routing.enabled=true", "tact.delivery.from-address=support@tact.test", "tact.delivery.from-name=Support",
    "tact.delivery.poll-interval=PT0.2S", "tact.delivery.settings-refresh=PT1S",
    "tact.conversation.message-id-domain=tact.test", "tact.noise.refresh-interval=PT1S",
    "tact.secrets.key=dGFjdC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISEhISE="})
class VendorPitchSettingsIntegrationTests {

  static final String ADMIN = "ada-pitches@tact.test";
  static final String ADMIN_PASSWORD = "Long-enough-pass-1";

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  JsonApi api;

  @BeforeEach
  void adminTokenAndAdmin() {
    api = new JsonApi(port, tokens.issue("pitch-tests", Role.ADMIN, null).secret());
    if (staff.findAgentByEmail(ADMIN).isEmpty()) {
      staff.createAgent(ADMIN, "Ada Pitches", Role.ADMIN, ADMIN_PASSWORD);
    }
  }

  @AfterEach
  void backToTheConfiguration() {
    api.delete("/api/v1/admin/noise/vendor-pitches");
  }

  @Test
  void shouldRefuseAnOwnerNobodyHasOrAMissingChoiceAndChangeNothing() {
    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put("unknown-vendor-pitch-owner", change("nobody@nowhere.example", true, "Thanks."));
    bad.put("unknown-vendor-pitch-owner ", change("No Such Team", true, "Thanks."));
    bad.put("invalid-vendor-pitch-answer", change("", null, "Thanks."));
    bad.put("invalid-vendor-pitch-answer ", change("", true, "x".repeat(5001)));

    bad.forEach((code, body) -> {
      JsonApi.Answer answer = api.put("/api/v1/admin/noise/vendor-pitches", body);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
      assertThat(answer.body().path("code").asString()).isEqualTo(code.strip());
    });

    JsonNode current = api.get("/api/v1/admin/noise/vendor-pitches").body();
    assertThat(current.path("stored").asBoolean()).isFalse();
    assertThat(current.path("owner").asString()).as("tact.noise.vendor-pitch-owner is not set here").isEmpty();
    assertThat(current.path("answer").asBoolean()).isFalse();
  }

  @Test
  void shouldGiveAPitchToTheSavedOwnerAndAnswerItWithTheSavedText() {
    String teamName = "Purchasing " + unique();
    JsonApi.Answer team = api.post("/api/v1/admin/staff/teams", Map.of("name", teamName));
    assertThat(team.status()).as(team.raw()).isEqualTo(201);
    String pitchDomain = "pitch-" + unique() + ".example";
    assertThat(api.post("/api/v1/admin/routing/rules", Map.of("kind", "sender", "value", "@" + pitchDomain,
        "intent", "vendor_pitch")).status()).isEqualTo(201);

    JsonApi.Answer saved = api.put("/api/v1/admin/noise/vendor-pitches", change(teamName, true,
        "Thank you, our purchasing team has it."));

    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("stored").asBoolean()).isTrue();
    assertThat(saved.body().path("owner").asString()).isEqualTo(teamName);
    JsonApi.Answer item = api.post("/api/v1/messages", Map.of("channel", "email", "sender", "vera@" + pitchDomain,
        "subject", "Cut your costs", "text", "We would love to show you our procurement suite " + unique() + "."));
    assertThat(item.status()).as(item.raw()).isEqualTo(202);
    String statusPath = "/api/v1/messages/" + item.body().path("itemId").asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get(statusPath).body().path("conversationId")
        .isString());
    String conversation = "/api/v1/conversations/" + api.get(statusPath).body().path("conversationId").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> team.body().path("id").asString().equals(
        api.get(conversation).body().path("conversation").path("teamId").asString()));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get(conversation).raw()
        .contains("Thank you, our purchasing team has it."));
    assertThat(api.get("/api/v1/admin/audit?action=noise.vendor-pitches.changed").raw()).contains(teamName);
  }

  @Test
  void shouldSaveAndResetVendorPitchesOnTheNoiseControlPage() {
    WebSession browser = new WebSession(port);
    assertThat(browser.logIn(ADMIN, ADMIN_PASSWORD)).isTrue();
    assertThat(browser.get("/admin/noise").body()).contains("Vendor pitches").contains("From the configuration")
        .contains("Staff domains");

    browser.submit("/admin/noise", "/admin/noise/vendor-pitches", Map.of("owner", "ghost@nowhere.example",
        "answer", "true", "answerText", "Typed text that is kept"));
    String refused = browser.get("/admin/noise").body();
    assertThat(refused).contains("No agent has the email").contains("Typed text that is kept");
    assertThat(api.get("/api/v1/admin/noise/vendor-pitches").body().path("stored").asBoolean()).isFalse();

    browser.submit("/admin/noise", "/admin/noise/vendor-pitches", Map.of("owner", ADMIN, "answerText",
        "We have passed it on."));
    JsonNode saved = api.get("/api/v1/admin/noise/vendor-pitches").body();
    assertThat(saved.path("owner").asString()).isEqualTo(ADMIN);
    assertThat(saved.path("answer").asBoolean()).as("the box was not ticked").isFalse();
    assertThat(saved.path("answerText").asString()).isEqualTo("We have passed it on.");
    assertThat(browser.get("/admin/noise").body()).contains("Saved by Ada Pitches");

    browser.submit("/admin/noise", "/admin/noise/vendor-pitches/reset", Map.of());
    assertThat(api.get("/api/v1/admin/noise/vendor-pitches").body().path("stored").asBoolean()).isFalse();
    assertThat(api.get("/api/v1/admin/audit?action=noise.vendor-pitches.reset").raw()).contains(ADMIN);
  }

  private static Map<String, Object> change(String owner, Boolean answer, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("owner", owner);
    body.put("answer", answer);
    body.put("answerText", text);
    return body;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
