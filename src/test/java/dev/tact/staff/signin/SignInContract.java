package dev.tact.staff.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.audit.AuditEntry;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.shared.PageRequest;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentAdministration;
import dev.tact.staff.AgentDeactivated;
import dev.tact.staff.AgentPasswordChanged;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in through the agent UI's real filter chain (MockMvc, sessions and throttle buckets in the database, the
 * application's clock moved by hand), on H2 and on PostgreSQL: throttling, two factors, sessions listed and ended,
 * and the staff events that end sessions.
 */
abstract class SignInContract {

  static final String PASSWORD = "right-password-1";
  static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
  static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/126.0.0.0 Safari/537.36";

  @TestConfiguration
  static class Fixtures {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    }
  }

  /** Stands in for the staff administration's password change: publishes the event in the request's transaction. */
  @RestController
  static class PasswordChanges {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final StaffDirectory staff;

    PasswordChanges(ApplicationEventPublisher events, TransactionTemplate transactions, StaffDirectory staff) {
      this.events = events;
      this.transactions = transactions;
      this.staff = staff;
    }

    @PostMapping("/test/agents/{id}/password-changed")
    void changed(@PathVariable UUID id) {
      Agent agent = staff.requireAgent(id);
      transactions.executeWithoutResult(status -> events.publishEvent(new AgentPasswordChanged(id, agent.email())));
    }
  }

  @Autowired
  MockMvc mvc;

  @Autowired
  MutableClock clock;

  @Autowired
  StaffDirectory staff;

  @Autowired
  AgentAdministration agents;

  @Autowired
  AuditLog audit;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  FindByIndexNameSessionRepository<? extends Session> sessions;

  @Autowired
  SignInPolicy policy;

  @Autowired
  ApiTokens tokens;

  static final JsonMapper JSON = JsonMapper.builder().build();

  @AfterEach
  void optionalTwoFactors() {
    policy.requireTwoFactor(false);
  }

  // ---- throttling

  @Test
  void shouldLockAnAccountAfterTenFailuresRefuseEvenTheRightPasswordAndOpenAgainWhenTheLockEnds() throws Exception {
    Agent ada = agent("ada");
    Visitor attacker = new Visitor(mvc, "203.0.113.7", FIREFOX);
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(attacker.signIn(ada.email(), "guess-" + attempt)).isEqualTo("/login?error");
      assertThat(attacker.problem()).isEqualTo("Wrong email or password. Please try again.");
      clock.advance(Duration.ofSeconds(20)); // past the short delay after the first three
    }

    assertThat(attacker.signIn(ada.email(), PASSWORD)).isEqualTo("/login?error");
    assertThat(attacker.problem()).matches("Too many failed attempts; try again in 1[0-5] minutes\\.");
    assertThat(attacker.signedIn()).isFalse();
    for (int knock = 0; knock < 20; knock++) { // knocking on a locked door writes no entry per knock
      attacker.signIn(ada.email(), "knock-" + knock);
    }
    clock.advance(Duration.ofMinutes(1));
    attacker.signIn(ada.email(), "after-a-minute");

    Agent bob = agent("bob");
    Visitor colleague = new Visitor(mvc, "198.51.100.20", CHROME);
    assertThat(colleague.signIn(bob.email(), PASSWORD)).isEqualTo("/");
    assertThat(colleague.signedIn()).isTrue();

    clock.advance(Duration.ofMinutes(15));
    assertThat(attacker.signIn(ada.email(), PASSWORD)).isEqualTo("http://localhost/"); // the inbox it asked for
    assertThat(attacker.signedIn()).isTrue();

    assertThat(entries("signin.failed", ada.email())).hasSize(10);
    assertThat(entries("signin.locked", ada.email())).extracting(AuditEntry::summary).satisfiesExactlyInAnyOrder(
        first -> assertThat(first).doesNotContain("more refusals"),
        minuteLater -> assertThat(minuteLater).endsWith("; 20 more refusals since the last entry"));
    assertThat(entries("signin.succeeded", ada.email())).hasSize(1);
  }

  @Test
  void shouldDelayTheFourthQuickAttemptTwentySecondsWithTheSameWordsForAnAccountThatDoesNotExist() throws Exception {
    Agent cleo = agent("cleo");
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    Visitor visitor = new Visitor(mvc, "203.0.113.8", FIREFOX);
    for (int attempt = 1; attempt <= 3; attempt++) {
      visitor.signIn(cleo.email(), "typo-" + attempt);
      visitor.signIn(nobody, "typo-" + attempt);
    }

    visitor.signIn(cleo.email(), PASSWORD);
    String known = visitor.problem();
    visitor.signIn(nobody, PASSWORD);
    String unknown = visitor.problem();

    assertThat(known).isEqualTo("Too many failed attempts; try again in 20 seconds.").isEqualTo(unknown);
    clock.advance(Duration.ofSeconds(20));
    assertThat(visitor.signIn(cleo.email(), PASSWORD)).isEqualTo("/");
  }

  @Test
  void shouldCountOnlyFailures() throws Exception {
    Agent dora = agent("dora");
    for (int i = 0; i < 15; i++) {
      assertThat(new Visitor(mvc, "203.0.113.9", FIREFOX).signIn(dora.email(), PASSWORD)).isEqualTo("/");
    }
  }

  @Test
  void shouldSlowDownOneAddressTryingManyAccountsButNotTheSameAgentElsewhere() throws Exception {
    Agent emil = agent("emil");
    Visitor spray = new Visitor(mvc, "203.0.113.10", FIREFOX);
    for (int i = 0; i < 20; i++) {
      spray.signIn("victim-" + i + "-" + UUID.randomUUID() + "@example.com", "Summer2026!");
    }

    assertThat(spray.signIn(emil.email(), PASSWORD)).isEqualTo("/login?error");
    assertThat(spray.problem()).isEqualTo("Too many failed attempts; try again in 3 seconds.");
    assertThat(new Visitor(mvc, "198.51.100.21", FIREFOX).signIn(emil.email(), PASSWORD)).isEqualTo("/");
  }

  @Test
  void shouldRefuseADeactivatedAgentWithTheWordsOfAWrongPassword() throws Exception {
    Agent fay = agent("fay");
    agents.deactivate(fay.id());
    Visitor visitor = new Visitor(mvc, "203.0.113.11", FIREFOX);

    assertThat(visitor.signIn(fay.email(), PASSWORD)).isEqualTo("/login?error");
    assertThat(visitor.problem()).isEqualTo("Wrong email or password. Please try again.");
    assertThat(entries("signin.failed", fay.email())).extracting(AuditEntry::summary)
        .containsExactly("Sign-in failed: the account is deactivated");
  }

  // ---- two factors

  @Test
  void shouldSignInWithPasswordAndAuthenticatorCodeOnlyAfterBoth() throws Exception {
    Agent gus = agent("gus");
    Visitor visitor = new Visitor(mvc, "203.0.113.12", FIREFOX);
    visitor.signIn(gus.email(), PASSWORD);
    String secret = enrol(visitor);
    visitor.post("/logout");
    assertThat(visitor.signedIn()).isFalse();

    assertThat(visitor.signIn(gus.email(), PASSWORD)).isEqualTo("/login/two-factor");
    // half signed in: no page, no account page, no API
    assertThat(visitor.get("/").getRedirectedUrl()).endsWith("/login");
    assertThat(visitor.get("/account/security").getRedirectedUrl()).endsWith("/login");
    assertThat(visitor.get("/api/v1/conversations").getStatus()).isEqualTo(401);
    assertThat(visitor.page("/login/two-factor").select("input[name=code]")).hasSize(1);

    clock.advance(Duration.ofSeconds(30)); // a code is good once: the enrolment used this step's
    assertThat(visitor.post("/login/two-factor", "code", Totp.authenticatorCode(secret, clock.instant()))
        .getRedirectedUrl()).isEqualTo("http://localhost/account/security"); // the page it asked for
    assertThat(visitor.signedIn()).isTrue();
    assertThat(entries("signin.succeeded", gus.email()).getFirst().summary())
        .isEqualTo("Signed in with password and an authenticator code");
  }

  @Test
  void shouldRefuseAWrongCodeAReusedCodeAndTooManyCodes() throws Exception {
    Agent hal = agent("hal");
    Visitor visitor = new Visitor(mvc, "203.0.113.13", FIREFOX);
    visitor.signIn(hal.email(), PASSWORD);
    String secret = enrol(visitor); // uses the code of this time step
    visitor.post("/logout");

    visitor.signIn(hal.email(), PASSWORD);
    Document reused = Jsoup(visitor.post("/login/two-factor", "code", Totp.authenticatorCode(secret, clock.instant())));
    assertThat(reused.select(".problem").text()).startsWith("That code is not right.");
    visitor.post("/login/two-factor", "code", "000000");
    visitor.post("/login/two-factor", "code", "111111");

    // the code of the next time step is good (clocks drift), but not while code attempts wait
    Document throttled = Jsoup(visitor.post("/login/two-factor", "code",
        Totp.authenticatorCode(secret, clock.instant().plusSeconds(30))));
    assertThat(throttled.select(".problem").text()).startsWith("Too many failed attempts; try again in");
    assertThat(visitor.signedIn()).isFalse();
    assertThat(entries("signin.failed", hal.email())).extracting(AuditEntry::summary)
        .containsOnly("Sign-in failed: wrong two-factor code").hasSize(3);
    assertThat(entries("signin.locked", hal.email())).hasSize(1);
  }

  @Test
  void shouldSignInOnceWithEachRecoveryCode() throws Exception {
    Agent ida = agent("ida");
    Visitor visitor = new Visitor(mvc, "203.0.113.14", FIREFOX);
    visitor.signIn(ida.email(), PASSWORD);
    List<String> codes = enrolForRecoveryCodes(visitor);
    assertThat(codes).hasSize(10);
    visitor.post("/logout");

    visitor.signIn(ida.email(), PASSWORD);
    assertThat(visitor.post("/login/two-factor", "code", codes.get(3).toUpperCase()).getRedirectedUrl())
        .isEqualTo("/");
    assertThat(visitor.page("/account/security").select("#two-factor-state").text()).contains("9 of 10");
    visitor.post("/logout");

    visitor.signIn(ida.email(), PASSWORD);
    assertThat(Jsoup(visitor.post("/login/two-factor", "code", codes.get(3))).select(".problem").text())
        .startsWith("That code is not right.");
    assertThat(visitor.signedIn()).isFalse();
  }

  @Test
  void shouldSendAnAgentWithoutAnAppToEnrolmentWhenTwoFactorsAreRequiredAndNowhereElse() throws Exception {
    Agent jo = agent("jo");
    Agent admin = agent("admin-jo", Role.ADMIN);
    Visitor adminVisitor = new Visitor(mvc, "203.0.113.15", CHROME);
    adminVisitor.signIn(admin.email(), PASSWORD);
    adminVisitor.post("/admin/signin/policy", "requireTwoFactor", "true");
    assertThat(policy.requiresTwoFactor()).isTrue();

    Visitor visitor = new Visitor(mvc, "203.0.113.16", FIREFOX);
    assertThat(visitor.signIn(jo.email(), PASSWORD)).isEqualTo("/login/two-factor/enrol");
    assertThat(visitor.get("/").getRedirectedUrl()).endsWith("/login");
    assertThat(visitor.get("/account/security").getRedirectedUrl()).endsWith("/login");
    Document enrolment = visitor.page("/login/two-factor/enrol");
    assertThat(enrolment.select("img.qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
    String secret = enrolment.select("#totp-secret").text();

    assertThat(visitor.post("/login/two-factor/enrol", "code", "123456").getStatus()).isEqualTo(200);
    assertThat(visitor.signedIn()).isFalse();
    assertThat(visitor.post("/login/two-factor/enrol", "code", Totp.authenticatorCode(secret, clock.instant()))
        .getRedirectedUrl()).isEqualTo("/account/security");
    assertThat(visitor.page("/account/security").select("#recovery-codes li")).hasSize(10);
    assertThat(visitor.signedIn()).isTrue();
    assertThat(entries("signin.policy.updated", admin.email())).hasSize(1);
  }

  // ---- sessions

  @Test
  void shouldListAnAgentsSessionsAndEndTheOthers() throws Exception {
    Agent kim = agent("kim");
    Visitor laptop = new Visitor(mvc, "203.0.113.17", FIREFOX);
    Visitor office = new Visitor(mvc, "198.51.100.22", CHROME);
    laptop.signIn(kim.email(), PASSWORD);
    office.signIn(kim.email(), PASSWORD);

    Document page = laptop.page("/account/security");
    assertThat(page.select("#sessions tbody tr")).extracting(row -> row.select("td").get(0).text())
        .containsExactlyInAnyOrder("Firefox on Linux this session", "Chrome on Windows");
    assertThat(page.select("#sessions tbody td")).extracting(td -> td.text())
        .contains("203.0.113.17", "198.51.100.22", "password");

    laptop.post("/account/security/sessions/end-others");
    assertThat(office.signedIn()).isFalse();
    assertThat(laptop.signedIn()).isTrue();
    assertThat(sessions.findByPrincipalName(kim.email())).hasSize(1);
  }

  @Test
  void shouldEndEverySessionOfADeactivatedAgent() throws Exception {
    Agent lou = agent("lou");
    Visitor one = new Visitor(mvc, "203.0.113.18", FIREFOX);
    Visitor two = new Visitor(mvc, "203.0.113.19", CHROME);
    one.signIn(lou.email(), PASSWORD);
    two.signIn(lou.email(), PASSWORD);

    transactions.executeWithoutResult(status -> events.publishEvent(new AgentDeactivated(lou.id(), lou.email())));

    assertThat(sessions.findByPrincipalName(lou.email())).isEmpty();
    assertThat(one.signedIn()).isFalse();
    assertThat(two.signedIn()).isFalse();
  }

  @Test
  void shouldKeepOnlyTheSessionThatChangedItsOwnPassword() throws Exception {
    Agent max = agent("max");
    Visitor changing = new Visitor(mvc, "203.0.113.20", FIREFOX);
    Visitor other = new Visitor(mvc, "203.0.113.21", CHROME);
    changing.signIn(max.email(), PASSWORD);
    other.signIn(max.email(), PASSWORD);

    changing.post("/test/agents/" + max.id() + "/password-changed");

    assertThat(sessions.findByPrincipalName(max.email())).containsOnlyKeys(changing.sessionId());
    assertThat(changing.signedIn()).isTrue();
    assertThat(other.signedIn()).isFalse();
  }

  @Test
  void shouldEndEverySessionWhenSomeoneElseChangedThePassword() throws Exception {
    Agent ned = agent("ned");
    Agent admin = agent("admin-ned", Role.ADMIN);
    Visitor nedsBrowser = new Visitor(mvc, "203.0.113.22", FIREFOX);
    Visitor adminBrowser = new Visitor(mvc, "203.0.113.23", CHROME);
    nedsBrowser.signIn(ned.email(), PASSWORD);
    adminBrowser.signIn(admin.email(), PASSWORD);

    adminBrowser.post("/test/agents/" + ned.id() + "/password-changed");
    events.publishEvent(new AgentPasswordChanged(ned.id(), ned.email())); // outside any request or transaction too

    assertThat(sessions.findByPrincipalName(ned.email())).isEmpty();
    assertThat(nedsBrowser.signedIn()).isFalse();
    assertThat(adminBrowser.signedIn()).isTrue();
  }

  // ---- administration

  @Test
  void shouldListAndEndAnAgentsSessionsThroughTheAdminApi() throws Exception {
    Agent ola = agent("ola");
    Visitor laptop = new Visitor(mvc, "203.0.113.24", FIREFOX);
    Visitor phone = new Visitor(mvc, "203.0.113.25", CHROME);
    laptop.signIn(ola.email(), PASSWORD);
    phone.signIn(ola.email(), PASSWORD);
    String admin = "Bearer " + tokens.issue("sessions-admin", Role.ADMIN, null).secret();
    String path = "/api/v1/admin/staff/agents/" + ola.id() + "/sessions";

    JsonNode listed = json(mvc.perform(get(path).header("Authorization", admin)).andExpect(status().isOk()));
    assertThat(listed).hasSize(2);
    assertThat(listed.findValuesAsString("address")).containsExactlyInAnyOrder("203.0.113.24", "203.0.113.25");
    assertThat(listed.findValuesAsString("device")).containsExactlyInAnyOrder("Firefox on Linux", "Chrome on Windows");
    assertThat(listed.findValuesAsString("id")).doesNotContain(laptop.sessionId(), phone.sessionId());
    String laptopId = listed.findValuesAsString("id").get(listed.findValuesAsString("address").indexOf("203.0.113.24"));

    mvc.perform(delete(path + "/" + laptopId).header("Authorization", admin)).andExpect(status().isNoContent());
    assertThat(laptop.signedIn()).isFalse();
    assertThat(phone.signedIn()).isTrue();
    mvc.perform(delete(path + "/" + laptopId).header("Authorization", admin)).andExpect(status().isNotFound());

    String agentToken = "Bearer " + tokens.issue("sessions-agent", Role.AGENT, null).secret();
    mvc.perform(delete(path).header("Authorization", agentToken)).andExpect(status().isForbidden());
    assertThat(json(mvc.perform(delete(path).header("Authorization", admin)).andExpect(status().isOk()))
        .get("ended").asInt()).isEqualTo(1);
    assertThat(phone.signedIn()).isFalse();
    mvc.perform(get("/api/v1/admin/staff/agents/" + UUID.randomUUID() + "/sessions").header("Authorization", admin))
        .andExpect(status().isNotFound());
  }

  @Test
  void shouldShowAndResetTwoFactorsThroughTheAdminApiAndPage() throws Exception {
    Agent pia = agent("pia");
    Visitor visitor = new Visitor(mvc, "203.0.113.26", FIREFOX);
    visitor.signIn(pia.email(), PASSWORD);
    enrol(visitor);
    String admin = "Bearer " + tokens.issue("two-factor-admin", Role.ADMIN, null).secret();
    String path = "/api/v1/admin/staff/agents/" + pia.id() + "/two-factor";

    JsonNode status = json(mvc.perform(get(path).header("Authorization", admin)).andExpect(status().isOk()));
    assertThat(status.get("enabled").asBoolean()).isTrue();
    assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
    Agent boss = agent("boss-pia", Role.ADMIN);
    Visitor bossBrowser = new Visitor(mvc, "203.0.113.27", CHROME);
    bossBrowser.signIn(boss.email(), PASSWORD);
    assertThat(bossBrowser.page("/admin/signin").select("tr[data-email=" + pia.email() + "] .two-factor").text())
        .startsWith("on since");

    mvc.perform(delete(path).header("Authorization", admin)).andExpect(status().isNoContent());

    assertThat(json(mvc.perform(get(path).header("Authorization", admin))).get("enabled").asBoolean()).isFalse();
    assertThat(bossBrowser.page("/admin/signin").select("tr[data-email=" + pia.email() + "] .two-factor").text())
        .isEqualTo("off");
    visitor.post("/logout");
    assertThat(visitor.signIn(pia.email(), PASSWORD)).isEqualTo("/"); // no code asked any more
    assertThat(entries("signin.two-factor.reset", "two-factor-admin")).hasSize(1);
  }

  @Test
  void shouldLetAnAdminRequireTwoFactorsThroughTheApi() throws Exception {
    String admin = "Bearer " + tokens.issue("policy-admin", Role.ADMIN, null).secret();

    mvc.perform(put("/api/v1/admin/signin/policy").header("Authorization", admin)
            .contentType("application/json").content("{\"requireTwoFactor\": true}"))
        .andExpect(status().isOk());

    assertThat(json(mvc.perform(get("/api/v1/admin/signin/policy").header("Authorization", admin)))
        .get("requireTwoFactor").asBoolean()).isTrue();
    assertThat(policy.requiresTwoFactor()).isTrue();
  }

  // ---- helpers

  private static JsonNode json(ResultActions result) throws Exception {
    return JSON.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private Agent agent(String name) {
    return agent(name, Role.AGENT);
  }

  private Agent agent(String name, Role role) {
    return staff.createAgent(name + "-" + UUID.randomUUID() + "@example.com", name, role, PASSWORD);
  }

  /** Sets up an authenticator app from the account page; answers its secret. */
  private String enrol(Visitor visitor) throws Exception {
    visitor.post("/account/security/two-factor/setup");
    String secret = visitor.page("/account/security").select("#totp-secret").text();
    assertThat(secret).matches("[A-Z2-7 ]{32,}");
    assertThat(visitor.post("/account/security/two-factor/confirm", "code",
        Totp.authenticatorCode(secret, clock.instant())).getRedirectedUrl()).isEqualTo("/account/security");
    assertThat(visitor.page("/account/security").select("#two-factor-state").text()).startsWith("On since");
    return secret;
  }

  private List<String> enrolForRecoveryCodes(Visitor visitor) throws Exception {
    visitor.post("/account/security/two-factor/setup");
    String secret = visitor.page("/account/security").select("#totp-secret").text();
    visitor.post("/account/security/two-factor/confirm", "code", Totp.authenticatorCode(secret, clock.instant()));
    return visitor.page("/account/security").select("#recovery-codes li").eachText();
  }

  private List<AuditEntry> entries(String action, String actor) {
    return audit.search(new AuditQuery(action, actor, null, null, null, null), new PageRequest(0, 100)).items();
  }

  private static Document Jsoup(org.springframework.mock.web.MockHttpServletResponse response) throws Exception {
    return org.jsoup.Jsoup.parse(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
