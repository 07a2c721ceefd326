package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the contact-policy API promises (consent ledger, contact history, audited decisions,
 * opt-out detection), against every database Tact supports. The cases are ones any sensible
 * policy agrees on, so they hold for the interim policy and for the rules engine alike.
 */
abstract class PolicyApiContract {

  static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  ApiClient admin;
  ApiClient agent;

  @BeforeEach
  void tokens() {
    admin = new ApiClient(port, tokens.issue("policy-admin", Role.ADMIN, null).secret());
    agent = new ApiClient(port, tokens.issue("policy-agent", Role.AGENT, null).secret());
  }

  @Test
  void shouldAllowMarketingWithExpressConsentAndAuditTheDecision() {
    UUID contact = quietContact();
    consent(admin, contact, "express", "email", null).status();

    JsonNode decision = decide(contact, "email", "marketing", weekdayAfternoon());
    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("ALLOW");
    assertThat(decision.path("votes").isEmpty()).isFalse();

    JsonNode audited = admin.get("/api/v1/policy/decisions/" + decision.path("decisionId").asString()).body();
    assertThat(audited.path("outcome").asString()).isEqualTo("ALLOW");
    assertThat(audited.path("contactId").asString()).isEqualTo(contact.toString());
    assertThat(audited.path("votes").size()).isEqualTo(decision.path("votes").size());
    assertThat(audited.path("askedBy").asString()).contains("policy-admin");
    assertThat(decisionsOf(contact)).isEqualTo(1);
  }

  @Test
  void shouldDenyMarketingOnTheChannelAnAgentRecordedAnOptOutFor() {
    UUID contact = quietContact();
    consent(admin, contact, "express", "phone_call", null);
    assertThat(decide(contact, "phone_call", "marketing", weekdayAfternoon()).path("outcome").asString())
        .isEqualTo("ALLOW");

    ApiClient.Response optOut = agent.post("/api/v1/contacts/" + contact + "/consents", agent.json(Map.of(
        "kind", "opt_out", "channel", "phone_call", "purpose", "marketing", "source", "agent note",
        "evidence", "said no on the phone")));
    assertThat(optOut.status()).as(optOut.raw()).isEqualTo(201);

    JsonNode denied = decide(contact, "phone_call", "marketing", weekdayAfternoon());
    assertThat(denied.path("outcome").asString()).isEqualTo("DENY");
    assertThat(decisionsOf(contact)).isEqualTo(2);
  }

  @Test
  void shouldAllowATransactionalEmailReplyToSomeoneWhoWroteIn() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", unique("ana") + "@example.com",
        "text", "My invoice is wrong")));
    UUID contact = UUID.fromString(item.path("contactId").asString());
    JsonNode decision = decide(contact, "email", "transactional", null);
    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("ALLOW");
  }

  @Test
  void shouldLetOnlyLeadsRecordConsentButAnyAgentRecordAnOptOut() {
    UUID contact = quietContact();
    ApiClient.Response byAgent = consent(agent, contact, "express", "email", null);
    assertThat(byAgent.status()).isEqualTo(403);
    ApiClient lead = new ApiClient(port, tokens.issue("policy-lead", Role.LEAD, null).secret());
    assertThat(consent(lead, contact, "implied", "email", Instant.now().plus(Duration.ofDays(180))).status())
        .isEqualTo(201);
    assertThat(consent(agent, contact, "opt_out", "sms", null).status()).isEqualTo(201);

    JsonNode ledger = admin.get("/api/v1/contacts/" + contact + "/consents").body();
    assertThat(ledger).hasSize(2);
    assertThat(ledger.get(0).path("entry").path("kind").asString()).isEqualTo("IMPLIED");
    assertThat(ledger.get(1).path("entry").path("kind").asString()).isEqualTo("OPT_OUT");
    assertThat(ledger.get(1).path("recordedBy").asString()).contains("policy-agent");
  }

  @Test
  void shouldRejectBadInputWithProblemDetailsAndChangeNothing() {
    UUID contact = quietContact();
    long decisions = count("policy_decision");
    long consents = count("policy_consent");
    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, ApiClient.Response> actual = new HashMap<>();
    expected.put("unknown-channel", 422);
    actual.put("unknown-channel", admin.post("/api/v1/policy/decisions", admin.json(Map.of(
        "contactId", contact.toString(), "channel", "pigeon", "purpose", "marketing"))));
    expected.put("unknown-purpose", 422);
    actual.put("unknown-purpose", admin.post("/api/v1/policy/decisions", admin.json(Map.of(
        "contactId", contact.toString(), "channel", "email", "purpose", "gossip"))));
    expected.put("contact-not-found", 404);
    actual.put("contact-not-found", admin.post("/api/v1/policy/decisions", admin.json(Map.of(
        "contactId", UUID.randomUUID().toString(), "channel", "email", "purpose", "marketing"))));
    expected.put("missing-expiry", 422);
    actual.put("missing-expiry", consent(admin, contact, "implied", "email", null));
    expected.put("unknown-kind", 422);
    actual.put("unknown-kind", consent(admin, contact, "maybe", "email", null));
    expected.put("decision-not-found", 404);
    actual.put("decision-not-found", admin.get("/api/v1/policy/decisions/" + UUID.randomUUID()));
    expected.put("batch-too-large", 422);
    Map<String, String> one = Map.of("contactId", contact.toString(), "channel", "email", "purpose", "marketing");
    actual.put("batch-too-large", admin.post("/api/v1/policy/decisions/batch",
        admin.json(Map.of("requests", java.util.Collections.nCopies(10_001, one)))));

    expected.forEach((code, status) -> {
      ApiClient.Response response = actual.get(code);
      assertThat(response.status()).as(code + ": " + response.raw()).isEqualTo(status);
      assertThat(response.contentType()).contains("application/problem+json");
      assertThat(response.body().path("code").asString()).isEqualTo(code);
    });
    assertThat(count("policy_decision")).isEqualTo(decisions);
    assertThat(count("policy_consent")).isEqualTo(consents);
  }

  @Test
  void shouldDecideABatchAndRejectItWholeWhenAContactIsUnknown() {
    UUID consenting = quietContact();
    UUID optedOut = quietContact();
    consent(admin, consenting, "express", "email", null);
    consent(admin, optedOut, "opt_out", null, null);
    String at = weekdayAfternoon().toString();
    List<Map<String, String>> requests = List.of(
        Map.of("contactId", consenting.toString(), "channel", "email", "purpose", "marketing", "proposedAt", at),
        Map.of("contactId", optedOut.toString(), "channel", "email", "purpose", "marketing", "proposedAt", at));
    JsonNode batch = admin.post("/api/v1/policy/decisions/batch", admin.json(Map.of("requests", requests))).body();
    assertThat(batch.path("decisions").get(0).path("outcome").asString()).isEqualTo("ALLOW");
    assertThat(batch.path("decisions").get(1).path("outcome").asString()).isEqualTo("DENY");
    assertThat(batch.path("allowed").asInt()).isEqualTo(1);
    assertThat(batch.path("denied").asInt()).isEqualTo(1);

    long before = count("policy_decision");
    List<Map<String, String>> withUnknown = List.of(requests.get(0),
        Map.of("contactId", UUID.randomUUID().toString(), "channel", "email", "purpose", "marketing"));
    ApiClient.Response rejected = admin.post("/api/v1/policy/decisions/batch", admin.json(Map.of("requests", withUnknown)));
    assertThat(rejected.status()).isEqualTo(404);
    assertThat(count("policy_decision")).isEqualTo(before);
  }

  @Test
  void shouldRecordAnOptOutFromAnInboundMessageWithTheMessageAsEvidence() {
    String phone = "+1 204 555 " + (1000 + (int) (Math.random() * 8999));
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "sms", "sender", phone,
        "text", "Please don't call me again", "externalMessageId", unique("sms"))));
    UUID contact = UUID.fromString(item.path("contactId").asString());
    String messageId = item.path("messageId").asString();

    await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/contacts/" + contact + "/consents").body()
        .size() > 0);
    JsonNode entry = admin.get("/api/v1/contacts/" + contact + "/consents").body().get(0).path("entry");
    assertThat(entry.path("kind").asString()).isEqualTo("OPT_OUT");
    assertThat(entry.path("channel").asString()).isEqualTo("PHONE_CALL");
    assertThat(entry.path("evidence").asString()).contains(messageId).contains("Please don't call me again");
    assertThat(decide(contact, "phone_call", "marketing", weekdayAfternoon()).path("outcome").asString())
        .isEqualTo("DENY");
  }

  @Test
  void shouldFlagAnUnclearMessageAndRecordTheOptOutWhenAnAgentConfirms() {
    JsonNode item = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "sms", "sender", "+1 204 555 " + (1000 + (int) (Math.random() * 8999)),
        "text", "stop it", "externalMessageId", unique("sms"))));
    UUID contact = UUID.fromString(item.path("contactId").asString());
    String messageId = item.path("messageId").asString();
    await().atMost(Duration.ofSeconds(15)).until(() -> reviewOf(messageId) != null);
    assertThat(admin.get("/api/v1/contacts/" + contact + "/consents").body()).isEmpty();

    ApiClient.Response confirmed = agent.post("/api/v1/policy/optout-reviews/" + reviewOf(messageId).path("id").asString()
        + "/confirm", "");
    assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
    JsonNode ledger = admin.get("/api/v1/contacts/" + contact + "/consents").body();
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).path("entry").path("kind").asString()).isEqualTo("OPT_OUT");
    assertThat(ledger.get(0).path("entry").path("evidence").asString()).contains(messageId);
  }

  @Test
  void shouldKeepOptOutsWhenContactsMerge() {
    UUID survivor = quietContact();
    UUID merged = quietContact();
    consent(admin, survivor, "express", "email", null);
    consent(admin, merged, "opt_out", "email", null);
    assertThat(decide(survivor, "email", "marketing", weekdayAfternoon()).path("outcome").asString()).isEqualTo("ALLOW");

    ApiClient.Response merge = admin.post("/api/v1/contacts/" + survivor + "/merge",
        admin.json(Map.of("mergeContactId", merged.toString())));
    assertThat(merge.status()).as(merge.raw()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/contacts/" + survivor + "/consents").body()
        .size() == 2);
    assertThat(decide(survivor, "email", "marketing", weekdayAfternoon()).path("outcome").asString()).isEqualTo("DENY");
    assertThat(admin.get("/api/v1/contacts/" + merged + "/consents").body()).hasSize(2);
  }

  @Test
  void shouldListAContactsHistoryNewestFirst() {
    UUID contact = quietContact();
    assertThat(admin.get("/api/v1/contacts/" + contact + "/contact-history").body()).isEmpty();
    assertThat(admin.get("/api/v1/contacts/" + UUID.randomUUID() + "/contact-history").status()).isEqualTo(404);
  }

  @Test
  void shouldApplyQuietHoursAnAdminSetsAndRefuseBadSettingsUnchanged() {
    JsonNode defaults = admin.get("/api/v1/admin/policy/settings").body();
    assertThat(defaults.path("quietHours").path("PHONE_CALL").asString()).isEqualTo("21:00-08:00");
    assertThat(agent.get("/api/v1/admin/policy/settings").status()).isEqualTo(403);
    UUID contact = quietContact();
    consent(admin, contact, "express", "email", null);
    Instant evening = weekdayAfternoon().plus(java.time.Duration.ofHours(8)); // 22:00 in Winnipeg
    assertThat(decide(contact, "email", "marketing", evening).path("outcome").asString()).isEqualTo("ALLOW");

    String changed = defaults.toString().replace("\"quietHours\":{", "\"quietHours\":{\"EMAIL\":\"20:00-09:00\",");
    try {
      ApiClient.Response saved = admin.put("/api/v1/admin/policy/settings", changed);
      assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
      assertThat(saved.body().path("quietHours").path("EMAIL").asString()).isEqualTo("20:00-09:00");

      JsonNode deferred = decide(contact, "email", "marketing", evening);
      assertThat(deferred.path("outcome").asString()).isEqualTo("DEFER");
      assertThat(Instant.parse(deferred.path("notBefore").asString()).atZone(WINNIPEG).toLocalTime())
          .isEqualTo(LocalTime.of(9, 0));

      ApiClient.Response bad = admin.put("/api/v1/admin/policy/settings",
          changed.replace("20:00-09:00", "late evening"));
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.body().path("code").asString()).isEqualTo("invalid-quiet-hours");
      assertThat(admin.get("/api/v1/admin/policy/settings").body().path("quietHours").path("EMAIL").asString())
          .isEqualTo("20:00-09:00");
    } finally {
      assertThat(admin.put("/api/v1/admin/policy/settings", defaults.toString()).status()).isEqualTo(200);
    }
    assertThat(decide(contact, "email", "marketing", evening).path("outcome").asString()).isEqualTo("ALLOW");
  }

  /** A contact in Winnipeg with no conversation, consent or history. */
  UUID quietContact() {
    UUID id = contacts.resolve(identities.parse(unique("quiet") + "@example.ca"), new ContactNames(null, null, null)).id();
    jdbc.sql("UPDATE contact_contact SET time_zone = 'America/Winnipeg', country = 'CA', subdivision = 'mb' "
        + "WHERE id = :id").param("id", id).update();
    return id;
  }

  /** 14:00 in Winnipeg on the third Wednesday of a month some weeks ahead: no holiday, no quiet hours. */
  static Instant weekdayAfternoon() {
    LocalDate month = LocalDate.now(WINNIPEG).plusMonths(2).withDayOfMonth(1);
    LocalDate day = month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
    return day.atTime(LocalTime.of(14, 0)).atZone(WINNIPEG).toInstant();
  }

  JsonNode decide(UUID contact, String channel, String purpose, Instant at) {
    Map<String, String> body = new HashMap<>(Map.of("contactId", contact.toString(), "channel", channel,
        "purpose", purpose));
    if (at != null) {
      body.put("proposedAt", at.toString());
    }
    ApiClient.Response response = admin.post("/api/v1/policy/decisions", admin.json(body));
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.body();
  }

  ApiClient.Response consent(ApiClient client, UUID contact, String kind, String channel, Instant expiresAt) {
    Map<String, String> body = new HashMap<>(Map.of("kind", kind, "purpose", "marketing", "source", "web form",
        "evidence", "form submission " + unique("f")));
    if (channel != null) {
      body.put("channel", channel);
    }
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt.toString());
    }
    return client.post("/api/v1/contacts/" + contact + "/consents", client.json(body));
  }

  JsonNode reviewOf(String messageId) {
    for (JsonNode review : admin.get("/api/v1/policy/optout-reviews?status=open&limit=500").body()) {
      if (review.path("messageId").asString().equals(messageId)) {
        return review;
      }
    }
    return null;
  }

  long decisionsOf(UUID contact) {
    return jdbc.sql("SELECT COUNT(*) FROM policy_decision WHERE contact_id = :c").param("c", contact)
        .query(Long.class).single();
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
