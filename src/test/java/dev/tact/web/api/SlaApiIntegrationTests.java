package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import static org.awaitility.Awaitility.await;

/** The SLA API: calendars, closures and policies; bad input is a Problem Details answer and changes nothing. */
@TactTest
class SlaApiIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  ApiClient admin;
  UUID team;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(port, tokens.issue("sla-" + UUID.randomUUID(), Role.ADMIN, null).secret());
    team = staff.createTeam("Winnipeg " + UUID.randomUUID()).id();
  }

  @Test
  void shouldSetATeamCalendarWithHolidaysAndClosures() {
    ApiClient.Response saved = admin.put("/api/v1/admin/sla/calendars/" + team, """
        {"zone":"America/Winnipeg","hoursText":"mon-fri 09:00-17:00","country":"CA","subdivision":"mb"}""");
    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    assertThat(saved.body().path("configured").asBoolean()).isTrue();
    assertThat(saved.body().path("hoursText").asString()).isEqualTo("mon-fri 09:00-17:00");
    assertThat(saved.body().path("hours")).hasSize(5);

    ApiClient.Response byIntervals = admin.put("/api/v1/admin/sla/calendars/" + team, """
        {"zone":"America/Winnipeg","hours":[{"day":"MONDAY","start":"09:00","end":"12:00"},
          {"day":"mon","start":"13:00","end":"17:00"},{"day":"FRIDAY","start":"22:00","end":"06:00"}],
         "country":"CA","subdivision":"mb","bankHolidays":false}""");
    assertThat(byIntervals.status()).as(byIntervals.raw()).isEqualTo(200);
    assertThat(byIntervals.body().path("hoursText").asString())
        .isEqualTo("mon 09:00-12:00\nmon 13:00-17:00\nfri 22:00-06:00");

    ApiClient.Response closure = admin.post("/api/v1/admin/sla/calendars/" + team + "/closures", """
        {"label":"Company retreat","firstDay":"2026-12-28","lastDay":"2026-12-31"}""");
    assertThat(closure.status()).as(closure.raw()).isEqualTo(201);
    ApiClient.Response window = admin.post("/api/v1/admin/sla/calendars/" + team + "/closures", """
        {"label":"Phone outage","startsAt":"2026-12-01T15:00:00Z","endsAt":"2026-12-01T17:00:00Z"}""");
    assertThat(window.status()).as(window.raw()).isEqualTo(201);
    assertThat(admin.get("/api/v1/admin/sla/calendars/" + team).body().path("closures")).hasSize(2);

    assertThat(admin.delete("/api/v1/admin/sla/calendars/" + team + "/closures/" + closure.body().path("id")
        .asString()).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/admin/sla/calendars/" + team).body().path("closures")).hasSize(1);

    assertThat(admin.delete("/api/v1/admin/sla/calendars/" + team).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/admin/sla/calendars/" + team).body().path("configured").asBoolean()).isFalse();
  }

  @Test
  void shouldRejectABadCalendarAndKeepTheOldOne() {
    admin.put("/api/v1/admin/sla/calendars/" + team, """
        {"zone":"America/Winnipeg","hoursText":"mon-fri 09:00-17:00","country":"CA","subdivision":"mb"}""");
    String before = admin.get("/api/v1/admin/sla/calendars/" + team).raw();

    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team,
        "{\"zone\":\"Mars/Olympus\",\"hoursText\":\"mon-fri 09:00-17:00\"}"), 422, "invalid-time-zone");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team,
        "{\"zone\":\"UTC\",\"hoursText\":\"weekdays nine to five\"}"), 422, "invalid-working-hours");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team,
        "{\"zone\":\"UTC\",\"hoursText\":\"mon 09:00-17:00; mon 12:00-18:00\"}"), 422, "invalid-calendar");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team,
        "{\"zone\":\"UTC\",\"hoursText\":\"mon 09:00-17:00\",\"country\":\"XX\"}"), 422, "invalid-calendar");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team,
        "{\"zone\":\"UTC\",\"hours\":[{\"day\":\"someday\",\"start\":\"09:00\",\"end\":\"17:00\"}]}"), 422,
        "invalid-working-hours");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + team, "{\"zone\":"), 400, "malformed-request");
    assertProblem(admin.post("/api/v1/admin/sla/calendars/" + team + "/closures",
        "{\"label\":\" \",\"firstDay\":\"2026-12-24\"}"), 422, "invalid-closure");
    assertProblem(admin.post("/api/v1/admin/sla/calendars/" + team + "/closures",
        "{\"label\":\"x\",\"firstDay\":\"24.12.2026\"}"), 422, "invalid-date");
    assertProblem(admin.post("/api/v1/admin/sla/calendars/" + team + "/closures",
        "{\"label\":\"x\",\"firstDay\":\"2026-12-24\",\"startsAt\":\"2026-12-24T10:00:00Z\"}"), 422, "invalid-closure");
    assertProblem(admin.put("/api/v1/admin/sla/calendars/" + UUID.randomUUID(),
        "{\"zone\":\"UTC\",\"hoursText\":\"mon 09:00-17:00\"}"), 404, "team-not-found");

    assertThat(admin.get("/api/v1/admin/sla/calendars/" + team).raw()).isEqualTo(before);
  }

  @Test
  void shouldKeepPoliciesInOrderAndRejectBadOnes() {
    String first = admin.post("/api/v1/admin/sla/policies", """
        {"name":"Standard","teamIds":["%s"],"firstResponseMinutes":480,"resolutionMinutes":2400}""".formatted(team))
        .body().path("id").asString();
    ApiClient.Response vip = admin.post("/api/v1/admin/sla/policies", """
        {"name":"VIP urgent","priorities":["urgent","high"],"customerTiers":["vip"],"teamIds":["%s"],
         "firstResponseMinutes":60,"nextResponseMinutes":120,"warnAtPercent":50,"position":1}""".formatted(team));
    assertThat(vip.status()).as(vip.raw()).isEqualTo(201);
    assertThat(vip.body().path("priorities").toString()).isEqualTo("[\"URGENT\",\"HIGH\"]");
    assertThat(vip.body().path("warnAtPercent").asInt()).isEqualTo(50);
    assertThat(admin.get("/api/v1/admin/sla/policies/" + first).body().path("warnAtPercent").asInt()).isEqualTo(75);
    String order = names();
    assertThat(order.indexOf("VIP urgent")).isLessThan(order.indexOf("Standard"));

    String before = admin.get("/api/v1/admin/sla/policies").raw();
    assertProblem(admin.post("/api/v1/admin/sla/policies", "{\"name\":\"No targets\"}"), 422, "invalid-policy");
    assertProblem(admin.post("/api/v1/admin/sla/policies",
        "{\"name\":\"x\",\"firstResponseMinutes\":60,\"warnAtPercent\":150}"), 422, "invalid-policy");
    assertProblem(admin.post("/api/v1/admin/sla/policies",
        "{\"name\":\"x\",\"firstResponseMinutes\":-5}"), 422, "invalid-policy");
    assertProblem(admin.post("/api/v1/admin/sla/policies",
        "{\"name\":\"x\",\"firstResponseMinutes\":60,\"priorities\":[\"asap\"]}"), 422, "unknown-priority");
    assertProblem(admin.post("/api/v1/admin/sla/policies",
        "{\"name\":\"x\",\"firstResponseMinutes\":60,\"teamIds\":[\"" + UUID.randomUUID() + "\"]}"), 422,
        "invalid-policy");
    assertProblem(admin.put("/api/v1/admin/sla/policies/" + first, "{\"name\":\"\",\"firstResponseMinutes\":60}"),
        422, "invalid-policy");
    assertThat(admin.get("/api/v1/admin/sla/policies").raw()).isEqualTo(before);

    ApiClient.Response moved = admin.put("/api/v1/admin/sla/policies/" + first, """
        {"name":"Standard","teamIds":["%s"],"firstResponseMinutes":240,"position":1}""".formatted(team));
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.body().path("position").asInt()).isEqualTo(1);
    assertThat(admin.delete("/api/v1/admin/sla/policies/" + first).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/admin/sla/policies/" + first).status()).isEqualTo(404);
  }

  @Test
  void shouldShowAConversationsClocksAndReportThem() {
    admin.post("/api/v1/admin/sla/policies", """
        {"name":"Team report","teamIds":["%s"],"firstResponseMinutes":600}""".formatted(team));
    String conversation = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "web",
        "sender", "rep-" + UUID.randomUUID() + "@customer.example", "text", "Please call me back.")))
        .path("conversationId").asString();
    admin.put("/api/v1/conversations/" + conversation + "/assignment", "{\"teamId\":\"" + team + "\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> "Team report".equals(
        admin.get("/api/v1/conversations/" + conversation + "/sla").body().path("policyName").asString()));
    ApiClient.Response sla = admin.get("/api/v1/conversations/" + conversation + "/sla");
    assertThat(sla.body().path("clocks").toString()).contains("\"metric\":\"FIRST_RESPONSE\"", "\"targetMinutes\":600");

    assertThat(admin.post("/api/v1/conversations/" + conversation + "/replies", "{\"text\":\"Calling now.\"}")
        .status()).isLessThan(300);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    ApiClient.Response report = admin.get("/api/v1/sla/reports/teams/" + team + "?from=" + today.minusDays(1)
        + "&to=" + today.plusDays(1));
    assertThat(report.status()).as(report.raw()).isEqualTo(200);
    assertThat(report.body().path("metrics").get(0).path("met").asInt()).isEqualTo(1);
    assertThat(report.body().path("metrics").get(0).path("percentAchieved").asDouble()).isEqualTo(100.0);
    assertThat(report.body().path("firstResponse").path("answered").asInt()).isEqualTo(1);

    assertProblem(admin.get("/api/v1/sla/reports/teams/" + team + "?from=2026-02-01&to=2026-01-01"), 422,
        "invalid-range");
    assertProblem(admin.get("/api/v1/sla/reports/teams/" + team + "?from=yesterday&to=2026-01-01"), 422,
        "invalid-date");
    assertProblem(admin.get("/api/v1/conversations/999999999/sla"), 404, "conversation-not-found");
    assertProblem(admin.get("/api/v1/sla/queue?state=late"), 422, "invalid-state");
    assertThat(admin.get("/api/v1/sla/queue?state=due-soon").status()).isEqualTo(200);
  }

  private String names() {
    return admin.get("/api/v1/admin/sla/policies").raw();
  }

  private static void assertProblem(ApiClient.Response response, int status, String code) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.body().path("code").asString()).as(response.raw()).isEqualTo(code);
  }
}
