package dev.tact.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactTest;
import dev.tact.testsupport.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard over real HTTP: the page, its CSV and its API for leads; Problem Details (API) or a readable message
 * (page) for a filter it cannot read, with nothing computed; agents kept out. Same settings as the API contract's
 * tests on H2, so one context serves them all.
 */
@TactTest
class DashboardWebIntegrationTests {

  static final String PASSWORD = "a-long-password-1";

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Test
  void shouldAnswerEveryPanelInSectionOrderWithTheScopeItWasComputedFor() {
    JsonApi lead = api(Role.LEAD);

    JsonApi.Answer answer = lead.get("/api/v1/dashboard/panels?from=2026-01-01&to=2026-01-31&channel=email");

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().path("scope").path("from").asString()).isEqualTo("2026-01-01");
    assertThat(answer.body().path("scope").path("to").asString()).isEqualTo("2026-01-31");
    assertThat(answer.body().path("scope").path("channel").asString()).isEqualTo("email");
    List<String> keys = StreamSupport.stream(answer.body().path("panels").spliterator(), false)
        .map(p -> p.path("key").asString()).toList();
    assertThat(keys).containsSubsequence("backlog-age", "reopened-unresolved", "incidents", "first-response");
    answer.body().path("panels").forEach(p -> {
      assertThat(p.path("problem").isNull()).as(p.toString()).isTrue();
      assertThat(p.path("headline").asString()).isNotBlank();
      assertThat(p.path("csv").asString()).startsWith("/dashboard/panels/" + p.path("key").asString() + ".csv?")
          .contains("channel=email");
    });
    JsonApi.Answer one = lead.get("/api/v1/dashboard/panels/reopened-unresolved?from=2026-01-01&to=2026-01-31");
    assertThat(one.body().path("panel").path("rows").size()).isEqualTo(31);
    assertThat(one.body().path("panel").path("chart").asString()).isEqualTo("LINE");
  }

  @Test
  void shouldAnswerAFilterItCannotReadWithProblemDetailsNamingIt() {
    JsonApi lead = api(Role.LEAD);

    assertProblem(lead.get("/api/v1/dashboard/panels?from=2026-13-01"), 422, "invalid-date", "from");
    assertProblem(lead.get("/api/v1/dashboard/panels?channel=fax"), 422, "unknown-channel", "fax");
    assertProblem(lead.get("/api/v1/dashboard/panels?team=nope"), 422, "invalid-team", "nope");
    assertProblem(lead.get("/api/v1/dashboard/panels?team=" + UUID.randomUUID()), 422, "unknown-team", "team");
    assertProblem(lead.get("/api/v1/dashboard/panels?from=2026-02-01&to=2026-01-01"), 422, "invalid-period",
        "before");
    assertProblem(lead.get("/api/v1/dashboard/panels?from=2024-01-01&to=2026-01-01"), 422, "invalid-period",
        "366");
    assertProblem(lead.get("/api/v1/dashboard/panels?intent=bad%20intent"), 422, "invalid-intent", "bad intent");
    assertThat(lead.get("/api/v1/dashboard/panels/no-such-panel").status()).isEqualTo(404);
  }

  @Test
  void shouldKeepAgentsOutOfTheDashboard() {
    assertThat(api(Role.AGENT).get("/api/v1/dashboard/panels").status()).isEqualTo(403);
    WebSession agent = signedIn(Role.AGENT);
    assertThat(agent.get("/dashboard").redirectsTo("/")).isTrue();
    assertThat(agent.get("/dashboard/panels/backlog-age.csv").status()).isEqualTo(403);
  }

  @Test
  void shouldShowThePanelsWithChartTableAndCsvLinkOnThePageOfALead() {
    WebSession lead = signedIn(Role.LEAD);

    WebSession.Page page = lead.get("/dashboard?channel=web");

    assertThat(page.status()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select("section.dashboard-section h2").eachText()).containsSubsequence("Backlog age",
        "Reopened and unresolved work", "Incidents", "Handle time");
    assertThat(html.select("#panel-backlog-age svg.chart-bar")).hasSize(1);
    assertThat(html.select("#panel-backlog-age table.panel-table tbody tr")).hasSize(5);
    assertThat(html.select("#panel-reopened-unresolved svg.chart-line polyline")).hasSize(3);
    assertThat(html.select("#panel-first-response a.csv").attr("href"))
        .startsWith("/dashboard/panels/first-response.csv?").contains("channel=web");
    assertThat(html.select("select[name=channel] option[selected]").text()).isEqualTo("web");
  }

  @Test
  void shouldExportAPanelAsCsvWithTheFiltersOfThePage() {
    WebSession lead = signedIn(Role.LEAD);

    WebSession.Page csv = lead.get("/dashboard/panels/reopened-unresolved.csv?from=2026-03-01&to=2026-03-03");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().split("\r\n")).containsExactly("Day,Opened,Reopened,Unresolved", "2026-03-01,0,0,0",
        "2026-03-02,0,0,0", "2026-03-03,0,0,0");
  }

  @Test
  void shouldTellTheLeadWhichFilterIsWrongAndComputeNothing() {
    WebSession lead = signedIn(Role.LEAD);

    WebSession.Page page = lead.get("/dashboard?from=yesterday");

    assertThat(page.status()).isEqualTo(422);
    Document html = Jsoup.parse(page.body());
    assertThat(html.select(".filter-problem").text()).isEqualTo("'yesterday' (from) is not a date such as 2026-11-01.");
    assertThat(html.select(".dashboard-panel")).isEmpty();
    assertThat(lead.get("/dashboard/panels/backlog-age.csv?channel=fax").status()).isEqualTo(422);
  }

  @Test
  void shouldLandLeadsOnTheDashboardAndAgentsInTheInbox() {
    String leadEmail = person(Role.LEAD);
    String agentEmail = person(Role.AGENT);

    assertThat(new WebSession(port).submit("/login", "/login", Map.of("username", leadEmail, "password", PASSWORD))
        .location()).endsWith("/dashboard");
    assertThat(java.net.URI.create(new WebSession(port).submit("/login", "/login", Map.of("username", agentEmail,
        "password", PASSWORD)).location()).getPath()).isEqualTo("/");
  }

  @Test
  void shouldLetALeadStopAndRestartTheWeeklyDigest() {
    WebSession lead = signedIn(Role.LEAD);
    assertThat(Jsoup.parse(lead.get("/dashboard").body()).select("form.digest button").text())
        .isEqualTo("Stop the weekly digest");

    assertThat(lead.submit("/dashboard", "/dashboard/digest", Map.of("wanted", "false")).redirectsTo("/dashboard"))
        .isTrue();

    Document after = Jsoup.parse(lead.get("/dashboard").body());
    assertThat(after.select(".notice").text()).isEqualTo("You will no longer get the weekly digest.");
    assertThat(after.select("form.digest button").text()).isEqualTo("Send me the weekly digest");
  }

  private static void assertProblem(JsonApi.Answer answer, int status, String code, String detailPart) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.raw()).contains(code);
    assertThat(answer.body().path("detail").asString()).contains(detailPart);
  }

  private JsonApi api(Role role) {
    return new JsonApi(port, tokens.issue("dashboard-" + UUID.randomUUID(), role, null).secret());
  }

  private String person(Role role) {
    String email = role.label() + "-" + UUID.randomUUID() + "@example.com";
    staff.createAgent(email, "Dee " + role.label(), role, PASSWORD);
    return email;
  }

  private WebSession signedIn(Role role) {
    WebSession session = new WebSession(port);
    assertThat(session.logIn(person(role), PASSWORD)).isTrue();
    return session;
  }
}
