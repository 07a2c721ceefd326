package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.audit.AuditEntry;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.shared.PageRequest;
import dev.tact.staff.Agent;
import dev.tact.staff.AgentAdministration;
import dev.tact.staff.AgentState;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffMailRequested;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.StaffMailbox;
import dev.tact.testsupport.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Staff administration end to end, on H2 and on PostgreSQL: the admin API over real HTTP, mail through the real
 * outbox and dispatcher to GreenMail, the one-time link pages and the login form over real HTTP. The first admin
 * comes from {@code tact.admin.*} (as TACT_ADMIN_EMAIL / TACT_ADMIN_PASSWORD would give it); time is a test clock.
 */
@org.springframework.test.context.event.RecordApplicationEvents
abstract class StaffAdministrationContract {

  static final String FIRST_ADMIN = "first.admin@staff.test";
  static final String FIRST_ADMIN_PASSWORD = "first-admin-pass-1";
  static final String PASSWORD = "agent-pass-123";
  static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void mailRelay(DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.smtp.host", () -> "127.0.0.1");
    registry.add("tact.delivery.smtp.port", StaffMailbox::port);
    registry.add("tact.delivery.smtp.security", () -> "NONE");
  }

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  AgentAdministration agents;

  @Autowired
  AuditLog audit;

  @Autowired
  dev.tact.staff.Accounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  org.springframework.test.context.event.ApplicationEvents published;

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("staff-tests", Role.ADMIN, null).secret());
  }

  @Test
  void shouldCreateTheFirstAdminFromTheSettingsWhoSignsInWithThatPassword() {
    Agent first = staff.findAgentByEmail(FIRST_ADMIN).orElseThrow();
    assertThat(first.role()).isEqualTo(Role.ADMIN);
    assertThat(first.displayName()).isEqualTo("First Admin");
    assertThat(new WebSession(port).logIn(FIRST_ADMIN, FIRST_ADMIN_PASSWORD)).isTrue();
    assertThat(new WebSession(port).logIn(FIRST_ADMIN, "not-the-password-1")).isFalse();
    assertThat(entries("staff.agent.created", first.id())).singleElement()
        .satisfies(e -> assertThat(e.actor().name()).isEqualTo("Tact"));
  }

  @Test
  void shouldInviteAnAgentWhoChoosesAPasswordFromTheMailedLinkAndSignsIn() throws Exception {
    String email = unique("ines") + "@staff.test";
    JsonNode team = admin.post("/api/v1/admin/staff/teams", admin.json(Map.of("name", unique("Support")))).body();
    ApiClient.Response invited = admin.post("/api/v1/admin/staff/agents", admin.json(Map.of("email", email,
        "displayName", "Ines Invited", "role", "lead", "teamIds", List.of(team.path("id").asString()))));

    assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    String shownOnce = invited.body().path("url").asString();
    assertThat(shownOnce).contains("/invitation/");
    assertThat(invited.body().path("member").path("agent").path("state").asString()).isEqualTo("INVITED");
    assertThat(invited.body().path("member").path("teams").get(0).path("teamName").asString())
        .isEqualTo(team.path("name").asString());
    assertThat(new WebSession(port).logIn(email, "anything-at-all-1")).as("invited agents cannot sign in").isFalse();

    MimeMessage mail = StaffMailbox.await(email, 1);
    assertThat(mail.getSubject()).isEqualTo("Your invitation to Tact");
    assertThat(StaffMailbox.link(mail, "/invitation/")).isEqualTo(shownOnce);
    String link = path(shownOnce);

    WebSession browser = new WebSession(port);
    assertThat(browser.get(link).body()).contains("Ines Invited").contains(email);
    WebSession.Page tooShort = browser.submit(link, link, Map.of("password", "short", "repeated", "short"));
    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.body()).contains("A password needs at least 10 characters.");
    WebSession.Page theEmail = browser.submit(link, link, Map.of("password", email, "repeated", email));
    assertThat(theEmail.body()).contains("A password must not be your email address.");
    WebSession.Page differ = browser.submit(link, link, Map.of("password", PASSWORD, "repeated", PASSWORD + "x"));
    assertThat(differ.body()).contains("The two passwords differ");
    assertThat(state(email)).isEqualTo(AgentState.INVITED);

    WebSession.Page accepted = browser.submit(link, link, Map.of("password", PASSWORD, "repeated", PASSWORD));
    assertThat(accepted.redirectsTo("/login")).as(accepted.body()).isTrue();
    assertThat(browser.get("/login").body()).contains("Your password is set.");

    assertThat(new WebSession(port).logIn(email, PASSWORD)).isTrue();
    Agent active = staff.findAgentByEmail(email).orElseThrow();
    assertThat(active.state()).isEqualTo(AgentState.ACTIVE);
    assertThat(active.role()).isEqualTo(Role.LEAD);
    assertThat(active.lastSignedInAt()).isEqualTo(CLOCK.instant());
    assertThat(admin.get("/api/v1/admin/staff/agents/" + active.id()).body().path("lastSignedInAt").asString())
        .isEqualTo(CLOCK.instant().toString());
    assertThat(admin.get("/api/v1/staff/agents").body().toString()).as("colleagues do not see it")
        .contains(email).doesNotContain("lastSignedInAt");
    assertThat(entries("staff.agent.invited", active.id())).hasSize(1);
    assertThat(entries("staff.invitation.accepted", active.id())).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("\"state\":\"ACTIVE\"").doesNotContain(PASSWORD));
  }

  @Test
  void shouldShowAReadablePageForAUsedAnExpiredAReplacedAndAnUnknownLink() {
    String email = unique("uma") + "@staff.test";
    String link = path(invite(email, "Uma Used").path("url").asString());
    WebSession browser = new WebSession(port);
    assertThat(browser.submit(link, link, Map.of("password", PASSWORD, "repeated", PASSWORD)).redirectsTo("/login"))
        .isTrue();

    WebSession.Page used = browser.get(link);
    assertThat(used.status()).isEqualTo(410);
    assertThat(used.body()).contains("This invitation link was used already");
    WebSession.Page usedAgain = browser.post(link, Map.of("password", "another-pass-1", "repeated", "another-pass-1"));
    assertThat(usedAgain.status()).as("no CSRF token, and no second use either").isIn(403, 410);

    String late = unique("lou") + "@staff.test";
    String lateLink = path(invite(late, "Lou Late").path("url").asString());
    CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
    WebSession.Page expired = browser.get(lateLink);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This invitation link has expired").contains("ask an admin to send a new");
    assertThat(state(late)).isEqualTo(AgentState.INVITED);

    UUID lateId = staff.findAgentByEmail(late).orElseThrow().id();
    JsonNode resent = admin.post("/api/v1/admin/staff/agents/" + lateId + "/invitation", "").body();
    String newLink = path(resent.path("url").asString());
    assertThat(newLink).isNotEqualTo(lateLink);
    assertThat(browser.get(newLink).status()).isEqualTo(200);
    JsonNode resentAgain = admin.post("/api/v1/admin/staff/agents/" + lateId + "/invitation", "").body();
    assertThat(browser.get(newLink).body()).contains("replaced by a newer one");
    assertThat(browser.get(path(resentAgain.path("url").asString())).status()).isEqualTo(200);

    assertThat(admin.delete("/api/v1/admin/staff/agents/" + lateId + "/invitation").status()).isEqualTo(204);
    assertThat(browser.get(path(resentAgain.path("url").asString())).status()).isEqualTo(404);
    assertThat(staff.findAgentByEmail(late)).isEmpty();
    assertThat(entries("staff.invitation.revoked", lateId)).hasSize(1);
    assertThat(browser.get("/invitation/not-a-real-link-at-all-000000").body()).contains("This link is not valid");
  }

  @Test
  void shouldNeverLeaveTheInstallationWithoutAnActiveAdmin() {
    Agent first = staff.findAgentByEmail(FIRST_ADMIN).orElseThrow();
    List<Agent> otherAdmins = staff.agents().stream()
        .filter(a -> a.role() == Role.ADMIN && a.active() && !a.id().equals(first.id())).toList();
    otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.LEAD));
    try {
      ApiClient.Response demote = admin.patch("/api/v1/admin/staff/agents/" + first.id(), "{\"role\":\"agent\"}");
      assertThat(demote.status()).isEqualTo(409);
      assertThat(demote.body().path("code").asString()).isEqualTo("last-admin");
      assertThat(demote.body().path("detail").asString()).contains("only active admin");
      ApiClient.Response deactivate = admin.post("/api/v1/admin/staff/agents/" + first.id() + "/deactivate", "");
      assertThat(deactivate.status()).isEqualTo(409);
      assertThat(deactivate.body().path("code").asString()).isEqualTo("last-admin");
      assertThat(staff.requireAgent(first.id())).satisfies(a -> {
        assertThat(a.role()).isEqualTo(Role.ADMIN);
        assertThat(a.state()).isEqualTo(AgentState.ACTIVE);
      });

      Agent second = staff.createAgent(unique("sec") + "@staff.test", "Second Admin", Role.AGENT, PASSWORD);
      WebSession secondsSession = new WebSession(port);
      assertThat(secondsSession.logIn(second.email(), PASSWORD)).isTrue();
      assertThat(secondsSession.get("/admin/staff").status()).isEqualTo(403);
      assertThat(admin.patch("/api/v1/admin/staff/agents/" + second.id(), "{\"role\":\"admin\"}").status()).isEqualTo(200);
      assertThat(secondsSession.get("/admin/staff").status()).as("a new role counts from the next sign-in").isEqualTo(403);
      WebSession asAdmin = new WebSession(port);
      assertThat(asAdmin.logIn(second.email(), PASSWORD)).isTrue();
      assertThat(asAdmin.get("/admin/staff").status()).isEqualTo(200);
      assertThat(admin.patch("/api/v1/admin/staff/agents/" + second.id(), "{\"role\":\"lead\"}").status()).isEqualTo(200);
      assertThat(asAdmin.get("/admin/staff").redirectsTo("/login")).as("a role lost ends the session").isTrue();
      assertThat(entries("staff.agent.role", second.id())).first()
          .satisfies(e -> {
            assertThat(e.before()).contains("\"role\":\"ADMIN\"");
            assertThat(e.after()).contains("\"role\":\"LEAD\"");
          });
    } finally {
      otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.ADMIN));
    }
  }

  @Test
  void shouldKeepOneAdminWhenTwoAdminsDemoteEachOtherAtOnce() throws Exception {
    Agent first = staff.findAgentByEmail(FIRST_ADMIN).orElseThrow();
    List<Agent> otherAdmins = staff.agents().stream()
        .filter(a -> a.role() == Role.ADMIN && a.active() && !a.id().equals(first.id())).toList();
    otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.LEAD));
    Agent second = staff.createAgent(unique("two") + "@staff.test", "Twin Admin", Role.ADMIN, PASSWORD);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<String>> outcomes = new ArrayList<>();
      for (UUID target : List.of(first.id(), second.id())) {
        outcomes.add(threads.submit(() -> {
          start.await();
          try {
            agents.changeRole(target, Role.AGENT);
            return "demoted";
          } catch (dev.tact.shared.ProblemException e) {
            return e.code();
          }
        }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get());
      }
      threads.shutdown();
      assertThat(results).containsExactlyInAnyOrder("demoted", "last-admin");
      assertThat(staff.agents().stream().filter(a -> a.role() == Role.ADMIN && a.active())).hasSize(1);
    } finally {
      agents.changeRole(first.id(), Role.ADMIN);
      otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.ADMIN));
    }
  }

  @Test
  void shouldGiveADeactivatedAgentsOpenConversationsBackToTheirTeamAndRefuseTheirSignIn() {
    String email = unique("dora") + "@staff.test";
    Agent dora = staff.createAgent(email, "Dora Deactivated", Role.AGENT, PASSWORD);
    UUID team = staff.createTeam(unique("Queue")).id();
    staff.addMember(team, dora.id());
    String open = conversationAssigned(dora.id(), team);
    String solved = conversationAssigned(dora.id(), team);
    assertThat(admin.put("/api/v1/conversations/" + solved + "/status", "{\"status\":\"solved\"}").status()).isEqualTo(200);
    WebSession signedIn = new WebSession(port);
    assertThat(signedIn.logIn(email, PASSWORD)).isTrue();
    assertThat(signedIn.get("/account").status()).isEqualTo(200);

    ApiClient.Response deactivated = admin.post("/api/v1/admin/staff/agents/" + dora.id() + "/deactivate", "");

    assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
    assertThat(deactivated.body().path("agent").path("state").asString()).isEqualTo("DEACTIVATED");
    JsonNode conversation = admin.get("/api/v1/conversations/" + open).body();
    assertThat(conversation.path("conversation").path("assigneeId").isNull()).isTrue();
    assertThat(conversation.path("conversation").path("teamId").asString()).isEqualTo(team.toString());
    JsonNode last = conversation.path("history").get(conversation.path("history").size() - 1);
    assertThat(last.path("detail").asString()).isEqualTo("unassigned: Dora Deactivated was deactivated; back to the team's queue");
    assertThat(conversation.path("history").toString()).as("history keeps who assigned whom").contains("to Dora Deactivated");
    assertThat(admin.get("/api/v1/conversations/" + solved).body().path("conversation").path("assigneeId").asString())
        .as("a solved conversation stays with her").isEqualTo(dora.id().toString());
    assertThat(new WebSession(port).logIn(email, PASSWORD)).isFalse();
    assertThat(signedIn.get("/account").redirectsTo("/login")).as("her session ended").isTrue();
    assertThat(entries("staff.agent.deactivated", dora.id())).singleElement()
        .satisfies(e -> assertThat(e.before()).contains("\"state\":\"ACTIVE\""));

    assertThat(admin.post("/api/v1/admin/staff/agents/" + dora.id() + "/reactivate", "").status()).isEqualTo(200);
    assertThat(new WebSession(port).logIn(email, PASSWORD)).isTrue();
    assertThat(staff.members(team)).extracting(Agent::id).contains(dora.id());
  }

  @Test
  void shouldMailAResetLinkForAnyAddressWithoutSayingWhichAreStaff() throws Exception {
    String email = unique("rita") + "@staff.test";
    staff.createAgent(email, "Rita Reset", Role.AGENT, PASSWORD);

    WebSession.Page known = new WebSession(port).submit("/password-reset", "/password-reset", Map.of("email", email));
    WebSession.Page unknown = new WebSession(port).submit("/password-reset", "/password-reset",
        Map.of("email", unique("nobody") + "@staff.test"));
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.body()).contains("If an account exists for that address, we sent a link").isEqualTo(unknown.body());

    MimeMessage mail = StaffMailbox.await(email, 1);
    assertThat(mail.getSubject()).isEqualTo("Reset your Tact password");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    String link = path(StaffMailbox.link(mail, "/password-reset/"));
    WebSession browser = new WebSession(port);
    assertThat(browser.get(link).body()).contains(email);
    assertThat(browser.submit(link, link, Map.of("password", "too-short", "repeated", "too-short")).body())
        .contains("at least 10 characters");
    assertThat(browser.submit(link, link, Map.of("password", "new-pass-456", "repeated", "new-pass-456"))
        .redirectsTo("/login")).isTrue();

    assertThat(new WebSession(port).logIn(email, PASSWORD)).isFalse();
    assertThat(new WebSession(port).logIn(email, "new-pass-456")).isTrue();
    assertThat(browser.get(link).status()).isEqualTo(410);
    assertThat(browser.get(link).body()).contains("used already");
  }

  @Test
  void shouldStopEarlierResetLinksOnceOneIsUsedAndLetAdminsSendOne() throws Exception {
    String email = unique("remy") + "@staff.test";
    Agent remy = staff.createAgent(email, "Remy Reset", Role.AGENT, PASSWORD);
    new WebSession(port).submit("/password-reset", "/password-reset", Map.of("email", email));
    String first = path(StaffMailbox.link(StaffMailbox.await(email, 1), "/password-reset/"));

    ApiClient.Response sent = admin.post("/api/v1/admin/staff/agents/" + remy.id() + "/password-reset", "");
    assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
    String second = path(sent.body().path("url").asString());
    assertThat(StaffMailbox.link(StaffMailbox.await(email, 2), "/password-reset/")).endsWith(second);

    WebSession browser = new WebSession(port);
    assertThat(browser.submit(second, second, Map.of("password", "admin-sent-pass", "repeated", "admin-sent-pass"))
        .redirectsTo("/login")).isTrue();
    assertThat(browser.get(first).status()).isEqualTo(410);
    assertThat(browser.get(first).body()).contains("replaced by a newer one");
    assertThat(entries("staff.password.reset", remy.id())).hasSize(1);

    String invitedEmail = unique("ivy") + "@staff.test";
    UUID invited = UUID.fromString(invite(invitedEmail, "Ivy").path("member").path("agent").path("id").asString());
    ApiClient.Response refused = admin.post("/api/v1/admin/staff/agents/" + invited + "/password-reset", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asString()).isEqualTo("agent-not-active");
  }

  @Test
  void shouldMailAtMostFiveResetLinksAnHour() {
    String email = unique("flood") + "@staff.test";
    staff.createAgent(email, "Flo Flood", Role.AGENT, PASSWORD);
    for (int i = 0; i < 7; i++) {
      new WebSession(port).submit("/password-reset", "/password-reset", Map.of("email", email));
    }
    StaffMailbox.await(email, 5);
    long queued = jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE recipient = :r").param("r", email)
        .query(Long.class).single();
    assertThat(queued).isEqualTo(5);
  }

  @Test
  void shouldLetAnAgentChangeTheirPasswordAndProfile() {
    String email = unique("otto") + "@staff.test";
    Agent otto = staff.createAgent(email, "Otto Own", Role.AGENT, PASSWORD);
    WebSession session = new WebSession(port);
    assertThat(session.logIn(email, PASSWORD)).isTrue();
    assertThat(session.get("/account").body()).contains("Your account").contains(email);

    session.submit("/account", "/account/password", Map.of("current", "wrong-current-1", "password", "next-pass-789",
        "repeated", "next-pass-789"));
    assertThat(session.get("/account").body()).contains("The current password is not right.");
    session.submit("/account", "/account/password", Map.of("current", PASSWORD, "password", "next-pass-789",
        "repeated", "next-pass-789"));
    assertThat(session.get("/account").body()).contains("Password changed.");
    assertThat(new WebSession(port).logIn(email, "next-pass-789")).isTrue();
    assertThat(new WebSession(port).logIn(email, PASSWORD)).isFalse();

    session.submit("/account", "/account/profile", Map.of("displayName", "Otto", "timeZone", "Mars/Olympus",
        "signature", "", "languages", "de"));
    assertThat(session.get("/account").body()).contains("is not a time zone such as Europe/Berlin");
    session.submit("/account", "/account/profile", Map.of("displayName", "Otto", "timeZone", "Europe/Berlin",
        "signature", "", "languages", "de, xx"));
    assertThat(session.get("/account").body()).contains("&#39;xx&#39; is not an ISO 639-1 language code");
    session.submit("/account", "/account/profile", Map.of("displayName", "Otto Owner", "timeZone", "Europe/Vienna",
        "signature", "Otto\nSupport team", "languages", "DE-at, en"));

    assertThat(accounts.profile(otto.id())).satisfies(profile -> {
      assertThat(profile.displayName()).isEqualTo("Otto Owner");
      assertThat(profile.timeZone()).isEqualTo("Europe/Vienna");
      assertThat(profile.languages()).containsExactly("de", "en");
      assertThat(profile.signature()).isEqualTo("Otto\nSupport team");
    });
    String page = session.get("/account").body();
    assertThat(page).contains("Europe/Vienna").contains("de, en").contains("Otto\nSupport team");
    assertThat(entries("staff.password.changed", otto.id())).hasSize(1);
    assertThat(entries("staff.password.change-failed", otto.id())).hasSize(1);
    assertThat(entries("staff.profile.updated", otto.id())).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("Europe/Vienna"));
  }

  @Test
  void shouldAnswerBadInputWithProblemDetailsAndChangeNothing() {
    long agentsBefore = staff.agents().size();
    String taken = unique("taken") + "@staff.test";
    staff.createAgent(taken, "Taken", Role.AGENT, PASSWORD);
    Map<String, String> expected = Map.of(
        admin.json(Map.of("email", "not an address", "displayName", "X")), "invalid-email",
        admin.json(Map.of("email", unique("r") + "@staff.test", "displayName", "X", "role", "boss")), "unknown-role",
        admin.json(Map.of("email", unique("t") + "@staff.test", "displayName", "X", "teamIds",
            List.of(UUID.randomUUID().toString()))), "unknown-team",
        admin.json(Map.of("email", unique("n") + "@staff.test", "displayName", " ")), "invalid-name",
        admin.json(Map.of("email", taken, "displayName", "Again")), "agent-exists",
        "{\"email\": ", "malformed-request");
    expected.forEach((body, code) -> {
      ApiClient.Response response = admin.post("/api/v1/admin/staff/agents", body);
      assertThat(response.status()).as(body).isIn(400, 409, 422);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body().path("code").asString()).as(body).isEqualTo(code);
    });
    assertThat(staff.agents()).hasSize((int) agentsBefore + 1);

    UUID someone = staff.findAgentByEmail(taken).orElseThrow().id();
    assertThat(admin.patch("/api/v1/admin/staff/agents/" + someone, "{}").body().path("code").asString())
        .isEqualTo("empty-change");
    ApiClient.Response halfBad = admin.patch("/api/v1/admin/staff/agents/" + someone,
        "{\"role\":\"lead\",\"displayName\":\"\"}");
    assertThat(halfBad.body().path("code").asString()).isEqualTo("invalid-name");
    assertThat(staff.requireAgent(someone).role()).as("nothing changed").isEqualTo(Role.AGENT);
    assertThat(admin.patch("/api/v1/admin/staff/agents/" + UUID.randomUUID(), "{\"role\":\"lead\"}").status())
        .isEqualTo(404);
    assertThat(admin.put("/api/v1/admin/staff/teams/" + staff.createTeam(unique("T")).id() + "/members/" + someone,
        "{\"tier\":\"boss\"}").body().path("code").asString()).isEqualTo("invalid-tier");

    ApiClient agentToken = admin.withToken(tokens.issue("agent-tests", Role.AGENT, null).secret());
    assertThat(agentToken.get("/api/v1/admin/staff/agents").status()).isEqualTo(403);
    assertThat(agentToken.post("/api/v1/admin/staff/teams", "{\"name\":\"Nope\"}").status()).isEqualTo(403);
    assertThat(agentToken.get("/api/v1/staff/agents").status()).as("the directory stays open to agents").isEqualTo(200);
    assertThat(agentToken.get("/api/v1/staff/agents").body().toString()).contains(taken);
  }

  @Test
  void shouldCreateRenameStaffAndDeleteATeamOnlyWhenNothingNeedsIt() {
    String name = unique("Returns");
    ApiClient.Response created = admin.post("/api/v1/admin/staff/teams", admin.json(Map.of("name", name)));
    assertThat(created.status()).isEqualTo(201);
    String team = created.body().path("id").asString();
    assertThat(admin.post("/api/v1/admin/staff/teams", admin.json(Map.of("name", name))).body().path("code").asString())
        .isEqualTo("team-exists");
    assertThat(admin.patch("/api/v1/admin/staff/teams/" + team, admin.json(Map.of("name", name + " EU"))).body()
        .path("name").asString()).isEqualTo(name + " EU");

    Agent lena = staff.createAgent(unique("lena") + "@staff.test", "Lena Lead", Role.AGENT, PASSWORD);
    JsonNode members = admin.put("/api/v1/admin/staff/teams/" + team + "/members/" + lena.id(),
        "{\"tier\":\"lead\"}").body();
    assertThat(members.get(0).path("tier").asString()).isEqualTo("LEAD");

    String conversation = conversationAssigned(lena.id(), UUID.fromString(team));
    ApiClient.Response refused = admin.delete("/api/v1/admin/staff/teams/" + team);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asString()).isEqualTo("team-in-use");
    assertThat(refused.body().path("detail").asString()).contains("1 conversation not closed");
    assertThat(staff.team(UUID.fromString(team))).isPresent();

    admin.put("/api/v1/conversations/" + conversation + "/status", "{\"status\":\"closed\"}");
    assertThat(admin.delete("/api/v1/admin/staff/teams/" + team + "/members/" + lena.id()).status()).isEqualTo(204);
    assertThat(staff.memberships(lena.id())).isEmpty();
    admin.put("/api/v1/admin/staff/teams/" + team + "/members/" + lena.id(), "");
    assertThat(admin.delete("/api/v1/admin/staff/teams/" + team).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/staff/teams").body().toString()).doesNotContain(team);
    assertThat(staff.memberships(lena.id())).isEmpty();
    assertThat(admin.post("/api/v1/admin/staff/teams", admin.json(Map.of("name", name + " EU"))).status())
        .as("the name is free again").isEqualTo(201);
    assertThat(entries("staff.team.deleted", UUID.fromString(team))).singleElement()
        .satisfies(e -> assertThat(e.before()).contains("Lena Lead"));
  }

  @Test
  void shouldQueueStaffMailOnlyToTheAgentsOwnAddress() {
    String email = unique("sol") + "@staff.test";
    Agent sol = staff.createAgent(email, "Sol", Role.AGENT, PASSWORD);
    String stranger = unique("stranger") + "@elsewhere.test";

    transactions.executeWithoutResult(status -> {
      events.publishEvent(new StaffMailRequested(UUID.randomUUID(), sol.id(), stranger, "Sol", "Hi", "text"));
      events.publishEvent(new StaffMailRequested(UUID.randomUUID(), UUID.randomUUID(), stranger, "Sol", "Hi", "text"));
      events.publishEvent(new StaffMailRequested(UUID.randomUUID(), sol.id(), email.toUpperCase(), "Sol", "Hi", "text"));
    });

    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE recipient = :r").param("r", stranger)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT state FROM delivery_outbox WHERE recipient = :r").param("r", email)
        .query(String.class).list()).hasSize(1);
    StaffMailbox.await(email, 1);
    String row = jdbc.sql("SELECT id FROM delivery_outbox WHERE recipient = :r").param("r", email)
        .query(String.class).single();
    ApiClient.Response retry = admin.post("/api/v1/admin/outbox/" + row + "/retry", "");
    assertThat(retry.status()).isEqualTo(409);
  }

  @Test
  void shouldLetAnAdminRunTheStaffFromThePagesWithReadableMessages() throws Exception {
    WebSession adminPages = new WebSession(port);
    assertThat(adminPages.logIn(FIRST_ADMIN, FIRST_ADMIN_PASSWORD)).isTrue();
    assertThat(adminPages.get("/admin/staff").body()).contains("Invite someone").contains(FIRST_ADMIN);

    WebSession.Page bad = adminPages.submit("/admin/staff", "/admin/staff/invite",
        Map.of("email", "nobody at all", "displayName", "Nob", "role", "AGENT"));
    assertThat(bad.body()).contains("is not an email address").contains("value=\"Nob\"");
    String email = unique("paula") + "@staff.test";
    WebSession.Page invited = adminPages.submit("/admin/staff", "/admin/staff/invite",
        Map.of("email", email, "displayName", "Paula Page", "role", "AGENT"));
    assertThat(invited.body()).contains("Invitation for <span>Paula Page</span> sent")
        .contains(StaffMailbox.link(StaffMailbox.await(email, 1), "/invitation/"));
    assertThat(adminPages.get("/admin/staff").body()).as("shown once").doesNotContain("/invitation/");

    UUID paula = staff.findAgentByEmail(email).orElseThrow().id();
    String page = "/admin/staff/agents/" + paula;
    assertThat(adminPages.get(page).body()).contains("Send the invitation again").contains("Withdraw the invitation");
    WebSession.Page resent = adminPages.submit(page, page + "/invitation", Map.of());
    assertThat(resent.body()).contains("New invitation sent").contains("/invitation/");

    UUID first = staff.findAgentByEmail(FIRST_ADMIN).orElseThrow().id();
    List<Agent> otherAdmins = staff.agents().stream()
        .filter(a -> a.role() == Role.ADMIN && a.active() && !a.id().equals(first)).toList();
    otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.LEAD));
    try {
      String own = "/admin/staff/agents/" + first;
      assertThat(adminPages.submit(own, own + "/role", Map.of("role", "AGENT")).redirectsTo(own)).isTrue();
      assertThat(adminPages.get(own).body()).contains("is the only active admin. Make someone else an admin first");
      assertThat(staff.requireAgent(first).role()).isEqualTo(Role.ADMIN);
    } finally {
      otherAdmins.forEach(a -> agents.changeRole(a.id(), Role.ADMIN));
    }

    String teamName = unique("Pages");
    WebSession.Page created = adminPages.submit("/admin/staff/teams", "/admin/staff/teams", Map.of("name", teamName));
    String teamPage = java.net.URI.create(created.location()).getPath();
    assertThat(adminPages.get(teamPage).body()).contains("Team " + teamName + " created.");
    Agent max = staff.createAgent(unique("max") + "@staff.test", "Max Member", Role.AGENT, PASSWORD);
    adminPages.submit(teamPage, teamPage + "/members", Map.of("agentId", max.id().toString(), "tier", "LEAD"));
    assertThat(adminPages.get("/admin/staff/teams").body()).contains(teamName).contains("Max Member");
    UUID teamId = UUID.fromString(teamPage.substring(teamPage.lastIndexOf('/') + 1));
    conversationAssigned(max.id(), teamId);
    adminPages.submit(teamPage, teamPage + "/delete", Map.of());
    assertThat(adminPages.get(teamPage).body()).contains("cannot be deleted while it has 1 conversation not closed");

    WebSession agentPages = new WebSession(port);
    assertThat(agentPages.logIn(max.email(), PASSWORD)).isTrue();
    assertThat(agentPages.get("/admin/staff").status()).isEqualTo(403);
    assertThat(agentPages.get("/account").status()).isEqualTo(200);
  }

  @Test
  void shouldTellTheSignInModuleWhenSessionsMustEnd() {
    String email = unique("evan") + "@staff.test";
    Agent evan = staff.createAgent(email, "Evan Events", Role.AGENT, PASSWORD);
    accounts.changePassword(evan.id(), PASSWORD, "changed-pass-1", "changed-pass-1");
    agents.deactivate(evan.id());

    assertThat(published.stream(dev.tact.staff.AgentPasswordChanged.class))
        .containsExactly(new dev.tact.staff.AgentPasswordChanged(evan.id(), email),
            new dev.tact.staff.AgentPasswordChanged(evan.id(), email));
    assertThat(published.stream(dev.tact.staff.AgentDeactivated.class))
        .containsExactly(new dev.tact.staff.AgentDeactivated(evan.id(), email));
  }

  private JsonNode invite(String email, String name) {
    ApiClient.Response response = admin.post("/api/v1/admin/staff/agents",
        admin.json(Map.of("email", email, "displayName", name)));
    assertThat(response.status()).as(response.raw()).isEqualTo(201);
    return response.body();
  }

  /** A new conversation assigned to the agent in the team; answers its id. */
  private String conversationAssigned(UUID agentId, UUID teamId) {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender",
        unique("customer") + "@example.com", "subject", "Help", "text", "Please help.")));
    String id = item.path("conversationId").asString();
    ApiClient.Response assigned = admin.put("/api/v1/conversations/" + id + "/assignment",
        admin.json(Map.of("assigneeId", agentId.toString(), "teamId", teamId.toString())));
    assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
    return id;
  }

  private AgentState state(String email) {
    return staff.findAgentByEmail(email).orElseThrow().state();
  }

  private List<AuditEntry> entries(String action, UUID target) {
    return audit.search(new AuditQuery(action, null, target.toString(), null, null, null), new PageRequest(0, 50))
        .items();
  }

  private static String path(String url) {
    return java.net.URI.create(url).getPath();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
