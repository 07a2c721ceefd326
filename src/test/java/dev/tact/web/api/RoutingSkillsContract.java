package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactProfile;
import dev.tact.routing.FrontDoor;
import dev.tact.routing.IntentModels;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Routing by language and customer tier, VIP escalation, triage, the facts so far, and the admin API for
 * intents, rules and team skills (bad input changes nothing). Run on H2 and on PostgreSQL.
 */
abstract class RoutingSkillsContract {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  ContactManagement contacts;

  @Autowired
  FrontDoor door;

  @Autowired
  IntentModels models;

  ApiClient admin;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(port, tokens.issue("routing", Role.ADMIN, null).secret());
  }

  @Test
  void shouldSendAMessageToTheIntentsTeamThatSpeaksItsLanguage() {
    UUID english = staff.createTeam("Support EN").id();
    UUID german = staff.createTeam("Support DE").id();
    UUID anyLanguage = staff.createTeam("Support any").id();
    assertThat(admin.put("/api/v1/staff/teams/" + german + "/skills",
        "{\"languages\":[\"de-CH\",\"DE\"],\"products\":[\"Mesh 7\"]}").body().path("languages").toString())
        .isEqualTo("[\"de\"]");
    admin.put("/api/v1/staff/teams/" + english + "/skills", "{\"languages\":[\"en\"],\"products\":[]}");
    ApiClient.Response teams = admin.put("/api/v1/admin/routing/intents/technical",
        "{\"teamIds\":[\"" + english + "\",\"" + german + "\",\"" + anyLanguage + "\"]}");
    assertThat(teams.status()).as(teams.raw()).isEqualTo(200);
    assertThat(admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"keyword\",\"value\":\"mesh7\",\"intent\":\"technical\"}")
        .status()).isEqualTo(201);

    JsonNode inGerman = routed(sender(), "Mesh7 Störung", "Guten Tag, mein mesh7 Router verbindet sich nicht mehr mit "
        + "dem Internet. Können Sie mir bitte helfen? Ich habe ihn schon neu gestartet.");
    assertThat(inGerman.path("teamId").asString()).isEqualTo(german.toString());
    assertThat(door.intentOf(id(inGerman)).orElseThrow().language()).isEqualTo("de");

    JsonNode inEnglish = routed(sender(), "mesh7 down", "Hello, my mesh7 router does not connect to the internet "
        + "any more. Can you please help? I have restarted it twice.");
    assertThat(inEnglish.path("teamId").asString()).isEqualTo(english.toString());

    JsonNode inFrench = routed(sender(), "mesh7 en panne", "Bonjour, mon mesh7 ne se connecte plus à internet depuis "
        + "ce matin. Pouvez-vous nous aider avec ce problème ? Merci.");
    assertThat(inFrench.path("teamId").asString()).as("no French team: the one without a language takes it")
        .isEqualTo(anyLanguage.toString());
  }

  @Test
  void shouldSendACustomerTierToTheTeamOfATierRule() {
    UUID keyAccounts = staff.createTeam("Key accounts").id();
    ApiClient.Response rule = admin.post("/api/v1/admin/routing/rules",
        "{\"kind\":\"tier\",\"value\":\"Gold\",\"teamId\":\"" + keyAccounts + "\"}");
    assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
    String sender = sender();
    JsonNode before = routed(sender, "Question", "Hello, how do I add a second user to our plan?");
    assertThat(before.path("teamId").asString()).isNotEqualTo(keyAccounts.toString());
    contacts.updateProfile(UUID.fromString(before.path("contactId").asString()),
        new ContactProfile(null, null, null, null, null, "gold"));

    JsonNode gold = routed(sender, "Another question", "Hello, how do I add a third user to our plan?");
    assertThat(gold.path("teamId").asString()).isEqualTo(keyAccounts.toString());
    assertThat(gold.path("tier").asString()).as(admin.get("/api/v1/conversations/" + gold.path("id").asString()).raw())
        .isEqualTo("FIRST_LINE");
  }

  @Test
  void shouldEscalateAVipCustomerToTheLeadTierWithTheReason() {
    UUID team = staff.createTeam("Hosting").id();
    UUID first = member(team, "Fred First", Tier.FIRST_LINE);
    UUID lead = member(team, "Lea Lead", Tier.LEAD);
    admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"keyword\",\"value\":\"webhosting\",\"teamId\":\"" + team
        + "\"}");
    String sender = sender();
    JsonNode standard = routed(sender, "Site down", "Our webhosting shows error 500 since this morning.");
    assertThat(standard.path("tier").asString()).isEqualTo("FIRST_LINE");
    assertThat(standard.path("assigneeId").asString()).isEqualTo(first.toString());
    contacts.updateProfile(UUID.fromString(standard.path("contactId").asString()),
        new ContactProfile(null, null, null, null, null, "vip"));

    JsonNode vip = routed(sender, "Site down again", "Our webhosting shows error 500 again, order #A-77120.");
    String id = vip.path("id").asString();
    await().atMost(Duration.ofSeconds(15)).until(() -> lead.toString().equals(summary(id).path("assigneeId").asString()));
    assertThat(summary(id).path("tier").asString()).isEqualTo("LEAD");
    JsonNode facts = admin.get("/api/v1/conversations/" + id + "/facts").body();
    assertThat(facts.path("customerTier").asString()).isEqualTo("vip");
    assertThat(facts.path("escalations").toString()).contains("first line → lead: customer tier vip");
    assertThat(facts.path("agents").toString()).contains("Lea Lead");
    assertThat(facts.path("stated").toString()).contains("\"kind\":\"ORDER\",\"value\":\"A-77120\"");
  }

  @Test
  void shouldRouteFromTriageToATeamAndLearnFromIt() {
    UUID team = staff.createTeam("Billing desk").id();
    UUID agent = member(team, "Bill Desk", Tier.FIRST_LINE);
    admin.put("/api/v1/admin/routing/intents/billing", "{\"teamIds\":[\"" + team + "\"]}");
    long taughtBefore = models.examplesFromAgents();
    JsonNode unsure = routed(sender(), "Zorblax", "Zorblax quux 4711, see +44 20 7946 0958 or mail me at "
        + "zed@quux.example about invoice Q-5521.");
    assertThat(door.intentOf(id(unsure)).orElseThrow().confidence()).isLessThan(0.9);
    String id = unsure.path("id").asString();
    assertThat(unsure.path("tags").toString()).contains("triage");
    assertThat(unsure.path("teamId").isNull() || unsure.path("teamId").isMissingNode()).isTrue();

    JsonNode waiting = admin.get("/api/v1/triage").body();
    JsonNode item = null;
    for (JsonNode i : waiting) {
      if (i.path("conversation").path("id").asString().equals(id)) {
        item = i;
      }
    }
    assertThat(item).as(waiting.toString()).isNotNull();
    assertThat(item.path("intent").path("suggestions").size()).isGreaterThanOrEqualTo(3);
    assertThat(item.path("intent").path("suggestions").get(0).path("probability").asDouble()).isLessThan(0.9);

    ApiClient.Response unknownTeam = admin.post("/api/v1/triage/" + id + "/route",
        "{\"teamId\":\"" + UUID.randomUUID() + "\"}");
    assertThat(unknownTeam.status()).isEqualTo(404);
    assertThat(summary(id).path("tags").toString()).contains("triage");

    ApiClient.Response routed = admin.post("/api/v1/triage/" + id + "/route", "{\"teamId\":\"" + team + "\"}");
    assertThat(routed.status()).as(routed.raw()).isEqualTo(200);
    assertThat(routed.body().path("teamId").asString()).isEqualTo(team.toString());
    assertThat(routed.body().path("assigneeId").asString()).isEqualTo(agent.toString());
    assertThat(routed.body().path("tags").toString()).contains("intent:billing").doesNotContain("triage");
    assertThat(door.intentOf(UUID.fromString(id)).orElseThrow().triage()).isFalse();
    await().atMost(Duration.ofSeconds(15)).until(() -> models.examplesFromAgents() == taughtBefore + 1);
    assertThat(admin.post("/api/v1/triage/" + id + "/route", "{\"teamId\":\"" + team + "\"}").status()).isEqualTo(409);

    JsonNode facts = admin.get("/api/v1/conversations/" + id + "/facts").body();
    assertThat(facts.path("stated").toString()).contains("Q-5521", "+44 20 7946 0958", "zed@quux.example");
    assertThat(facts.path("teams").toString()).contains("Billing desk");
  }

  @Test
  void shouldChangeNothingWhenAnAdminSendsABadIntentRuleOrSkill() {
    String intentsBefore = admin.get("/api/v1/admin/routing/intents").raw();
    ApiClient.Response fewPhrases = admin.post("/api/v1/admin/routing/intents",
        "{\"name\":\"returns\",\"phrases\":\"I want to return it\\nHow do I send it back\"}");
    assertThat(fewPhrases.status()).isEqualTo(422);
    ApiClient.Response unknownTeam = admin.post("/api/v1/admin/routing/intents", "{\"name\":\"returns\",\"phrases\":"
        + "\"I want to return it\\nHow do I send it back\\nReturn label please\",\"teamIds\":[\"" + UUID.randomUUID()
        + "\"]}");
    assertThat(unknownTeam.status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/admin/routing/intents", "{\"name\":\"Bad Name!\",\"phrases\":\"a\\nb\\nc\"}")
        .status()).isEqualTo(422);
    assertThat(admin.put("/api/v1/admin/routing/intents/technical", "{\"renameTo\":\"billing\"}").status())
        .isEqualTo(409);
    assertThat(admin.get("/api/v1/admin/routing/intents").raw()).isEqualTo(intentsBefore);

    String rulesBefore = admin.get("/api/v1/admin/routing/rules").raw();
    assertThat(admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"tier\",\"value\":\"vip\",\"escalateTo\":\"first_line\"}")
        .status()).isEqualTo(422);
    assertThat(admin.post("/api/v1/admin/routing/rules", "{\"kind\":\"mood\",\"value\":\"angry\",\"intent\":\"complaint\"}")
        .status()).isEqualTo(422);
    assertThat(admin.get("/api/v1/admin/routing/rules").raw()).isEqualTo(rulesBefore);

    UUID team = staff.createTeam("Skills unchanged").id();
    admin.put("/api/v1/staff/teams/" + team + "/skills", "{\"languages\":[\"fr\"],\"products\":[\"Box\"]}");
    ApiClient.Response badLanguage = admin.put("/api/v1/staff/teams/" + team + "/skills",
        "{\"languages\":[\"french!\"],\"products\":[\"Other\"]}");
    assertThat(badLanguage.status()).isEqualTo(422);
    assertThat(admin.get("/api/v1/staff/teams/" + team + "/skills").body().toString())
        .isEqualTo("{\"languages\":[\"fr\"],\"products\":[\"Box\"]}");
    ApiClient agent = admin.withToken(tokens.issue("agent", Role.AGENT, null).secret());
    assertThat(agent.put("/api/v1/staff/teams/" + team + "/skills", "{\"languages\":[],\"products\":[]}").status())
        .isEqualTo(403);
  }

  @Test
  void shouldReplaceARuleInPlaceAndChangeNothingWhenTheNewOneIsBadOrUnknown() {
    UUID team = staff.createTeam("Rule editing").id();
    ApiClient.Response created = admin.post("/api/v1/admin/routing/rules",
        "{\"kind\":\"keyword\",\"value\":\"warranty\",\"intent\":\"technical\",\"position\":7}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().path("id").asString();
    int rulesBefore = admin.get("/api/v1/admin/routing/rules").body().size();

    ApiClient.Response updated = admin.put("/api/v1/admin/routing/rules/" + id, "{\"kind\":\"sender\","
        + "\"value\":\" @Acme.example \",\"teamId\":\"" + team + "\",\"escalateTo\":\"lead\"}");
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    JsonNode rules = admin.get("/api/v1/admin/routing/rules").body();
    assertThat(rules.size()).isEqualTo(rulesBefore);
    JsonNode rule = rule(rules, id);
    assertThat(rule.path("kind").asString()).isEqualTo("SENDER");
    assertThat(rule.path("value").asString()).isEqualTo("@acme.example");
    assertThat(rule.path("intent").isNull()).as(rule.toString()).isTrue();
    assertThat(rule.path("teamId").asString()).isEqualTo(team.toString());
    assertThat(rule.path("escalateTo").asString()).isEqualTo("LEAD");
    assertThat(rule.path("position").asInt()).as("no position given: the rule keeps its own").isEqualTo(7);
    assertThat(admin.put("/api/v1/admin/routing/rules/" + id, "{\"kind\":\"sender\",\"value\":\"@acme.example\","
        + "\"teamId\":\"" + team + "\",\"position\":2}").body().path("position").asInt()).isEqualTo(2);

    String before = admin.get("/api/v1/admin/routing/rules").raw();
    Map<String, String> bad = Map.of(
        "{\"kind\":\"sender\",\"value\":\"\",\"intent\":\"billing\"}", "value must be 1 to 320 characters.",
        "{\"kind\":\"mood\",\"value\":\"angry\",\"intent\":\"billing\"}", "kind must be",
        "{\"kind\":\"keyword\",\"value\":\"refund\"}", "A rule needs an intent, a team or an escalation.",
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"intent\":\"Not An Intent\"}", "intent must be",
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"intent\":\"billing\",\"position\":-1}",
        "position must be between 0 and 10000.");
    bad.forEach((body, reason) -> {
      ApiClient.Response refused = admin.put("/api/v1/admin/routing/rules/" + id, body);
      assertThat(refused.status()).as(body).isEqualTo(422);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body().path("type").asString()).isEqualTo("urn:tact:problem:invalid-rule");
      assertThat(refused.body().path("detail").asString()).as(body).contains(reason);
    });
    ApiClient.Response unknownTeam = admin.put("/api/v1/admin/routing/rules/" + id,
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"teamId\":\"" + UUID.randomUUID() + "\"}");
    assertThat(unknownTeam.status()).as(unknownTeam.raw()).isEqualTo(404);
    assertThat(admin.put("/api/v1/admin/routing/rules/" + id, "{\"kind\":").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/admin/routing/rules").raw()).isEqualTo(before);

    String unknown = UUID.randomUUID().toString();
    ApiClient.Response missing = admin.put("/api/v1/admin/routing/rules/" + unknown,
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"intent\":\"billing\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.body().path("detail").asString()).isEqualTo("No rule with id " + unknown + ".");
    assertThat(admin.put("/api/v1/admin/routing/rules/not-a-rule",
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"intent\":\"billing\"}").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/admin/routing/rules").raw()).as("an unknown rule is not created either")
        .isEqualTo(before);
    ApiClient agent = admin.withToken(tokens.issue("rule-agent", Role.AGENT, null).secret());
    assertThat(agent.put("/api/v1/admin/routing/rules/" + id,
        "{\"kind\":\"keyword\",\"value\":\"refund\",\"intent\":\"billing\"}").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/admin/routing/rules").raw()).isEqualTo(before);
    assertThat(admin.delete("/api/v1/admin/routing/rules/" + id).status()).isEqualTo(204);
  }

  private static JsonNode rule(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.path("id").asString().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id + " in " + rules);
  }

  @Test
  void shouldAddRenameAndRemoveAnIntentAndRetrainEachTime() {
    UUID team = staff.createTeam("Returns desk").id();
    ApiClient.Response added = admin.post("/api/v1/admin/routing/intents", "{\"name\":\"returns\",\"phrases\":"
        + "\"I want to return the parcel\\nHow do I send the item back\\nPlease send me a return label\\n"
        + "Can I return this for a refund\",\"teamIds\":[\"" + team + "\"]}");
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    assertThat(models.current().intents()).contains("returns");
    assertThat(models.current().predict("please send a return label, I want to send the parcel back").intent())
        .isEqualTo("returns");

    ApiClient.Response renamed = admin.put("/api/v1/admin/routing/intents/returns", "{\"renameTo\":\"send_back\"}");
    assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
    assertThat(renamed.body().toString()).contains("\"name\":\"send_back\"").doesNotContain("\"name\":\"returns\"")
        .contains(team.toString());
    assertThat(models.current().intents()).contains("send_back").doesNotContain("returns");

    assertThat(admin.delete("/api/v1/admin/routing/intents/send_back").status()).isEqualTo(200);
    assertThat(models.current().intents()).doesNotContain("send_back");
    assertThat(admin.delete("/api/v1/admin/routing/intents/send_back").status()).isEqualTo(404);
  }

  private JsonNode routed(String sender, String subject, String text) {
    String id = admin.awaitProcessed(admin.acceptMessage(Map.of("channel", "email", "sender", sender,
        "subject", subject, "text", text))).path("conversationId").asString();
    await().atMost(Duration.ofSeconds(15)).until(() -> door.intentOf(UUID.fromString(id)).isPresent());
    return summary(id);
  }

  private JsonNode summary(String id) {
    return admin.get("/api/v1/conversations/" + id).body().path("conversation");
  }

  private static UUID id(JsonNode summary) {
    return UUID.fromString(summary.path("id").asString());
  }

  private static String sender() {
    return "customer-" + UUID.randomUUID() + "@customer.example";
  }

  private UUID member(UUID team, String name, Tier tier) {
    UUID id = staff.createAgent(name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@tact.test", name,
        Role.AGENT, "pw-" + UUID.randomUUID()).id();
    staff.addMember(team, id);
    staff.setTier(team, id, tier);
    return id;
  }
}
