package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's contact-policy points through the REST API, against every database Tact supports: a contact known
 * only by a phone number is placed by its area code (the Winnipeg and Florida cases), do-not-call registers,
 * declared emergencies, contacts and consent from elsewhere, customer-since and plan, the contact import.
 */
abstract class WhereaboutsRegistersApiContract {

  static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  ApiClient admin;
  ApiClient lead;
  ApiClient agent;

  @BeforeEach
  void tokens() {
    admin = new ApiClient(port, tokens.issue("where-admin", Role.ADMIN, null).secret());
    lead = new ApiClient(port, tokens.issue("where-lead", Role.LEAD, null).secret());
    agent = new ApiClient(port, tokens.issue("where-agent", Role.AGENT, null).secret());
  }

  // ------------------------------------------------------------------ a phone number is enough

  @Test
  void shouldPlaceAContactKnownOnlyByA204NumberInManitobaAndDeferTheThanksgivingCallToTuesdayNine() {
    String id = phoneContact("204");
    JsonNode where = admin.get("/api/v1/contacts/" + id).body().path("where");
    assertThat(where.path("regions")).extracting(JsonNode::asString).containsExactly("CA-MB");
    assertThat(where.path("source").asString()).isEqualTo("from the area code +1 204: Manitoba");
    assertThat(where.path("timeZone").asString()).isEqualTo("America/Winnipeg");
    assertThat(where.path("timeZoneName").asString()).isEqualTo("Winnipeg, Central time");
    ApiClient.Response consent = consent(admin, id, "express", "phone_call", "2010-05-01T12:00:00Z");
    assertThat(consent.status()).as(consent.raw()).isEqualTo(201);
    assertThat(consent.body().path("entry").path("givenAt").asString()).isEqualTo("2010-05-01T12:00:00Z");

    JsonNode decision = decide(id, "phone_call", "marketing", local("2011-10-10T11:00", WINNIPEG));

    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("DEFER");
    assertThat(Instant.parse(decision.path("notBefore").asString())).isEqualTo(local("2011-10-11T09:00", WINNIPEG));
    assertThat(decision.path("summary").asString()).contains("Thanksgiving Day in Manitoba")
        .contains("from the area code +1 204: Manitoba")
        .endsWith("next permitted: Tuesday 11 October 2011 09:00 (Winnipeg, Central time)");
  }

  @Test
  void shouldDeferASalesCallToA305NumberAtQuarterPastEightEasternToEightNextMorning() {
    String id = phoneContact("305");
    consent(admin, id, "express", "phone_call", null);
    LocalDate tuesday = LocalDate.now(NEW_YORK).plusMonths(2).withDayOfMonth(1)
        .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));

    JsonNode decision = decide(id, "phone_call", "marketing", tuesday.atTime(20, 15).atZone(NEW_YORK).toInstant());

    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("DEFER");
    assertThat(Instant.parse(decision.path("notBefore").asString()))
        .isEqualTo(tuesday.plusDays(1).atTime(8, 0).atZone(NEW_YORK).toInstant());
    assertThat(decision.path("summary").asString()).contains("R8 Florida").contains("from the area code +1 305: Florida");
  }

  // ------------------------------------------------------------------ do-not-call registers

  @Test
  void shouldDenyASalesCallToANumberOnTheDnclUntilABusinessRelationshipExemptsIt() {
    String local = "416555" + digits(4);
    String id = contact(Map.of("phone", "+1 " + local));
    implied(id, "phone_call");
    Instant afternoon = weekday(TORONTO, 14);
    assertThat(decide(id, "phone_call", "marketing", afternoon).path("outcome").asString()).isEqualTo("ALLOW");

    ApiClient.Response loaded = admin.postBytes("/api/v1/admin/policy/do-not-call/ca-dncl/upload?mode=add&name=dncl.csv",
        ("number,registered\n" + local + ",2015-01-10\n").getBytes(), "text/csv");
    assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
    assertThat(loaded.body().path("rows").asInt()).isEqualTo(1);

    JsonNode denied = decide(id, "phone_call", "marketing", afternoon);
    assertThat(denied.path("outcome").asString()).isEqualTo("DENY");
    assertThat(denied.path("summary").asString())
        .contains("+1" + local + " is on Canada's National Do Not Call List since Saturday 10 January 2015");

    ApiClient.Response inquiry = lead.post("/api/v1/contacts/" + id + "/relationships", lead.json(Map.of(
        "kind", "inquiry", "at", Instant.now().minus(Duration.ofDays(30)).toString(), "source", "web form")));
    assertThat(inquiry.status()).as(inquiry.raw()).isEqualTo(201);
    assertThat(agent.post("/api/v1/contacts/" + id + "/relationships", agent.json(Map.of("kind", "purchase", "at",
        Instant.now().toString(), "source", "order"))).status()).isEqualTo(403);
    assertThat(decide(id, "phone_call", "marketing", afternoon).path("outcome").asString()).isEqualTo("ALLOW");

    assertThat(admin.get("/api/v1/admin/policy/do-not-call/ca-dncl/entries?number=" + local).body()).hasSize(1);
    assertThat(admin.delete("/api/v1/admin/policy/do-not-call/ca-dncl/entries/%2B1" + local).status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/admin/policy/do-not-call/ca-dncl/entries?number=" + local).body()).isEmpty();
    assertThat(audits("policy.dnc.loaded", "ca-dncl")).isPositive();
    assertThat(audits("policy.dnc.entry-removed", "ca-dncl")).isPositive();
  }

  @Test
  void shouldRejectABadRegisterFileWholeAndKeepRegistersFromAgents() {
    String local = "212555" + digits(4);
    long before = entries("US_DNC");
    ApiClient.Response bad = admin.postBytes("/api/v1/admin/policy/do-not-call/us-dnc/upload",
        (local + ",2019-04-02\n2125550199,the second of April\nnot a number,2019-04-02\n").getBytes(), "text/csv");

    assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
    assertThat(bad.body().path("code").asString()).isEqualTo("invalid-register-file");
    assertThat(bad.body().path("detail").asString()).contains("line 2").contains("line 3");
    assertThat(entries("US_DNC")).isEqualTo(before);
    assertThat(agent.get("/api/v1/admin/policy/do-not-call").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/admin/policy/do-not-call/nowhere/entries").status()).isEqualTo(404);

    ApiClient.Response json = admin.post("/api/v1/admin/policy/do-not-call/us-dnc/entries", admin.json(Map.of(
        "mode", "add", "entries", List.of(Map.of("number", local, "registeredOn", "2019-04-02")))));
    assertThat(json.status()).as(json.raw()).isEqualTo(200);
    JsonNode us = java.util.stream.StreamSupport.stream(admin.get("/api/v1/admin/policy/do-not-call").body().spliterator(),
        false).filter(r -> r.path("register").asString().equals("us-dnc")).findFirst().orElseThrow();
    assertThat(us.path("entries").asLong()).isEqualTo(before + 1);
    assertThat(us.path("channels")).extracting(JsonNode::asString).containsExactly("phone_call", "sms");
  }

  @Test
  void shouldLoadALargeFileInBatchesKeepingEachNumbersEarliestDate() {
    int numbers = 25_000;
    StringBuilder csv = new StringBuilder("number,registered on,note\n");
    csv.append("+1 646 2000000,2020-05-05,first sighting\n");
    for (int i = 1; i < numbers; i++) {
      csv.append("+1 646 ").append(2_000_000 + i).append(",2021-01-0").append(1 + i % 9).append('\n');
    }
    csv.append("(646) 200-0000,2018-01-01,listed earlier after all\n");

    ApiClient.Response loaded = admin.postBytes("/api/v1/admin/policy/do-not-call/internal/upload?mode=replace"
        + "&name=internal.csv", csv.toString().getBytes(), "text/csv");

    assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
    assertThat(loaded.body().path("rows").asLong()).isEqualTo(numbers + 1);
    assertThat(loaded.body().path("entries").asLong()).isEqualTo(numbers);
    assertThat(entries("INTERNAL")).isEqualTo(numbers);
    assertThat(admin.get("/api/v1/admin/policy/do-not-call/internal/entries?number=%2B16462000000").body().get(0)
        .path("registeredOn").asString()).isEqualTo("2018-01-01");
    assertThat(admin.get("/api/v1/admin/policy/do-not-call/internal/entries?limit=5").body()).hasSize(5);
  }

  // ------------------------------------------------------------------ declared emergencies

  @Test
  void shouldDeferSalesContactsInADeclaredEmergencyUntilItEndsAndAuditIt() {
    String id = phoneContact("504");
    consent(admin, id, "express", "phone_call", null);
    Instant wednesday = weekday(CHICAGO, 14);
    Instant ends = wednesday.plus(Duration.ofDays(1));
    assertThat(agent.post("/api/v1/policy/emergencies", agent.json(Map.of("title", "Hurricane", "country", "US")))
        .status()).isEqualTo(403);

    ApiClient.Response declared = lead.post("/api/v1/policy/emergencies", lead.json(Map.of("title",
        "Hurricane " + digits(3), "country", "US", "subdivision", "la", "endsAt", ends.toString())));
    assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
    String emergency = declared.body().path("id").asString();

    JsonNode deferred = decide(id, "phone_call", "marketing", wednesday);
    assertThat(deferred.path("outcome").asString()).as(deferred.toString()).isEqualTo("DEFER");
    assertThat(Instant.parse(deferred.path("notBefore").asString())).isAfterOrEqualTo(ends);
    assertThat(deferred.path("summary").asString()).contains("declared emergency in Louisiana");

    ApiClient.Response ended = lead.post("/api/v1/policy/emergencies/" + emergency + "/end", "{}");
    assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
    assertThat(decide(id, "phone_call", "marketing", wednesday).path("summary").asString())
        .doesNotContain("declared emergency");
    assertThat(audits("policy.emergency.declared", emergency)).isEqualTo(1);
    assertThat(audits("policy.emergency.ended", emergency)).isEqualTo(1);
    ApiClient.Response bad = lead.post("/api/v1/policy/emergencies", lead.json(Map.of("title", "x", "country", "ZZ")));
    assertThat(bad.status()).isEqualTo(422);
  }

  // ------------------------------------------------------------------ history and consent from elsewhere

  @Test
  void shouldCountAContactMadeElsewhereForTheCapAndDeferUntilItFrees() {
    String id = phoneContact("204");
    consent(admin, id, "express", "email", null);
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    ApiClient.Response added = agent.post("/api/v1/contacts/" + id + "/contact-history", agent.json(Map.of(
        "channel", "sms", "purpose", "marketing", "subject", "spring promo", "at", twoDaysAgo.toString(),
        "source", "campaign tool")));
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    assertThat(added.body().path("source").asString()).isEqualTo("campaign tool");

    JsonNode decision = decide(id, "email", "marketing", null);
    assertThat(decision.path("outcome").asString()).as(decision.toString()).isEqualTo("DEFER");
    assertThat(Instant.parse(decision.path("notBefore").asString())).isEqualTo(twoDaysAgo.plus(Duration.ofDays(7)));
    assertThat(admin.get("/api/v1/contacts/" + id + "/contact-history").body().get(0).path("source").asString())
        .isEqualTo("campaign tool");

    ApiClient.Response future = agent.post("/api/v1/contacts/" + id + "/contact-history", agent.json(Map.of(
        "channel", "sms", "purpose", "marketing", "at", Instant.now().plus(Duration.ofDays(1)).toString(),
        "source", "campaign tool")));
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.body().path("code").asString()).isEqualTo("invalid-at");
    assertThat(agent.post("/api/v1/contacts/" + id + "/contact-history", agent.json(Map.of("channel", "sms",
        "purpose", "marketing", "at", twoDaysAgo.toString()))).body().path("code").asString())
        .isEqualTo("invalid-source");
  }

  @Test
  void shouldRefuseConsentGivenInTheFutureOrBefore1990() {
    String id = phoneContact("204");
    long before = jdbc.sql("SELECT COUNT(*) FROM policy_consent").query(Long.class).single();

    ApiClient.Response future = consent(admin, id, "opt_out", "phone_call", Instant.now().plus(Duration.ofDays(2))
        .toString());
    ApiClient.Response ancient = consent(admin, id, "opt_out", "phone_call", "1985-01-01T00:00:00Z");

    assertThat(future.status()).isEqualTo(422);
    assertThat(future.body().path("code").asString()).isEqualTo("invalid-given-at");
    assertThat(ancient.status()).isEqualTo(422);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_consent").query(Long.class).single()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ customer since, plan, import

  @Test
  void shouldKeepCustomerSinceAndPlanGivenThroughTheApi() {
    String email = "seven-" + digits(6) + "@example.com";
    ApiClient.Response created = admin.post("/api/v1/contacts", admin.json(Map.of("name", "Sev Enyears",
        "email", email, "customerSince", "2019-03-01", "plan", "Business, 4,800 USD a year")));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    JsonNode contact = created.body().path("contact");
    assertThat(contact.path("customerSince").asString()).startsWith("2019-03-01");
    assertThat(contact.path("plan").asString()).isEqualTo("Business, 4,800 USD a year");
    String id = contact.path("id").asString();

    ApiClient.Response future = admin.put("/api/v1/contacts/" + id + "/customer",
        admin.json(Map.of("customerSince", "2999-01-01", "plan", "Gold")));
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.body().path("code").asString()).isEqualTo("invalid-customer-since");
    assertThat(admin.get("/api/v1/contacts/" + id).body().path("contact").path("plan").asString())
        .isEqualTo("Business, 4,800 USD a year");
    ApiClient.Response changed = admin.put("/api/v1/contacts/" + id + "/customer",
        admin.json(Map.of("customerSince", "2018-01-15", "plan", "Enterprise")));
    assertThat(changed.body().path("contact").path("customerSince").asString()).startsWith("2018-01-15");
    assertThat(admin.post("/api/v1/contacts", admin.json(Map.of("email", email))).status()).isEqualTo(409);
    JsonNode unknown = admin.get("/api/v1/contacts/" + id).body().path("where");
    assertThat(unknown.path("regions")).isEmpty();
    assertThat(unknown.path("timeZone").isNull()).as("no zone is made up: %s", unknown).isTrue();
  }

  @Test
  void shouldImportContactsFromCsvCreatingAndUpdatingAndRejectABadFileWhole() {
    String existing = "import-old-" + digits(6) + "@example.com";
    String id = contact(Map.of("email", existing));
    String fresh = "import-new-" + digits(6) + "@example.com";
    String phone = "+1 204 555 " + digits(4);
    String csv = "Name,Email,Phone,Customer since,Plan\n"
        + "\"Dubois, Marguerite\"," + fresh + "," + phone + ",2018-05-02,Pro\n"
        + "Old Timer," + existing + ",,2017-09-30,\"Gold, 12,000 EUR\"\n";

    assertThat(agent.postBytes("/api/v1/contacts/import", csv.getBytes(), "text/csv").status()).isEqualTo(403);
    ApiClient.Response imported = lead.postBytes("/api/v1/contacts/import", csv.getBytes(), "text/csv");

    assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    assertThat(imported.body().path("created").asInt()).isEqualTo(1);
    assertThat(imported.body().path("updated").asInt()).isEqualTo(1);
    JsonNode old = admin.get("/api/v1/contacts/" + id).body().path("contact");
    assertThat(old.path("customerSince").asString()).startsWith("2017-09-30");
    assertThat(old.path("plan").asString()).isEqualTo("Gold, 12,000 EUR");
    assertThat(old.path("displayName").asString()).isEqualTo("Old Timer");
    JsonNode found = admin.get("/api/v1/contacts?q=" + fresh).body().get(0);
    assertThat(found.path("displayName").asString()).isEqualTo("Dubois, Marguerite");
    assertThat(found.path("identities")).hasSize(2);

    String other = "import-bad-" + digits(6) + "@example.com";
    ApiClient.Response bad = lead.postBytes("/api/v1/contacts/import", ("name,email,customer since\nA," + other
        + ",2019-01-01\nB,not-an-email,2019-01-01\n").getBytes(), "text/csv");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().path("detail").asString()).contains("line 3");
    assertThat(admin.get("/api/v1/contacts?q=" + other).body()).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  String phoneContact(String areaCode) {
    return contact(Map.of("phone", "+1 " + areaCode + " 555 " + digits(4)));
  }

  String contact(Map<String, String> body) {
    ApiClient.Response created = admin.post("/api/v1/contacts", admin.json(body));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.body().path("contact").path("id").asString();
  }

  ApiClient.Response consent(ApiClient client, String contact, String kind, String channel, String givenAt) {
    Map<String, String> body = new HashMap<>(Map.of("kind", kind, "purpose", "marketing", "source", "web form",
        "channel", channel));
    if (givenAt != null) {
      body.put("givenAt", givenAt);
    }
    return client.post("/api/v1/contacts/" + contact + "/consents", client.json(body));
  }

  void implied(String contact, String channel) {
    ApiClient.Response r = admin.post("/api/v1/contacts/" + contact + "/consents", admin.json(Map.of("kind", "implied",
        "purpose", "marketing", "source", "purchase", "channel", channel,
        "expiresAt", Instant.now().plus(Duration.ofDays(700)).toString())));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
  }

  JsonNode decide(String contact, String channel, String purpose, Instant at) {
    Map<String, String> body = new HashMap<>(Map.of("contactId", contact, "channel", channel, "purpose", purpose));
    if (at != null) {
      body.put("proposedAt", at.toString());
    }
    ApiClient.Response response = admin.post("/api/v1/policy/decisions", admin.json(body));
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.body();
  }

  /** 14:00 (or another hour) on the second Wednesday of the month after next, in the zone: no holiday lands there. */
  static Instant weekday(ZoneId zone, int hour) {
    LocalDate day = LocalDate.now(zone).plusMonths(2).withDayOfMonth(1)
        .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY));
    return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
  }

  static Instant local(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  long audits(String action, String target) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND target_id = :t").param("a", action)
        .param("t", target).query(Long.class).single();
  }

  long entries(String register) {
    return jdbc.sql("SELECT COUNT(*) FROM policy_dnc_entry WHERE register = :r").param("r", register)
        .query(Long.class).single();
  }

  static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
    }
    return s.toString();
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
