package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.noise.MailBombs;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every administration action of the API leaves an audit entry naming the token that did it, with the state before
 * and after, found again through {@code GET /api/v1/admin/audit}. The same context as {@link ApiOnH2IntegrationTests}.
 */
@TactTest
class AdministrationAuditIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  MailBombs mailBombs;

  ApiClient admin;
  String adminName;

  @BeforeEach
  void adminToken() {
    adminName = unique("auditor");
    admin = new ApiClient(port, tokens.issue(adminName, Role.ADMIN, null).secret());
  }

  @Test
  void shouldRecordMailboxChangesWithoutEverRecordingThePassword() {
    String address = unique("desk") + "@example.com";
    Map<String, Object> request = new HashMap<>(Map.of("name", "Desk", "address", address, "imapEnabled", false,
        "imapHost", "imap.example.com", "imapUsername", address, "imapPassword", "Secret-One-1"));
    String id = ok(admin.post("/api/v1/admin/mailboxes", admin.json(request)), 201).path("id").asString();
    request.put("name", "Front desk");
    request.put("imapPassword", "Secret-Two-2");
    ok(admin.put("/api/v1/admin/mailboxes/" + id, admin.json(request)), 200);
    assertThat(admin.delete("/api/v1/admin/mailboxes/" + id).status()).isEqualTo(204);

    JsonNode created = entry("mailbox.created", id);
    assertThat(created.path("after").path("address").asString()).isEqualTo(address);
    assertThat(created.path("after").path("passwordSet").asBoolean()).isTrue();
    JsonNode updated = entry("mailbox.updated", id);
    assertThat(updated.path("before").path("name").asString()).isEqualTo("Desk");
    assertThat(updated.path("after").path("name").asString()).isEqualTo("Front desk");
    assertThat(updated.path("after").path("passwordChanged").asBoolean()).isTrue();
    assertThat(updated.path("summary").asString()).contains("IMAP password changed");
    assertThat(entry("mailbox.deleted", id).path("before").path("name").asString()).isEqualTo("Front desk");
    String everything = admin.get("/api/v1/admin/audit?target=" + id).raw();
    assertThat(everything).doesNotContain("Secret-One-1").doesNotContain("Secret-Two-2");
  }

  @Test
  void shouldRecordRoutingRulesIntentsAssignmentSkillsAndRetraining() {
    UUID team = staff.createTeam(unique("Routing team")).id();
    String rule = ok(admin.post("/api/v1/admin/routing/rules", """
        {"kind":"sender","value":"@audit.example","intent":"billing"}"""), 201).path("id").asString();
    ok(admin.put("/api/v1/admin/routing/rules/" + rule, """
        {"kind":"sender","value":"@audit.example","intent":"technical"}"""), 200);
    assertThat(admin.delete("/api/v1/admin/routing/rules/" + rule).status()).isEqualTo(204);
    String intent = "audit_" + UUID.randomUUID().toString().substring(0, 6);
    ok(admin.post("/api/v1/admin/routing/intents", admin.json(Map.of("name", intent,
        "phrases", "where is the audit\nshow me the audit log\nwho changed the settings"))), 201);
    ok(admin.put("/api/v1/admin/routing/intents/" + intent, admin.json(Map.of("teamIds", List.of(team)))), 200);
    ok(admin.delete("/api/v1/admin/routing/intents/" + intent), 200);
    ok(admin.put("/api/v1/admin/routing/teams/" + team + "/assignment", "{\"mode\":\"round-robin\"}"), 200);
    ok(admin.put("/api/v1/staff/teams/" + team + "/skills", "{\"languages\":[\"de\"],\"products\":[\"Mesh 7\"]}"),
        200);
    String model = ok(admin.post("/api/v1/admin/routing/retrain", ""), 200).path("id").asString();

    assertThat(entry("routing.rule.created", rule).path("after").path("intent").asString()).isEqualTo("billing");
    JsonNode changed = entry("routing.rule.updated", rule);
    assertThat(changed.path("before").path("intent").asString()).isEqualTo("billing");
    assertThat(changed.path("after").path("intent").asString()).isEqualTo("technical");
    assertThat(entry("routing.rule.deleted", rule).path("before").path("intent").asString()).isEqualTo("technical");
    assertThat(entry("routing.intent.created", intent).path("after").path("phrases").asInt()).isEqualTo(3);
    assertThat(entry("routing.intent.changed", intent).path("after").path("teamIds").toString())
        .contains(team.toString());
    assertThat(entry("routing.intent.removed", intent).path("before").path("name").asString()).isEqualTo(intent);
    JsonNode assignment = entry("routing.assignment.changed", team.toString());
    assertThat(assignment.path("before").path("inherited").asBoolean()).isTrue();
    assertThat(assignment.path("after").path("mode").asString()).isEqualTo("ROUND_ROBIN");
    JsonNode skills = entry("routing.skills.changed", team.toString());
    assertThat(skills.path("before").path("languages")).isEmpty();
    assertThat(skills.path("after").path("languages").toString()).isEqualTo("[\"de\"]");
    assertThat(entry("routing.model.retrained", model).path("summary").asString()).contains("Retrained");
  }

  @Test
  void shouldRecordServiceTargetPoliciesCalendarsAndClosures() {
    UUID team = staff.createTeam(unique("SLA team")).id();
    String calendars = "/api/v1/admin/sla/calendars/" + team;
    ok(admin.put(calendars, """
        {"zone":"Europe/Berlin","hoursText":"mon-fri 09:00-17:00","country":"DE","subdivision":"be"}"""), 200);
    String closure = ok(admin.post(calendars + "/closures", """
        {"label":"Inventory day","firstDay":"2027-01-04"}"""), 201).path("id").asString();
    assertThat(admin.delete(calendars + "/closures/" + closure).status()).isEqualTo(204);
    assertThat(admin.delete(calendars).status()).isEqualTo(204);
    String name = unique("Gold");
    String policy = ok(admin.post("/api/v1/admin/sla/policies", admin.json(Map.of("name", name,
        "firstResponseMinutes", 60))), 201).path("id").asString();
    ok(admin.put("/api/v1/admin/sla/policies/" + policy, admin.json(Map.of("name", name,
        "firstResponseMinutes", 30))), 200);
    assertThat(admin.delete("/api/v1/admin/sla/policies/" + policy).status()).isEqualTo(204);

    JsonNode saved = entry("sla.calendar.saved", team.toString());
    assertThat(saved.path("before").path("configured").asBoolean()).isFalse();
    assertThat(saved.path("after").path("zone").asString()).isEqualTo("Europe/Berlin");
    assertThat(entry("sla.closure.added", team.toString()).path("after").path("label").asString())
        .isEqualTo("Inventory day");
    assertThat(entry("sla.closure.removed", team.toString()).path("before").path("id").asString()).isEqualTo(closure);
    assertThat(entry("sla.calendar.reset", team.toString()).path("after").path("configured").asBoolean()).isFalse();
    assertThat(entry("sla.policy.created", policy).path("after").path("firstResponseMinutes").asInt()).isEqualTo(60);
    JsonNode updated = entry("sla.policy.updated", policy);
    assertThat(updated.path("before").path("firstResponseMinutes").asInt()).isEqualTo(60);
    assertThat(updated.path("after").path("firstResponseMinutes").asInt()).isEqualTo(30);
    assertThat(entry("sla.policy.deleted", policy).path("before").path("name").asString()).isEqualTo(name);
  }

  @Test
  void shouldRecordMailBombLimitsAndTheReleaseOfAHeldGroup() {
    String bomber = "bomb@" + unique("bomb") + ".example";
    try {
      ok(admin.put("/api/v1/admin/noise/limits", "{\"perSender\":1,\"perDomain\":1000,\"windowSeconds\":3600}"), 200);
      for (int i = 0; i < 3; i++) {
        deliver(bomber, "Order " + i, "Distinct complaint " + i + " about order " + UUID.randomUUID() + ".");
      }
    } finally {
      mailBombs.clearLimits(null);
    }
    JsonNode limits = entry("noise.limits.changed", "default");
    assertThat(limits.path("after").path("perSender").asInt()).isEqualTo(1);
    assertThat(limits.path("before").path("perSender").asInt()).isEqualTo(20);
    String group = heldGroupOf("sender:" + bomber);
    JsonNode released = ok(admin.post("/api/v1/noise/held/" + group + "/release", ""), 200);
    assertThat(released.path("status").asString()).isEqualTo("RELEASED");

    JsonNode entry = entry("noise.held.released", group);
    assertThat(entry.path("before").path("status").asString()).isEqualTo("HELD");
    assertThat(entry.path("after").path("status").asString()).isEqualTo("RELEASED");
  }

  @Test
  void shouldRecordPolicySettingsConsentsOptOutsAndReviewDecisions() {
    JsonNode defaults = ok(admin.get("/api/v1/admin/policy/settings"), 200);
    String changed = defaults.toString().replace("\"quietHours\":{", "\"quietHours\":{\"EMAIL\":\"20:00-09:00\",");
    try {
      ok(admin.put("/api/v1/admin/policy/settings", changed), 200);
    } finally {
      ok(admin.put("/api/v1/admin/policy/settings", defaults.toString()), 200);
    }
    JsonNode settings = admin.get("/api/v1/admin/audit?action=policy.settings.changed&size=2&actor=" + adminName).body().path("items");
    assertThat(settings.get(1).path("after").path("quietHours").path("EMAIL").asString()).isEqualTo("20:00-09:00");
    assertThat(settings.get(0).path("before").path("quietHours").path("EMAIL").asString()).isEqualTo("20:00-09:00");
    assertThat(settings.get(0).path("actor").asString()).isEqualTo(adminName);

    String contact = contactOf(admin.acceptMessage(Map.of("channel", "email", "sender", unique("cora") + "@example.org",
        "text", "Hello, a question about my order.", "externalMessageId", unique("m"))));
    ok(admin.post("/api/v1/contacts/" + contact + "/consents", admin.json(Map.of("kind", "express", "channel", "email",
        "purpose", "marketing", "source", "web form", "evidence", "newsletter box ticked"))), 201);
    JsonNode granted = entry("consent.granted", contact);
    assertThat(granted.path("after").path("source").asString()).isEqualTo("web form");
    assertThat(granted.path("summary").asString()).contains("express consent to marketing by email");

    String clear = contactOf(admin.acceptMessage(Map.of("channel", "email", "sender", unique("dan") + "@example.org",
        "text", "Please don't call me again.", "externalMessageId", unique("m"))));
    await().atMost(Duration.ofSeconds(20)).until(() -> search("consent.opted-out", clear).size() == 1);
    JsonNode detected = search("consent.opted-out", clear).get(0);
    assertThat(detected.path("actorKind").asString()).as("recorded by detection, not by a person").isEqualTo("SYSTEM");
    assertThat(detected.path("after").path("channel").asString()).isEqualTo("PHONE_CALL");

    String confirm = reviewFor("stop it");
    String dismiss = reviewFor("stop it");
    ok(admin.post("/api/v1/policy/optout-reviews/" + confirm + "/confirm", ""), 200);
    ok(admin.post("/api/v1/policy/optout-reviews/" + dismiss + "/dismiss", ""), 200);
    JsonNode confirmed = entry("consent.review.confirmed", confirm);
    assertThat(confirmed.path("before").path("status").asString()).isEqualTo("OPEN");
    assertThat(confirmed.path("after").path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(entry("consent.review.dismissed", dismiss).path("after").path("status").asString())
        .isEqualTo("DISMISSED");
  }

  @Test
  void shouldRecordOutboxCancelAndRetryContactMergesAndInboundRetries() {
    String contact = contactOf(admin.acceptMessage(Map.of("channel", "email", "sender", unique("olive") + "@example.org",
        "text", "Send me the invoice please.", "externalMessageId", unique("m"))));
    String mail = ok(admin.post("/api/v1/outbox/messages", admin.json(Map.of("contactId", contact, "subject",
        "Your invoice", "text", "Invoice 77.", "purpose", "transactional", "idempotencyKey", unique("inv")))), 201)
        .path("id").asString();
    ok(admin.post("/api/v1/admin/outbox/" + mail + "/cancel", ""), 200);
    ok(admin.post("/api/v1/admin/outbox/" + mail + "/retry", ""), 200);
    JsonNode cancelled = entry("outbox.cancelled", mail);
    assertThat(cancelled.path("before").path("state").asString()).isEqualTo("QUEUED");
    assertThat(cancelled.path("after").path("state").asString()).isEqualTo("CANCELLED");
    JsonNode retried = entry("outbox.retried", mail);
    assertThat(retried.path("before").path("state").asString()).isEqualTo("CANCELLED");
    assertThat(retried.path("after").path("state").asString()).isEqualTo("QUEUED");

    String other = contactOf(admin.acceptMessage(Map.of("channel", "sms", "sender", "+1 204 555 " + (1000
        + (int) (Math.random() * 8999)), "text", "It is Olive again, from my phone.", "externalMessageId", unique("m"))));
    ok(admin.post("/api/v1/contacts/" + contact + "/merge", admin.json(Map.of("mergeContactId", other))), 200);
    JsonNode merged = entry("contact.merged", contact);
    assertThat(merged.path("before").path("merged").path("id").asString()).isEqualTo(other);
    assertThat(merged.path("after").path("identities")).hasSize(2);

    ApiClient.Response parked = admin.postBytes("/api/v1/mail", "Subject: nobody sent this\r\n\r\nNo sender.\r\n"
        .getBytes(StandardCharsets.UTF_8), "message/rfc822");
    JsonNode item = admin.awaitProcessed(ok(parked, 202));
    assertThat(item.path("state").asString()).isEqualTo("parked");
    String itemId = item.path("itemId").asString();
    ok(admin.post("/api/v1/admin/inbound/" + itemId + "/retry", ""), 200);
    assertThat(entry("intake.item.retried", itemId).path("summary").asString()).contains("names no sender");
  }

  @Test
  void shouldExportTheFilteredEntriesAsCsvAndJsonAndRecordTheExport() {
    UUID team = staff.createTeam(unique("Export team")).id();
    ok(admin.put("/api/v1/admin/routing/teams/" + team + "/assignment", "{\"mode\":\"none\"}"), 200);
    ok(admin.put("/api/v1/admin/routing/teams/" + team + "/assignment", "{\"mode\":\"default\"}"), 200);

    var csv = admin.getBytes("/api/v1/admin/audit/export?format=csv&action=routing.assignment.&target=" + team);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).isEqualTo("at,actor_kind,actor,source,action,target_type,target_id,summary,before,after");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains(",TOKEN," + adminName + ",").contains("routing.assignment.changed")
        .contains("\"{\"\"teamId\"\":");

    var json = admin.getBytes("/api/v1/admin/audit/export?format=json&action=routing.assignment.&target=" + team);
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode exported = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.body());
    assertThat(exported).hasSize(2);
    assertThat(exported.get(0).path("after").path("mode").asString()).isEqualTo("NONE");
    assertThat(exported.get(1).path("after").path("inherited").asBoolean()).isTrue();

    JsonNode record = admin.get("/api/v1/admin/audit?action=audit.exported&actor=" + adminName).body().path("items");
    assertThat(record).hasSize(2);
    assertThat(record.get(0).path("after").path("format").asString()).isEqualTo("json");
    assertThat(record.get(0).path("after").path("filter").path("action").asString())
        .isEqualTo("routing.assignment.");
    assertThat(record.get(0).path("after").path("entries").asInt()).isEqualTo(2);
    assertThat(record.get(1).path("after").path("format").asString()).isEqualTo("csv");

    ApiClient.Response badDate = admin.get("/api/v1/admin/audit/export?format=csv&from=yesterday");
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(badDate.body().path("code").asString()).isEqualTo("invalid-date");
    assertThat(admin.get("/api/v1/admin/audit/export?format=xml").body().path("code").asString())
        .isEqualTo("unknown-format");
    assertThat(admin.get("/api/v1/admin/audit/actions").body().toString()).contains("routing.assignment.changed");
  }

  /** The one entry of this action on this target, which this test's token made. */
  JsonNode entry(String action, String target) {
    JsonNode items = search(action, target + "&actor=" + adminName);
    assertThat(items).as(action + " of " + target).hasSize(1);
    JsonNode entry = items.get(0);
    assertThat(entry.path("actorKind").asString()).isEqualTo("TOKEN");
    assertThat(entry.path("actor").asString()).isEqualTo(adminName);
    assertThat(entry.path("source").asString()).isEqualTo("127.0.0.1");
    return entry;
  }

  JsonNode search(String action, String target) {
    ApiClient.Response page = admin.get("/api/v1/admin/audit?action=" + action + "&target=" + target);
    assertThat(page.status()).as(page.raw()).isEqualTo(200);
    return page.body().path("items");
  }

  String contactOf(JsonNode ack) {
    return admin.awaitProcessed(ack).path("contactId").asString();
  }

  String reviewFor(String text) {
    String messageId = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "sms", "sender", "+1 204 555 "
        + (1000 + (int) (Math.random() * 8999)), "text", text, "externalMessageId", unique("sms")))).path("messageId")
        .asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> reviewOf(messageId) != null);
    return reviewOf(messageId);
  }

  String reviewOf(String messageId) {
    for (JsonNode review : admin.get("/api/v1/policy/optout-reviews?status=open&limit=500").body()) {
      if (review.path("messageId").asString().equals(messageId)) {
        return review.path("id").asString();
      }
    }
    return null;
  }

  String heldGroupOf(String scope) {
    for (JsonNode group : admin.get("/api/v1/noise/held").body()) {
      if (group.path("scope").asString().equals(scope)) {
        return group.path("id").asString();
      }
    }
    throw new AssertionError("no held group for " + scope);
  }

  void deliver(String from, String subject, String text) {
    String mime = "From: " + from + "\r\nTo: support@acme.example\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + UUID.randomUUID() + "@bomb.example>\r\n\r\n" + text + "\r\n";
    admin.awaitProcessed(ok(admin.postBytes("/api/v1/mail", mime.getBytes(StandardCharsets.UTF_8), "message/rfc822"),
        202));
  }

  static JsonNode ok(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    return response.body();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
